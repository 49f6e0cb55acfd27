using System.Reflection;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator.Tasks;

/// <summary>Where a validator's synthetic tasks come from.</summary>
public interface ITaskSource
{
    /// <summary>A fresh task (new uuid4 id) for a pulling miner.</summary>
    Sn17Task Next();
}

/// <summary>
/// Synthetic text tasks drawn uniformly from a prompt list (spec sn17-404gen.md §3.2): a file with one prompt per line,
/// or the bundled list of 160 prompts in SN17's style (16 categories). Blank lines and '#' comments are ignored.
/// </summary>
public sealed class PromptTaskSource : ITaskSource
{
    private readonly string[] _prompts;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public PromptTaskSource(IEnumerable<string> prompts, int? seed = null)
    {
        _prompts = prompts.Select(p => p.Trim()).Where(p => p.Length > 0 && !p.StartsWith('#')).ToArray();
        if (_prompts.Length == 0) throw new ArgumentException("the prompt list is empty", nameof(prompts));
        _random = seed is { } s ? new Random(s) : new Random();
    }

    /// <summary>The prompts in use.</summary>
    public IReadOnlyList<string> Prompts => _prompts;

    /// <summary>Reads a prompt file (UTF-8, one prompt per line).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static PromptTaskSource FromFile(string path, int? seed = null) => new(File.ReadLines(path), seed);

    /// <summary>The bundled prompt list.</summary>
    public static PromptTaskSource Bundled(int? seed = null)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Neuron3D.Subnet17.prompts.txt")
            ?? throw new InvalidOperationException("bundled prompt list missing from the assembly");
        using var reader = new StreamReader(stream);
        return new PromptTaskSource(reader.ReadToEnd().Split('\n'), seed);
    }

    public Sn17Task Next()
    {
        lock (_gate) return Sn17Task.NewText(_prompts[_random.Next(_prompts.Length)]);
    }
}
