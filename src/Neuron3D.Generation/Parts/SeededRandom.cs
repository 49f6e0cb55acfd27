namespace Neuron3D.Generation.Parts;

/// <summary>
/// SplitMix64: a tiny deterministic generator whose sequence is fixed by this code alone (unlike System.Random, whose
/// algorithm is an implementation detail), so the same prompt and seed give the same asset on every runtime.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator seeded from a prompt and a user seed (FNV-1a of the prompt mixed with the seed).</summary>
    public static SeededRandom For(string prompt, long seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in prompt)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return new SeededRandom(hash ^ (ulong)seed * 0x9E3779B97F4A7C15UL);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public float Range(float min, float max) => min + (max - min) * NextFloat();

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="max"/>] (inclusive).</summary>
    public int Int(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    /// <summary>A derived generator, so one part's draws do not shift another's.</summary>
    public SeededRandom Fork() => new(NextUInt64());
}
