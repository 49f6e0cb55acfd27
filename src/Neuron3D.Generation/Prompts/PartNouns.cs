namespace Neuron3D.Generation.Prompts;

/// <summary>Nouns that name parts of objects ("wheel", "hilt"), and the slot names builders use for their synonyms.</summary>
public static class PartNouns
{
    /// <summary>Known part nouns (lemmas).</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>
    {
        "wheel", "eye", "leg", "arm", "wing", "tail", "ear", "horn", "roof", "handle", "hilt", "blade", "grip", "trunk",
        "stem", "leaf", "spot", "stripe", "button", "buckle", "band", "visor", "collar", "antenna", "cannon", "tusk", "neck",
        "fin", "sheet", "skin", "grin", "smile", "loincloth", "face", "head", "tip", "rim", "sheath", "quiver", "arrow", "lid",
        "shade", "bell", "pattern", "stopper", "holder", "saucer", "syrup", "sprinkle", "seed", "lettuce", "tomato",
        "cherry", "cheese", "juice", "coffee", "tea", "milk", "water", "line", "tape", "weight", "pom-pom", "pompom", "hood",
        "strap", "lace", "brim", "drawer", "door", "book", "blanket", "pillow", "cushion", "gem", "jewel", "pendant", "hook",
        "chain", "bead", "latch", "vise", "paint", "brick", "finish", "cymbal", "valve", "string", "key", "jingle",
        "thruster", "engine", "window", "bed", "plinth", "pedestal", "base", "ledge", "coconut", "petal", "spike", "thorn",
        "beak", "feather", "claw", "paw", "tooth", "mouth", "nose", "mane", "hoof", "shell", "tentacle", "rider", "sail",
        "mast", "flag", "light", "screen", "tray", "branch", "root", "crack", "edge", "body", "surface", "fur", "scale",
        "pepperoni", "frosting", "icing", "cream", "chocolate", "pot", "shard", "rope", "cork", "floral", "flower", "moss",
        "shoulder", "lens", "glass", "jaw", "lining", "sole", "heel", "crest", "plume", "gun", "laser", "saddle", "cabin",
        "hull", "deck", "chimney", "funnel", "propeller", "rotor", "track", "bumper", "headlight", "cockpit", "nozzle",
        "barrel", "trigger", "scope", "pommel", "guard", "boss", "stud", "rivet", "mesh", "net", "lace", "sock", "cuff",
        "pocket", "zipper", "sleeve", "ribbon", "bow", "needle", "hand", "dial", "face", "numeral", "candle", "wick",
        "flame", "fire", "straw", "ice", "lemon", "slice", "crust", "topping", "bun", "patty", "onion", "filling",
        "pit", "core", "peel", "rind", "glaze", "dot", "ring", "crown", "ball", "puck", "net", "cap", "frame", "seat",
        "backrest", "armrest", "shelf", "mattress", "headboard", "carving", "ornament", "knob", "hinge", "lock",
        "bristle", "bucket", "tire", "tyre", "pedal", "basket", "bag", "box", "cord", "battery", "bit", "chuck", "teeth",
        "socket", "jaw", "bell", "mouthpiece", "reed", "pipe", "drum", "stick", "mallet", "sound", "hole", "bridge",
        "fret", "peg", "soundhole", "pickup", "plate", "skirt", "cape", "robe", "armor", "armour", "helmet", "crystal",
        "tail", "whisker", "ball", "edge", "heart", "star", "moon", "skull", "waiter", "pattern", "forest",
    };

    /// <summary>Part nouns that mean "the main body" ("gray skin", "sunburst finish").</summary>
    public static IReadOnlySet<string> MainBody { get; } = new HashSet<string>
    {
        "skin", "body", "surface", "fur", "finish", "shell", "feather", "scale", "color", "colour", "coat", "paint job",
    };

    /// <summary>Synonyms folded onto one builder slot name ("jewel" and "stone" on a ring are its "gem").</summary>
    public static IReadOnlyDictionary<string, string> SlotSynonyms { get; } = new Dictionary<string, string>
    {
        ["jewel"] = "gem", ["stone"] = "gem", ["diamond"] = "gem", ["onyx"] = "gem", ["ruby"] = "gem", ["emerald"] = "gem",
        ["sapphire"] = "gem", ["pompom"] = "pom-pom", ["tyre"] = "wheel", ["tire"] = "wheel", ["wheel"] = "wheel",
        ["pedestal"] = "base", ["plinth"] = "base", ["ledge"] = "base", ["stand"] = "base", ["teeth"] = "tooth",
        ["grin"] = "mouth", ["smile"] = "mouth", ["icing"] = "frosting", ["glaze"] = "frosting", ["armour"] = "armor",
        ["dot"] = "spot", ["sheet"] = "body", ["lens"] = "eye", ["visor"] = "visor", ["thruster"] = "thruster",
        ["cushion"] = "seat", ["crystal"] = "gem", ["bead"] = "bead",
    };

    /// <summary>The builder slot name a part noun refers to.</summary>
    public static string Slot(string noun) => SlotSynonyms.TryGetValue(noun, out var slot) ? slot : noun;
}
