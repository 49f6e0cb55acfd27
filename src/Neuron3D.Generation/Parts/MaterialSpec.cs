namespace Neuron3D.Generation.Parts;

/// <summary>How a material's colour varies over the surface when it is baked into vertex colours.</summary>
public enum SurfacePattern
{
    /// <summary>Uniform colour.</summary>
    Plain,
    /// <summary>Wood: bands along the part's long axis, broken up by noise.</summary>
    Grain,
    /// <summary>Stone, clay, rock: low-frequency mottling.</summary>
    Mottled,
    /// <summary>Metal: brightness follows the surface normal (a fixed fake environment), plus faint noise.</summary>
    Sheen,
    /// <summary>Fabric, wool, knit: fine high-frequency noise.</summary>
    Weave,
    /// <summary>Crystal, glass, ice: brightened facets and a bright rim.</summary>
    Facets,
    /// <summary>Emissive: a brightened, nearly uniform colour.</summary>
    Glow,
}

/// <summary>
/// A surface material: its name as prompts say it, a base sRGB colour, the procedural pattern baked into vertex colours
/// and the physically based parameters the Three.js export uses.
/// </summary>
/// <param name="Name">Lower-case material word ("wood", "gold", "plain").</param>
/// <param name="Color">Base colour (sRGB, 0–1).</param>
/// <param name="Pattern">Procedural variation baked into vertex colours.</param>
/// <param name="Metalness">PBR metalness, 0–1.</param>
/// <param name="Roughness">PBR roughness, 0–1.</param>
/// <param name="Overlay">Optional second material mixed in as patches (moss, rust, snow), or null.</param>
public sealed record MaterialSpec(string Name, Rgb Color, SurfacePattern Pattern, float Metalness, float Roughness, MaterialSpec? Overlay = null)
{
    /// <summary>The same material in another colour.</summary>
    public MaterialSpec WithColor(Rgb color) => this with { Color = color };

    /// <summary>The same material with patches of <paramref name="overlay"/>.</summary>
    public MaterialSpec WithOverlay(MaterialSpec overlay) => this with { Overlay = overlay };
}

