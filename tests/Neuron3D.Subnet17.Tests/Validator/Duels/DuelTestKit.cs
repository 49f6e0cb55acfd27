using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator.Duels;
using Neuron3D.Subnet17.Validator.Tasks;

namespace Neuron3D.Subnet17.Tests.Validator.Duels;

/// <summary>Synthetic tasks with prompts chosen by the test (then a filler that never matters).</summary>
internal sealed class ScriptedTasks(params string[] prompts) : ITaskSource
{
    private readonly Queue<string> _prompts = new(prompts);
    public int Calls;

    public void Add(params string[] prompts)
    {
        foreach (var p in prompts) _prompts.Enqueue(p);
    }

    public Sn17Task Next()
    {
        Calls++;
        return Sn17Task.NewText(_prompts.Count > 0 ? _prompts.Dequeue() : "filler prompt " + Calls);
    }
}

internal static class DuelTestKit
{
    /// <summary>A prompt whose pairing hash at <paramref name="nonce"/> selects exactly (left, right).</summary>
    public static string PromptPairing(long nonce, int left, int right, string stem = "a duel prompt")
    {
        for (var i = 0; i < 5_000_000; i++)
        {
            var prompt = $"{stem} #{i}";
            if (DuelPairing.Pair(nonce, prompt) == (left, right)) return prompt;
        }
        throw new InvalidOperationException($"no prompt pairs ({left}, {right}) at nonce {nonce}");
    }

    /// <summary>A prompt that pairs a uid with itself at <paramref name="nonce"/>.</summary>
    public static string PromptPairingSelf(long nonce)
    {
        for (var i = 0; ; i++)
        {
            var prompt = $"self #{i}";
            var (l, r) = DuelPairing.Pair(nonce, prompt);
            if (l == r) return prompt;
        }
    }
}
