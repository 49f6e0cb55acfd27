using Neuron3D.Generation.Parts;

namespace Neuron3D.Generation.Prompts;

/// <summary>Style words prompts use; each nudges default materials and proportions.</summary>
public enum Style { None, Medieval, Futuristic, Rustic, Cartoon, Ancient, Modern, Retro, Antique, Fantasy, Industrial, Royal, Classic, Toy }

/// <summary>The fixed vocabulary of modifiers: colours, shades, styles, sizes, counts, poses and function words.</summary>
public static class Lexicon
{
    /// <summary>Named colours, sRGB.</summary>
    public static IReadOnlyDictionary<string, Rgb> Colors { get; } = new Dictionary<string, Rgb>
    {
        ["red"] = Rgb.FromHex(0xc8202a), ["green"] = Rgb.FromHex(0x2f9e3a), ["blue"] = Rgb.FromHex(0x2458c8),
        ["yellow"] = Rgb.FromHex(0xf2cc1d), ["orange"] = Rgb.FromHex(0xf07a12), ["purple"] = Rgb.FromHex(0x7a2fb0),
        ["violet"] = Rgb.FromHex(0x8a4fd8), ["pink"] = Rgb.FromHex(0xf07aa8), ["brown"] = Rgb.FromHex(0x7a4a24),
        ["black"] = Rgb.FromHex(0x1c1c1e), ["white"] = Rgb.FromHex(0xf2f2ef), ["gray"] = Rgb.FromHex(0x808285),
        ["grey"] = Rgb.FromHex(0x808285), ["cyan"] = Rgb.FromHex(0x22c4d8), ["teal"] = Rgb.FromHex(0x178a86),
        ["turquoise"] = Rgb.FromHex(0x30d0c0), ["magenta"] = Rgb.FromHex(0xd02a9a), ["beige"] = Rgb.FromHex(0xd8c8a0),
        ["tan"] = Rgb.FromHex(0xc8a070), ["cream"] = Rgb.FromHex(0xf3e8c8), ["ivory"] = Rgb.FromHex(0xf4efdc),
        ["maroon"] = Rgb.FromHex(0x701c24), ["navy"] = Rgb.FromHex(0x1c2a5a), ["olive"] = Rgb.FromHex(0x6b7a2a),
        ["lime"] = Rgb.FromHex(0x8ad62a), ["crimson"] = Rgb.FromHex(0xb0102a), ["scarlet"] = Rgb.FromHex(0xe0201a),
        ["amber"] = Rgb.FromHex(0xf0a020), ["indigo"] = Rgb.FromHex(0x3a2a8a), ["lavender"] = Rgb.FromHex(0xb8a0e0),
        ["peach"] = Rgb.FromHex(0xf8b890), ["coral"] = Rgb.FromHex(0xf07860), ["mint"] = Rgb.FromHex(0x90e0b0),
        ["khaki"] = Rgb.FromHex(0xb8a870), ["charcoal"] = Rgb.FromHex(0x3a3c40), ["rainbow"] = Rgb.FromHex(0xe05090),
        ["sunburst"] = Rgb.FromHex(0xc8782a), ["blond"] = Rgb.FromHex(0xe8d090), ["chocolate"] = Rgb.FromHex(0x5a3018),
        ["caramel"] = Rgb.FromHex(0xc08038), ["rose"] = Rgb.FromHex(0xe06080),
    };

    /// <summary>Shade words that modify the next colour ("dark green"): factor applied to brightness, mix with white.</summary>
    public static IReadOnlyDictionary<string, (float Brightness, float Whiten)> Shades { get; } = new Dictionary<string, (float, float)>
    {
        ["dark"] = (0.55f, 0), ["deep"] = (0.7f, 0), ["light"] = (1.1f, 0.35f), ["pale"] = (1.05f, 0.5f),
        ["bright"] = (1.2f, 0.05f), ["pastel"] = (1.05f, 0.45f), ["vivid"] = (1.15f, 0),
    };

