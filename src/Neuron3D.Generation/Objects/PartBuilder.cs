using System.Numerics;
using Neuron3D.Generation.Parts;
using Neuron3D.Generation.Prompts;

namespace Neuron3D.Generation.Objects;

/// <summary>
/// The small part language every recipe writes in: primitives placed in a local frame (+Y up, front towards +Z, any
/// units; the assembly is normalised later), with materials resolved against the prompt (the main colour and material
/// for the main parts, an attached part's modifiers for the parts in its slot) and seeded random proportions.
/// </summary>
public sealed class PartBuilder
{
    /// <summary>Most parts one asset may have: the Three.js export draws one mesh per part (limit 200 draw calls).</summary>
    public const int MaxParts = 180;

    private readonly List<PartDescription> _parts = [];
    private readonly HashSet<string> _usedSlots = [];
    private Vector3 _offset;
    private float _scale = 1;

    public PartBuilder(PromptAnalysis analysis, SeededRandom random)
    {
        Analysis = analysis;
        Random = random;
    }

    /// <summary>What the prompt asked for.</summary>
    public PromptAnalysis Analysis { get; }

    /// <summary>The seeded source of proportions.</summary>
    public SeededRandom Random { get; }

    /// <summary>Whether the recipe already placed <see cref="PromptAnalysis.Count"/> copies itself.</summary>
    public bool CountHandled { get; set; }

    /// <summary>Parts so far.</summary>
    public IReadOnlyList<PartDescription> Parts => _parts;

    /// <summary>Slots whose materials the recipe asked for (attached parts aimed at them are applied).</summary>
    public IReadOnlySet<string> UsedSlots => _usedSlots;

    /// <summary>The prompt's main style.</summary>
    public Style Style => Analysis.Main.Style;

    /// <summary>Uniform random number in [min, max).</summary>
    public float R(float min, float max) => Random.Range(min, max);

    /// <summary>Uniform random integer in [min, max].</summary>
    public int RI(int min, int max) => Random.Int(min, max);

    /// <summary>Whether a pose or state word occurs ("sleep", "spread").</summary>
    public bool Has(string lemma) => Analysis.HasPose(lemma);

    /// <summary>Whether the prompt attaches a part in this slot ("with wings").</summary>
    public bool Mentions(string slot) => Analysis.Parts.Any(p => p.Noun is { } n && (PartNouns.Slot(n) == slot || LastWord(n) == slot));

    /// <summary>The count given for an attached slot ("three fins"), or <paramref name="fallback"/>.</summary>
    public int CountOf(string slot, int fallback) =>
        Analysis.Parts.FirstOrDefault(p => p.Noun is { } n && (PartNouns.Slot(n) == slot || LastWord(n) == slot) && p.Count is not null)?.Count ?? fallback;

    /// <summary>
    /// The main material: the prompt's material and colour when given, else the style's, else
    /// <paramref name="fallback"/> (a colour given as 0xRRGGBB replaces the fallback's colour, varied slightly by seed).
    /// </summary>
    public MaterialSpec Main(MaterialSpec fallback, int? defaultColor = null)
    {
        var m = Analysis.Main;
        var baseMaterial = m.Material ?? StyleMaterial(m.Style) ?? (defaultColor is { } c ? fallback.WithColor(Vary(Rgb.FromHex(c))) : fallback);
        if (m.PrimaryColor is { } color) baseMaterial = baseMaterial.WithColor(color);
        if (m.Overlay is { } overlay) baseMaterial = baseMaterial.WithOverlay(overlay);
        if (m.Glowing) baseMaterial = baseMaterial with { Pattern = SurfacePattern.Glow };
        return baseMaterial;
    }

    /// <summary>A secondary material: the prompt's second colour when given ("black and white"), else the fallback.</summary>
    public MaterialSpec Accent(MaterialSpec fallback, int? defaultColor = null)
    {
        var material = defaultColor is { } c ? fallback.WithColor(Vary(Rgb.FromHex(c))) : fallback;
        return Analysis.Main.SecondaryColor is { } second ? material.WithColor(second) : material;
    }

    /// <summary>
    /// The material of a named slot: modifiers of an attached part aimed at it ("with a red roof") override the
    /// fallback; otherwise the fallback (a colour given as 0xRRGGBB replaces its colour).
    /// </summary>
    public MaterialSpec Slot(string slot, MaterialSpec fallback, int? defaultColor = null)
    {
        _usedSlots.Add(slot);
        var material = defaultColor is { } c ? fallback.WithColor(Vary(Rgb.FromHex(c))) : fallback;
        foreach (var part in Analysis.Parts)
        {
            if (part.Noun is not { } noun || (PartNouns.Slot(noun) != slot && LastWord(noun) != slot)) continue;
            var mods = part.Modifiers;
            if (mods.Material is { } explicitMaterial) material = explicitMaterial;
            if (mods.PrimaryColor is { } color) material = material.WithColor(color);
            if (mods.Overlay is { } overlay) material = material.WithOverlay(overlay);
            if (mods.Glowing) material = material with { Pattern = SurfacePattern.Glow };
        }
        return material;
    }

