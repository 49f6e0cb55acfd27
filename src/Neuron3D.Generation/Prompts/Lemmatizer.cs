namespace Neuron3D.Generation.Prompts;

/// <summary>
/// Reduces a word to its dictionary form by trying plural and inflection rules and keeping the first candidate that is
/// in the known vocabulary ("wheels" → "wheel", "shelves" → "shelf", "sitting" → "sit", "chipped" → "chip"). Words with
/// no known candidate are returned unchanged, so unknown words stay visible.
/// </summary>
public sealed class Lemmatizer
{
    private static readonly Dictionary<string, string> Irregular = new()
    {
        ["feet"] = "foot", ["teeth"] = "tooth", ["mice"] = "mouse", ["men"] = "man", ["women"] = "woman",
        ["children"] = "child", ["geese"] = "goose", ["leaves"] = "leaf", ["knives"] = "knife", ["wolves"] = "wolf",
        ["shelves"] = "shelf", ["halves"] = "half", ["loaves"] = "loaf", ["cacti"] = "cactus", ["fungi"] = "fungus",
        ["people"] = "person", ["oxen"] = "ox", ["dice"] = "die", ["held"] = "hold", ["made"] = "make", ["cut"] = "cut",
        ["spread"] = "spread", ["filled"] = "fill", ["worn"] = "wear", ["built"] = "build", ["carried"] = "carry",
        ["lying"] = "lie", ["flying"] = "fly", ["shaped"] = "shape", ["sleeping"] = "sleep", ["steaming"] = "steam",
    };

    private readonly Func<string, bool> _isKnown;

    /// <param name="isKnown">Whether a lemma is in the vocabulary.</param>
    public Lemmatizer(Func<string, bool> isKnown) => _isKnown = isKnown;

    /// <summary>The lemma of a lower-case word.</summary>
    public string Lemmatize(string word)
    {
        if (Irregular.TryGetValue(word, out var irregular)) return irregular;
        if (_isKnown(word)) return word;
        foreach (var candidate in Candidates(word))
            if (candidate.Length >= 2 && _isKnown(candidate)) return candidate;
        return word;
    }

    private static IEnumerable<string> Candidates(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal)) yield return w[..^3] + "y";
        if (w.EndsWith("ves", StringComparison.Ordinal)) { yield return w[..^3] + "f"; yield return w[..^3] + "fe"; }
        if (w.EndsWith("es", StringComparison.Ordinal)) yield return w[..^2];
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)) yield return w[..^1];
        if (w.EndsWith("ing", StringComparison.Ordinal))
        {
            var stem = w[..^3];
            yield return stem;
            yield return stem + "e";
            if (stem.Length > 2 && stem[^1] == stem[^2]) yield return stem[..^1];
        }
        if (w.EndsWith("ied", StringComparison.Ordinal)) yield return w[..^3] + "y";
        if (w.EndsWith("ed", StringComparison.Ordinal))
        {
            var stem = w[..^2];
            yield return stem;
            yield return w[..^1];
            if (stem.Length > 2 && stem[^1] == stem[^2]) yield return stem[..^1];
        }
        if (w.EndsWith('y') && w.Length > 3)
        {
            yield return w[..^1];
            yield return w[..^1] + "e";
        }
        if (w.EndsWith("ish", StringComparison.Ordinal)) yield return w[..^3];
    }
}
