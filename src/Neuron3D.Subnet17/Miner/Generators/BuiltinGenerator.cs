using Neuron3D.Assets.Splats;
using Neuron3D.Generation;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Miner.Generators;

/// <summary>
/// A miner worker on the built-in CPU procedural generator (<see cref="ProceduralGenerator"/>): text prompts only,
/// one generation at a time per worker, run on a thread-pool thread so the worker loop stays responsive. The seed is
/// derived from the task id, so a re-sent task gives the same asset.
/// </summary>
public sealed class BuiltinGenerator(ProceduralGenerator? generator = null) : IMinerGenerator
{
    private readonly ProceduralGenerator _generator = generator ?? ProceduralGenerator.Default;

    /// <inheritdoc />
    public string Name => "builtin";

    /// <inheritdoc />
    public bool Supports(TaskKind kind) => kind == TaskKind.Text;

    /// <inheritdoc />
    public Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var seed = (long)System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(task.Id));
        return Task.Run(() => _generator.Generate(task.Prompt, seed, cancellationToken).Splats, cancellationToken);
    }
}