    /// <summary>A glowing material in the slot's colour (eyes, thrusters, screens).</summary>
    public MaterialSpec Glow(string slot, int defaultColor) => Slot(slot, Materials.Glow, defaultColor) with { Pattern = SurfacePattern.Glow };

    /// <summary>A colour varied by ±6 % brightness from the seed.</summary>
    public Rgb Vary(Rgb color) => color.Scale(R(0.94f, 1.06f));

    /// <summary>Places the following parts relative to <paramref name="offset"/> scaled by <paramref name="scale"/>
    /// (for sub-assemblies such as a held object); returns a token that restores the previous frame.</summary>
    public IDisposable Frame(Vector3 offset, float scale)
    {
        var previous = (_offset, _scale);
        _offset = _offset + offset * _scale;
        _scale *= scale;
        return new FrameScope(this, previous);
    }

    /// <summary>Adds a part in the current frame.</summary>
    public void Add(string slot, Primitive shape, Vector3 position, MaterialSpec material, Quaternion? rotation = null)
    {
        if (_parts.Count >= MaxParts) return;
        _parts.Add(new PartDescription(slot, shape.Scaled(_scale), _offset + position * _scale, rotation ?? Quaternion.Identity, material));
    }

    public void Box(string slot, MaterialSpec m, Vector3 center, Vector3 size, float rounding = 0, Quaternion? rotation = null) =>
        Add(slot, new BoxPrimitive(size / 2, MathF.Min(rounding, MathF.Min(size.X, MathF.Min(size.Y, size.Z)) / 2 * 0.95f)), center, m, rotation);

    public void Ball(string slot, MaterialSpec m, Vector3 center, float radius) => Add(slot, new EllipsoidPrimitive(new Vector3(radius)), center, m);

    public void Ellipsoid(string slot, MaterialSpec m, Vector3 center, Vector3 radii, Quaternion? rotation = null) =>
        Add(slot, new EllipsoidPrimitive(radii), center, m, rotation);

    /// <summary>A vertical cylinder (or frustum) standing on <paramref name="baseCenter"/>.</summary>
    public void Cylinder(string slot, MaterialSpec m, Vector3 baseCenter, float radius, float height, float topRadius = -1, Quaternion? rotation = null)
    {
        var r2 = topRadius < 0 ? radius : topRadius;
        var axis = Vector3.Transform(Vector3.UnitY, rotation ?? Quaternion.Identity);
        Add(slot, new CylinderPrimitive(radius, r2, height / 2), baseCenter + axis * (height / 2), m, rotation);
    }

    /// <summary>A cylinder (or frustum) between two points.</summary>
    public void Rod(string slot, MaterialSpec m, Vector3 from, Vector3 to, float radius, float toRadius = -1)
    {
        var length = Vector3.Distance(from, to);
        if (length < 1e-6f) return;
        Add(slot, new CylinderPrimitive(radius, toRadius < 0 ? radius : toRadius, length / 2), (from + to) / 2, m, AlignY(to - from));
    }

    /// <summary>A capsule between two points (different end radii give a tapered limb).</summary>
    public void Limb(string slot, MaterialSpec m, Vector3 from, Vector3 to, float radius, float toRadius = -1)
    {
        var r2 = toRadius < 0 ? radius : toRadius;
        var length = Vector3.Distance(from, to);
        if (length <= MathF.Abs(radius - r2) + 1e-4f) { Ball(slot, m, (from + to) / 2, MathF.Max(radius, r2)); return; }
        Add(slot, new CapsulePrimitive(radius, r2, length), (from + to) / 2, m, AlignY(to - from));
    }

    /// <summary>A cone standing on <paramref name="baseCenter"/> pointing along <paramref name="direction"/>.</summary>
    public void Cone(string slot, MaterialSpec m, Vector3 baseCenter, float radius, float height, Vector3? direction = null)
    {
        var dir = Vector3.Normalize(direction ?? Vector3.UnitY);
        Add(slot, new CylinderPrimitive(radius, 0, height / 2), baseCenter + dir * (height / 2), m, AlignY(dir));
    }

