using Neuron3D.Generation.Parts;

namespace Neuron3D.Generation.Prompts;

/// <summary>How an attached-part phrase relates to the main object.</summary>
public enum PartRelation { With, Holding, On, In, Of, MadeOf, ShapedLike, Without, At }

/// <summary>What one word of the prompt turned out to be.</summary>
public enum TokenRole { Stop, Relation, Object, Part, Color, Shade, Material, Overlay, Style, Size, Count, Pose, Unknown }

/// <summary>A prompt word, its lemma (dictionary form) and what the analyser made of it.</summary>
public sealed record PromptToken(string Text, string Lemma, TokenRole Role);

/// <summary>Appearance modifiers collected for one thing (the main object or one attached part).</summary>
/// <param name="Colors">Colours in prompt order (sRGB); the first is the main colour, the second an accent.</param>
/// <param name="ColorWords">The colour phrases as written ("dark green").</param>
/// <param name="Material">The material asked for, with any colour already applied, or null.</param>
/// <param name="Overlay">Patches laid over the material ("mossy", "with moss", "rusty"), or null.</param>
/// <param name="Style">The style word, or <see cref="Prompts.Style.None"/>.</param>
/// <param name="Size">Combined size and proportion factors.</param>
/// <param name="Glowing">Whether the thing should glow (emissive colour).</param>
public sealed record Modifiers(
    IReadOnlyList<Rgb> Colors,
    IReadOnlyList<string> ColorWords,
    MaterialSpec? Material,
    MaterialSpec? Overlay,
    Style Style,
    SizeModifier Size,
    bool Glowing)
{
    /// <summary>No modifiers.</summary>
    public static Modifiers None { get; } = new([], [], null, null, Style.None, SizeModifier.Identity, false);

    /// <summary>The main colour, or null when none was named.</summary>
    public Rgb? PrimaryColor => Colors.Count > 0 ? Colors[0] : null;

    /// <summary>The second colour named, or null.</summary>
    public Rgb? SecondaryColor => Colors.Count > 1 ? Colors[1] : null;
}

/// <summary>A part the prompt attaches to the main object ("with a red roof", "holding a sword", "on a stone plinth").</summary>
/// <param name="Relation">The word that introduced it.</param>
/// <param name="Noun">The part's noun lemma ("roof", "wheel"), or null when the phrase named only modifiers.</param>
/// <param name="Kind">The object kind the noun names when it is itself a known object ("sword"), else null.</param>
/// <param name="Count">How many, when a number was given; else null.</param>
/// <param name="Modifiers">The part's own colour, material and size.</param>
public sealed record AttachedPart(PartRelation Relation, string? Noun, string? Kind, int? Count, Modifiers Modifiers);

/// <summary>Everything the analyser understood of a prompt. Unknown words are listed, never fatal.</summary>
/// <param name="Prompt">The prompt as given.</param>
/// <param name="Tokens">Every word with its lemma and role.</param>
/// <param name="Kind">The matched object kind id, or null when nothing matched (the generator then falls back).</param>
/// <param name="MatchedWords">The words that named the kind ("rocking chair").</param>
/// <param name="Subject">For depicting kinds (statue, idol, figurine): the kind they depict, else null.</param>
/// <param name="Main">Modifiers of the main object.</param>
/// <param name="Parts">Attached parts in prompt order.</param>
/// <param name="Count">How many of the main object (1 unless "two …", "pair of …").</param>
/// <param name="Arrangement">Collective word ("stack", "cluster", "slice", "pair") or null.</param>
/// <param name="ShapeHint">Shape named by "shaped like …"/"cut like …" ("disc", "teardrop", "leaf"), or null.</param>
/// <param name="Poses">Pose and state lemmas ("sleep", "curl", "spread").</param>
/// <param name="UnknownWords">Words the analyser did not recognise.</param>
public sealed record PromptAnalysis(
    string Prompt,
    IReadOnlyList<PromptToken> Tokens,
    string? Kind,
    string? MatchedWords,
    string? Subject,
    Modifiers Main,
    IReadOnlyList<AttachedPart> Parts,
    int Count,
    string? Arrangement,
    string? ShapeHint,
    IReadOnlyList<string> Poses,
    IReadOnlyList<string> UnknownWords)
{
    /// <summary>Whether a pose or state lemma occurs.</summary>
    public bool HasPose(string lemma) => Poses.Contains(lemma);
}
