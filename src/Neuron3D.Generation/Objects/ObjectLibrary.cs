using Neuron3D.Generation.Parts;
using Neuron3D.Generation.Prompts;
using static Neuron3D.Generation.Objects.PartBuilder;

namespace Neuron3D.Generation.Objects;

/// <summary>
/// The registry of object kinds: finds a kind by id, exposes every name for the prompt analyser, and supplies the
/// generic fallback used when no kind matches (a shape chosen from the category words, flagged in the result).
/// </summary>
public sealed class ObjectLibrary
{
    private static readonly Lazy<ObjectLibrary> DefaultLazy = new(() => new ObjectLibrary(Objects.Kinds.All()));

    /// <summary>Words that point at a category when no object matched ("a strange creature", "some tool").</summary>
    private static readonly Dictionary<string, ObjectCategory> CategoryWords = new()
    {
        ["robot"] = ObjectCategory.Robots, ["machine"] = ObjectCategory.Robots, ["mechanical"] = ObjectCategory.Robots,
        ["animal"] = ObjectCategory.Animals, ["pet"] = ObjectCategory.Animals, ["mammal"] = ObjectCategory.Animals,
        ["creature"] = ObjectCategory.Creatures, ["monster"] = ObjectCategory.Creatures, ["beast"] = ObjectCategory.Creatures,
        ["statue"] = ObjectCategory.Statues, ["carving"] = ObjectCategory.Statues, ["plant"] = ObjectCategory.Plants,
        ["leaf"] = ObjectCategory.Plants, ["gem"] = ObjectCategory.GemsAndRocks, ["mineral"] = ObjectCategory.GemsAndRocks,
        ["vehicle"] = ObjectCategory.Vehicles, ["weapon"] = ObjectCategory.Weapons, ["food"] = ObjectCategory.FoodAndDrinks,
        ["drink"] = ObjectCategory.FoodAndDrinks, ["snack"] = ObjectCategory.FoodAndDrinks, ["dessert"] = ObjectCategory.FoodAndDrinks,
        ["fruit"] = ObjectCategory.FoodAndDrinks, ["furniture"] = ObjectCategory.Furniture, ["tool"] = ObjectCategory.Tools,
        ["instrument"] = ObjectCategory.Instruments, ["jewelry"] = ObjectCategory.Jewelry, ["jewellery"] = ObjectCategory.Jewelry,
        ["clothing"] = ObjectCategory.Clothing, ["garment"] = ObjectCategory.Clothing, ["ball"] = ObjectCategory.Sports,
        ["sport"] = ObjectCategory.Sports, ["household"] = ObjectCategory.Household, ["container"] = ObjectCategory.Household,
    };

    private readonly Dictionary<string, ObjectKind> _byId;

    /// <param name="kinds">The kinds; ids must be unique.</param>
    public ObjectLibrary(IEnumerable<ObjectKind> kinds)
    {
        _byId = kinds.ToDictionary(k => k.Id, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in _byId.Values)
        {
            names.TryAdd(kind.Id, kind.Id);
            foreach (var name in kind.Names) names.TryAdd(name, kind.Id);
        }
        Names = names;
        Analyzer = new PromptAnalyzer(names, _byId.Values.Where(k => k.Depicts).Select(k => k.Id));
    }

    /// <summary>The library of built-in kinds.</summary>
    public static ObjectLibrary Default => DefaultLazy.Value;

    /// <summary>All kinds.</summary>
    public IReadOnlyCollection<ObjectKind> Kinds => _byId.Values;

    /// <summary>Every name (and synonym) → kind id.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    /// <summary>An analyser that knows this library's names.</summary>
    public PromptAnalyzer Analyzer { get; }

    /// <summary>The kind with this id, or null.</summary>
    public ObjectKind? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The category the prompt's words suggest when no kind matched, or null when none does.</summary>
    public static ObjectCategory? GuessCategory(PromptAnalysis analysis)
    {
        foreach (var token in analysis.Tokens)
            if (CategoryWords.TryGetValue(token.Lemma, out var category)) return category;
        return null;
    }

    /// <summary>
    /// The generic fallback: a softly rounded body on a low base in the prompt's colour and material, shaped by the
    /// guessed category (upright for creatures and statues, low and long for vehicles, round for food and sports).
    /// </summary>
    public static void BuildFallback(PartBuilder b, ObjectCategory? category)
    {
        var main = b.Main(Materials.Paint, 0x8a8f96);
        switch (category)
        {
            case ObjectCategory.Creatures or ObjectCategory.Animals or ObjectCategory.Robots or ObjectCategory.Statues:
                b.Ellipsoid("body", main, V(0, 0.5f, 0), V(0.3f, 0.4f, 0.25f));
                b.Ball("head", main, V(0, 1.05f, 0.03f), 0.2f);
                Templates.Eyes(b, V(0, 1.1f, 0.2f), 0.14f, 0.04f, 0x151515);
                foreach (var x in new[] { -1f, 1f }) b.Limb("leg", main, V(x * 0.14f, 0.25f, 0), V(x * 0.16f, 0.03f, 0.04f), 0.08f, 0.06f);
                break;
            case ObjectCategory.Vehicles:
                b.Box("body", main, V(0, 0.35f, 0), V(0.8f, 0.35f, 1.8f), 0.12f);
                foreach (var z in new[] { -0.6f, 0.6f }) foreach (var x in new[] { -0.4f, 0.4f }) Templates.Wheel(b, b.Slot("wheel", Materials.Rubber), Materials.Steel, V(x, 0.18f, z), 0.18f, 0.12f);
                break;
            case ObjectCategory.FoodAndDrinks or ObjectCategory.Sports or ObjectCategory.GemsAndRocks:
                b.Ellipsoid("body", main, V(0, 0.4f, 0), V(0.45f, 0.4f, 0.45f));
                break;
            case ObjectCategory.Weapons or ObjectCategory.Tools:
                b.Limb("handle", b.Slot("handle", Materials.Wood), V(0, 0, 0), V(0, 1.0f, 0), 0.04f);
                b.Box("head", main, V(0, 1.05f, 0), V(0.4f, 0.16f, 0.12f), 0.03f);
                break;
            case ObjectCategory.Plants:
                b.Limb("stem", b.Slot("stem", Materials.Foliage, 0x3a8a2a), V(0, 0, 0), V(0, 0.7f, 0), 0.04f);
                b.Ball("crown", main, V(0, 0.9f, 0), 0.3f);
                break;
            default:
                b.Box("body", main, V(0, 0.45f, 0), V(0.7f, 0.7f, 0.7f), 0.14f);
                b.Box("base", b.Accent(Materials.Stone, 0x6a6a6a), V(0, 0.05f, 0), V(0.85f, 0.1f, 0.85f), 0.02f);
                break;
        }
    }
}