    /// <summary>A torus around <paramref name="axis"/> (default Y: lying flat).</summary>
    public void Torus(string slot, MaterialSpec m, Vector3 center, float major, float minor, Vector3? axis = null) =>
        Add(slot, new TorusPrimitive(major, minor), center, m, AlignY(axis ?? Vector3.UnitY));

    /// <summary>A lathe: (radius, height) profile points from the axis at the bottom to the axis at the top, placed at <paramref name="baseCenter"/>.</summary>
    public void Lathe(string slot, MaterialSpec m, Vector3 baseCenter, ReadOnlySpan<float> radiusHeightPairs, Quaternion? rotation = null)
    {
        var points = new Vector2[radiusHeightPairs.Length / 2];
        for (var i = 0; i < points.Length; i++) points[i] = new Vector2(radiusHeightPairs[2 * i], radiusHeightPairs[2 * i + 1]);
        // Centre the profile vertically so the primitive's symmetric bounds are tight.
        var mid = (points.Min(p => p.Y) + points.Max(p => p.Y)) / 2;
        for (var i = 0; i < points.Length; i++) points[i].Y -= mid;
        Add(slot, new LathePrimitive(points), baseCenter + Vector3.Transform(new Vector3(0, mid, 0), rotation ?? Quaternion.Identity), m, rotation);
    }

    /// <summary>An outline (x, y pairs, counter-clockwise) in the XY plane extruded to <paramref name="thickness"/> along Z.</summary>
    public void Extrude(string slot, MaterialSpec m, Vector3 center, ReadOnlySpan<float> xyPairs, float thickness, Quaternion? rotation = null)
    {
        var points = new Vector2[xyPairs.Length / 2];
        for (var i = 0; i < points.Length; i++) points[i] = new Vector2(xyPairs[2 * i], xyPairs[2 * i + 1]);
        // Centre the outline so the primitive's symmetric bounds are tight.
        var mid = new Vector2((points.Min(p => p.X) + points.Max(p => p.X)) / 2, (points.Min(p => p.Y) + points.Max(p => p.Y)) / 2);
        for (var i = 0; i < points.Length; i++) points[i] -= mid;
        Add(slot, new ExtrusionPrimitive(EnsureCounterClockwise(points), thickness / 2), center + Vector3.Transform(new Vector3(mid, 0), rotation ?? Quaternion.Identity), m, rotation);
    }

    /// <summary>The rotation taking +Y onto <paramref name="direction"/>.</summary>
    public static Quaternion AlignY(Vector3 direction)
    {
        var d = Vector3.Normalize(direction);
        var dot = Vector3.Dot(Vector3.UnitY, d);
        if (dot > 0.99999f) return Quaternion.Identity;
        if (dot < -0.99999f) return Quaternion.CreateFromAxisAngle(Vector3.UnitX, MathF.PI);
        var axis = Vector3.Normalize(Vector3.Cross(Vector3.UnitY, d));
        return Quaternion.CreateFromAxisAngle(axis, MathF.Acos(dot));
    }

    /// <summary>Rotation about X, Y or Z by degrees.</summary>
    public static Quaternion RotX(float degrees) => Quaternion.CreateFromAxisAngle(Vector3.UnitX, degrees * MathF.PI / 180);
    public static Quaternion RotY(float degrees) => Quaternion.CreateFromAxisAngle(Vector3.UnitY, degrees * MathF.PI / 180);
    public static Quaternion RotZ(float degrees) => Quaternion.CreateFromAxisAngle(Vector3.UnitZ, degrees * MathF.PI / 180);

    /// <summary>Shorthand for a vector.</summary>
    public static Vector3 V(float x, float y, float z) => new(x, y, z);

    private static Vector2[] EnsureCounterClockwise(Vector2[] points)
    {
        var area = 0f;
        for (int i = 0, j = points.Length - 1; i < points.Length; j = i++) area += points[j].X * points[i].Y - points[i].X * points[j].Y;
        if (area < 0) Array.Reverse(points);
        return points;
    }

    private static string LastWord(string noun) => noun[(noun.LastIndexOf(' ') + 1)..];

    private static MaterialSpec? StyleMaterial(Style style) => style switch
    {
        Style.Futuristic => Materials.Plastic.WithColor(Rgb.FromHex(0xe8ecf0)),
        Style.Ancient => Materials.Stone.WithColor(Rgb.FromHex(0xb8ab90)),
        Style.Rustic => Materials.Wood,
        _ => null,
    };

    private sealed class FrameScope(PartBuilder builder, (Vector3 Offset, float Scale) previous) : IDisposable
    {
        public void Dispose() => (builder._offset, builder._scale) = previous;
    }
}