    /// <summary>Words that add a patch overlay rather than replace the material ("mossy", "rusty").</summary>
    public static IReadOnlyDictionary<string, MaterialSpec> Overlays { get; } = new Dictionary<string, MaterialSpec>
    {
        ["mossy"] = Materials.Moss, ["moss"] = Materials.Moss, ["rusty"] = Materials.Rust, ["rust"] = Materials.Rust,
        ["snowy"] = Materials.Snow, ["snow"] = Materials.Snow, ["weathered"] = Materials.Stone,
    };

    /// <summary>Style words.</summary>
    public static IReadOnlyDictionary<string, Style> Styles { get; } = new Dictionary<string, Style>
    {
        ["medieval"] = Style.Medieval, ["futuristic"] = Style.Futuristic, ["scifi"] = Style.Futuristic, ["sci"] = Style.Futuristic,
        ["cyber"] = Style.Futuristic, ["space"] = Style.Futuristic, ["laser"] = Style.Futuristic, ["hover"] = Style.Futuristic,
        ["rustic"] = Style.Rustic, ["cartoon"] = Style.Cartoon, ["cute"] = Style.Cartoon, ["friendly"] = Style.Cartoon,
        ["ancient"] = Style.Ancient, ["greek"] = Style.Ancient, ["roman"] = Style.Ancient, ["egyptian"] = Style.Ancient,
        ["modern"] = Style.Modern, ["retro"] = Style.Retro, ["vintage"] = Style.Retro, ["old"] = Style.Antique,
        ["antique"] = Style.Antique, ["fantasy"] = Style.Fantasy, ["magic"] = Style.Fantasy, ["magical"] = Style.Fantasy,
        ["enchanted"] = Style.Fantasy, ["industrial"] = Style.Industrial, ["royal"] = Style.Royal, ["classic"] = Style.Classic,
        ["toy"] = Style.Toy,
    };

    /// <summary>Size and proportion words: (overall scale, height, width, length) factors.</summary>
    public static IReadOnlyDictionary<string, SizeModifier> Sizes { get; } = new Dictionary<string, SizeModifier>
    {
        ["small"] = new(0.75f, 1, 1, 1), ["tiny"] = new(0.6f, 1, 1, 1), ["little"] = new(0.75f, 1, 1, 1),
        ["mini"] = new(0.65f, 1, 1, 1), ["miniature"] = new(0.65f, 1, 1, 1),
        ["big"] = new(1.35f, 1, 1, 1), ["large"] = new(1.35f, 1, 1, 1), ["huge"] = new(1.6f, 1, 1, 1),
        ["giant"] = new(1.6f, 1, 1, 1), ["massive"] = new(1.6f, 1.0f, 1.15f, 1), ["king"] = new(1.3f, 1, 1.15f, 1.1f),
        ["tall"] = new(1, 1.4f, 1, 1), ["short"] = new(1, 0.72f, 1, 1), ["long"] = new(1, 1, 1, 1.4f),
        ["wide"] = new(1, 1, 1.35f, 1), ["broad"] = new(1, 1, 1.3f, 1), ["narrow"] = new(1, 1, 0.75f, 1),
        ["thin"] = new(1, 1, 0.7f, 1), ["slim"] = new(1, 1, 0.75f, 1), ["thick"] = new(1, 1, 1.3f, 1),
        ["fat"] = new(1, 1, 1.35f, 1), ["chunky"] = new(1, 1, 1.3f, 1), ["flat"] = new(1, 0.55f, 1.1f, 1.1f),
        ["round"] = new(1, 1, 1, 1, 1.5f), ["rounded"] = new(1, 1, 1, 1, 1.4f), ["square"] = new(1, 1, 1, 1, 0.5f),
        ["stubby"] = new(1, 0.75f, 1.15f, 1),
    };

    /// <summary>Number words.</summary>
    public static IReadOnlyDictionary<string, int> Counts { get; } = new Dictionary<string, int>
    {
        ["one"] = 1, ["single"] = 1, ["two"] = 2, ["twin"] = 2, ["double"] = 2, ["pair"] = 2, ["three"] = 3, ["triple"] = 3,
        ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["many"] = 8, ["several"] = 4, ["few"] = 3, ["dozen"] = 12,
    };