/// <summary>The named materials prompts can ask for. Colours are typical sRGB appearances.</summary>
public static class Materials
{
    public static readonly MaterialSpec Plain = new("plain", Rgb.FromHex(0xb0b0b0), SurfacePattern.Plain, 0, 0.6f);
    public static readonly MaterialSpec Paint = new("paint", Rgb.FromHex(0xb0b0b0), SurfacePattern.Plain, 0.1f, 0.35f);
    public static readonly MaterialSpec Plastic = new("plastic", Rgb.FromHex(0xdddddd), SurfacePattern.Plain, 0, 0.4f);
    public static readonly MaterialSpec Rubber = new("rubber", Rgb.FromHex(0x1e1e1e), SurfacePattern.Plain, 0, 0.9f);
    public static readonly MaterialSpec Wood = new("wood", Rgb.FromHex(0x8b5a2b), SurfacePattern.Grain, 0, 0.8f);
    public static readonly MaterialSpec DarkWood = new("wood", Rgb.FromHex(0x4a2c17), SurfacePattern.Grain, 0, 0.8f);
    public static readonly MaterialSpec LightWood = new("wood", Rgb.FromHex(0xc89b62), SurfacePattern.Grain, 0, 0.8f);
    public static readonly MaterialSpec Stone = new("stone", Rgb.FromHex(0x8a8a85), SurfacePattern.Mottled, 0, 0.95f);
    public static readonly MaterialSpec Marble = new("marble", Rgb.FromHex(0xece9e2), SurfacePattern.Mottled, 0, 0.3f);
    public static readonly MaterialSpec Clay = new("clay", Rgb.FromHex(0xb5653b), SurfacePattern.Mottled, 0, 0.9f);
    public static readonly MaterialSpec Terracotta = new("terracotta", Rgb.FromHex(0xc0704a), SurfacePattern.Mottled, 0, 0.9f);
    public static readonly MaterialSpec Ceramic = new("ceramic", Rgb.FromHex(0xf2efe8), SurfacePattern.Plain, 0, 0.25f);
    public static readonly MaterialSpec Metal = new("metal", Rgb.FromHex(0x9ea3a8), SurfacePattern.Sheen, 0.9f, 0.35f);
    public static readonly MaterialSpec Iron = new("iron", Rgb.FromHex(0x55585c), SurfacePattern.Sheen, 0.85f, 0.55f);
    public static readonly MaterialSpec Steel = new("steel", Rgb.FromHex(0xa9b0b7), SurfacePattern.Sheen, 0.95f, 0.3f);
    public static readonly MaterialSpec Gold = new("gold", Rgb.FromHex(0xe5b53a), SurfacePattern.Sheen, 1, 0.25f);
    public static readonly MaterialSpec Silver = new("silver", Rgb.FromHex(0xd3d6da), SurfacePattern.Sheen, 1, 0.2f);
    public static readonly MaterialSpec Bronze = new("bronze", Rgb.FromHex(0xa8703a), SurfacePattern.Sheen, 0.9f, 0.4f);
    public static readonly MaterialSpec Copper = new("copper", Rgb.FromHex(0xc27444), SurfacePattern.Sheen, 0.95f, 0.35f);
    public static readonly MaterialSpec Brass = new("brass", Rgb.FromHex(0xc9a94c), SurfacePattern.Sheen, 0.95f, 0.3f);
    public static readonly MaterialSpec Tin = new("tin", Rgb.FromHex(0xb8bcc0), SurfacePattern.Sheen, 0.9f, 0.4f);
    public static readonly MaterialSpec Rust = new("rust", Rgb.FromHex(0x8e4a22), SurfacePattern.Mottled, 0.3f, 0.9f);
    public static readonly MaterialSpec Glass = new("glass", Rgb.FromHex(0xcfe8ef), SurfacePattern.Facets, 0, 0.05f);
    public static readonly MaterialSpec Crystal = new("crystal", Rgb.FromHex(0xd9f1ff), SurfacePattern.Facets, 0, 0.05f);
    public static readonly MaterialSpec Ice = new("ice", Rgb.FromHex(0xbfe6f5), SurfacePattern.Facets, 0, 0.1f);
    public static readonly MaterialSpec Gem = new("gem", Rgb.FromHex(0xcc2244), SurfacePattern.Facets, 0.1f, 0.05f);
    public static readonly MaterialSpec Fabric = new("fabric", Rgb.FromHex(0xa04040), SurfacePattern.Weave, 0, 0.95f);
    public static readonly MaterialSpec Wool = new("wool", Rgb.FromHex(0xe8e0d0), SurfacePattern.Weave, 0, 1);
    public static readonly MaterialSpec Denim = new("denim", Rgb.FromHex(0x3b5b8c), SurfacePattern.Weave, 0, 0.9f);
    public static readonly MaterialSpec Velvet = new("velvet", Rgb.FromHex(0x8a1a2a), SurfacePattern.Weave, 0, 0.9f);
    public static readonly MaterialSpec Leather = new("leather", Rgb.FromHex(0x6b4226), SurfacePattern.Mottled, 0, 0.7f);
    public static readonly MaterialSpec Straw = new("straw", Rgb.FromHex(0xdcc27a), SurfacePattern.Weave, 0, 0.9f);
    public static readonly MaterialSpec Wicker = new("wicker", Rgb.FromHex(0xb98b4e), SurfacePattern.Weave, 0, 0.9f);
    public static readonly MaterialSpec Paper = new("paper", Rgb.FromHex(0xf3eee0), SurfacePattern.Plain, 0, 0.9f);
    public static readonly MaterialSpec Skin = new("skin", Rgb.FromHex(0xc79a7a), SurfacePattern.Mottled, 0, 0.8f);
    public static readonly MaterialSpec Fur = new("fur", Rgb.FromHex(0x8a6a4a), SurfacePattern.Weave, 0, 1);
    public static readonly MaterialSpec Food = new("food", Rgb.FromHex(0xc08040), SurfacePattern.Mottled, 0, 0.7f);
    public static readonly MaterialSpec Foliage = new("leaf", Rgb.FromHex(0x3f8f3a), SurfacePattern.Mottled, 0, 0.9f);
    public static readonly MaterialSpec Moss = new("moss", Rgb.FromHex(0x5a8a2e), SurfacePattern.Weave, 0, 1);
    public static readonly MaterialSpec Snow = new("snow", Rgb.FromHex(0xf4f8fb), SurfacePattern.Plain, 0, 0.9f);
    public static readonly MaterialSpec Jade = new("jade", Rgb.FromHex(0x4fa36b), SurfacePattern.Mottled, 0, 0.3f);
    public static readonly MaterialSpec Obsidian = new("obsidian", Rgb.FromHex(0x1a1620), SurfacePattern.Facets, 0, 0.05f);
    public static readonly MaterialSpec Pearl = new("pearl", Rgb.FromHex(0xf3eee6), SurfacePattern.Sheen, 0.2f, 0.2f);
    public static readonly MaterialSpec Glow = new("glow", Rgb.FromHex(0x66ccff), SurfacePattern.Glow, 0, 0.3f);
    public static readonly MaterialSpec Wax = new("wax", Rgb.FromHex(0xf4ecd8), SurfacePattern.Plain, 0, 0.5f);
    public static readonly MaterialSpec Slime = new("slime", Rgb.FromHex(0x8a4fd0), SurfacePattern.Facets, 0, 0.15f);