    /// <summary>Pose and state words builders may react to (a sleeping cat curls up; spread wings open).</summary>
    public static IReadOnlySet<string> Poses { get; } = new HashSet<string>
    {
        "sleep", "curl", "stand", "sit", "perch", "crouch", "upright", "spread", "fold", "open", "closed", "flow", "hold",
        "carry", "fly", "run", "jump", "lie", "rear", "kneel", "balance", "twist", "curve", "spike", "facet", "carve",
        "paint", "frost", "steam", "chip", "cut", "cluster", "stack", "fill", "full", "floppy", "curly", "sharp", "smooth",
        "rough", "broken", "crack", "dead", "leafy", "bearded", "spotted", "stripe", "striped", "sprinkle", "jewel", "potted",
        "one-eyed", "tentacled", "twisted", "rotary", "faceted", "waiting", "dual", "adjustable", "acoustic", "classic", "electric", "steaming", "glow", "pointed",
    };

    /// <summary>Words that open an attached-part phrase, and the relation they express.</summary>
    public static IReadOnlyDictionary<string, PartRelation> Relations { get; } = new Dictionary<string, PartRelation>
    {
        ["with"] = PartRelation.With, ["and"] = PartRelation.With, ["hold"] = PartRelation.Holding,
        ["carry"] = PartRelation.Holding, ["wield"] = PartRelation.Holding, ["on"] = PartRelation.On,
        ["atop"] = PartRelation.On, ["above"] = PartRelation.On, ["in"] = PartRelation.In, ["inside"] = PartRelation.In,
        ["into"] = PartRelation.In, ["of"] = PartRelation.Of, ["make"] = PartRelation.MadeOf, ["from"] = PartRelation.MadeOf,
        ["like"] = PartRelation.ShapedLike, ["shape"] = PartRelation.ShapedLike, ["without"] = PartRelation.Without,
        ["at"] = PartRelation.At, ["fill"] = PartRelation.With, ["full"] = PartRelation.With, ["wear"] = PartRelation.With,
        ["under"] = PartRelation.At, ["beside"] = PartRelation.At, ["near"] = PartRelation.At,
    };

    /// <summary>Words with no content for geometry.</summary>
    public static IReadOnlySet<string> StopWords { get; } = new HashSet<string>
    {
        "a", "an", "the", "its", "it", "his", "her", "their", "some", "very", "that", "this", "is", "are", "has", "have",
        "by", "to", "for", "as", "top", "bottom", "side", "while", "being", "look", "looking", "style", "styled", "type",
        "kind", "size", "set", "piece", "finish", "up", "down", "attention", "colored", "coloured",
    };

    /// <summary>Collective heads whose object is named after "of" ("slice of pizza", "stack of pancakes").</summary>
    public static IReadOnlySet<string> Collectives { get; } = new HashSet<string>
    {
        "slice", "stack", "cluster", "pair", "pile", "bunch", "group", "heap", "handful", "row", "collection", "bundle", "couple",
    };
}

/// <summary>Size and proportion factors of a size word; 1 means unchanged.</summary>
/// <param name="Scale">Overall size relative to the object's neighbours (parts, base).</param>
/// <param name="Height">Factor on the vertical extent.</param>
/// <param name="Width">Factor on the horizontal extents (x and, for round things, z).</param>
/// <param name="Length">Factor on the long axis (z for vehicles and animals, the blade for weapons).</param>
/// <param name="Roundness">Above 1 rounder, below 1 boxier.</param>
public readonly record struct SizeModifier(float Scale, float Height, float Width, float Length, float Roundness = 1)
{
    /// <summary>No change.</summary>
    public static SizeModifier Identity => new(1, 1, 1, 1, 1);

    /// <summary>Both modifiers applied.</summary>
    public SizeModifier Combine(SizeModifier other) =>
        new(Scale * other.Scale, Height * other.Height, Width * other.Width, Length * other.Length, Roundness * other.Roundness);
}