    /// <summary>Material words as prompts say them, mapped to presets ("wooden" and "wood" are both wood).</summary>
    public static IReadOnlyDictionary<string, MaterialSpec> ByWord { get; } = new Dictionary<string, MaterialSpec>
    {
        ["wood"] = Wood, ["wooden"] = Wood, ["oak"] = Wood, ["pine"] = LightWood, ["bamboo"] = LightWood, ["timber"] = Wood,
        ["stone"] = Stone, ["rock"] = Stone, ["granite"] = Stone, ["concrete"] = Stone, ["brick"] = Terracotta,
        ["marble"] = Marble, ["clay"] = Clay, ["terracotta"] = Terracotta, ["ceramic"] = Ceramic, ["porcelain"] = Ceramic,
        ["metal"] = Metal, ["metallic"] = Metal, ["iron"] = Iron, ["steel"] = Steel, ["chrome"] = Steel, ["aluminium"] = Steel,
        ["aluminum"] = Steel, ["gold"] = Gold, ["golden"] = Gold, ["silver"] = Silver, ["bronze"] = Bronze, ["copper"] = Copper,
        ["brass"] = Brass, ["tin"] = Tin, ["rusty"] = Rust, ["rust"] = Rust,
        ["glass"] = Glass, ["crystal"] = Crystal, ["crystalline"] = Crystal, ["ice"] = Ice, ["icy"] = Ice, ["transparent"] = Glass,
        ["fabric"] = Fabric, ["cloth"] = Fabric, ["cotton"] = Fabric, ["silk"] = Fabric, ["satin"] = Fabric, ["wool"] = Wool,
        ["woolen"] = Wool, ["woollen"] = Wool, ["knit"] = Wool, ["knitted"] = Wool, ["denim"] = Denim, ["velvet"] = Velvet,
        ["leather"] = Leather, ["straw"] = Straw, ["wicker"] = Wicker, ["paper"] = Paper, ["plastic"] = Plastic,
        ["rubber"] = Rubber, ["jade"] = Jade, ["obsidian"] = Obsidian, ["pearl"] = Pearl, ["moss"] = Moss, ["mossy"] = Moss,
        ["snow"] = Snow, ["snowy"] = Snow, ["slime"] = Slime, ["slimy"] = Slime,
        ["fur"] = Fur, ["furry"] = Fur,
        ["ruby"] = Gem.WithColor(Rgb.FromHex(0xc0182e)), ["sapphire"] = Gem.WithColor(Rgb.FromHex(0x1f4fd0)),
        ["emerald"] = Gem.WithColor(Rgb.FromHex(0x1f9d55)), ["amethyst"] = Gem.WithColor(Rgb.FromHex(0x9a5cd0)),
        ["diamond"] = Crystal.WithColor(Rgb.FromHex(0xe8f6ff)), ["quartz"] = Crystal.WithColor(Rgb.FromHex(0xf2f2f5)),
        ["onyx"] = Obsidian.WithColor(Rgb.FromHex(0x151515)), ["topaz"] = Gem.WithColor(Rgb.FromHex(0xf0a030)),
    };
}
