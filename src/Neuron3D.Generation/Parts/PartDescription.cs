using System.Numerics;

namespace Neuron3D.Generation.Parts;

/// <summary>
/// One solid part of an asset: a primitive placed in the scene with a material. The mesh (as a signed-distance union),
/// the splats and the Three.js module are all produced from the same list of parts.
/// </summary>
/// <param name="Slot">What the part is ("wheel", "seat", "body"); prompts address parts by slot ("with black wheels").</param>
/// <param name="Shape">The solid in its local frame.</param>
/// <param name="Position">Where the local origin sits in the scene.</param>
/// <param name="Rotation">Local-to-scene rotation (unit quaternion).</param>
/// <param name="Material">Surface material.</param>
public sealed record PartDescription(string Slot, Primitive Shape, Vector3 Position, Quaternion Rotation, MaterialSpec Material)
{
    /// <summary>Maps a scene point into the part's local frame.</summary>
    public Vector3 ToLocal(Vector3 scenePoint) => Vector3.Transform(scenePoint - Position, Quaternion.Conjugate(Rotation));

    /// <summary>Signed distance from a scene point to the part (negative inside), in scene units.</summary>
    public float Distance(Vector3 scenePoint) => Shape.Distance(ToLocal(scenePoint));

    /// <summary>The scene-space axis-aligned bounds of the part's (rotated) local bounding box.</summary>
    public (Vector3 Min, Vector3 Max) Bounds()
    {
        var h = Shape.HalfExtents;
        var min = new Vector3(float.MaxValue);
        var max = new Vector3(float.MinValue);
        for (var corner = 0; corner < 8; corner++)
        {
            var local = new Vector3((corner & 1) == 0 ? -h.X : h.X, (corner & 2) == 0 ? -h.Y : h.Y, (corner & 4) == 0 ? -h.Z : h.Z);
            var p = Vector3.Transform(local, Rotation) + Position;
            min = Vector3.Min(min, p);
            max = Vector3.Max(max, p);
        }
        return (min, max);
    }

    /// <summary>
    /// The part after a per-axis scene stretch about the origin: its position is stretched exactly, its shape by the
    /// factors seen along its own (rotated) axes, which is exact for axis-aligned parts and close for tilted ones.
    /// </summary>
    public PartDescription StretchedBy(Vector3 sceneFactors)
    {
        var local = Vector3.Zero;
        for (var axis = 0; axis < 3; axis++)
        {
            var direction = Vector3.Transform(axis == 0 ? Vector3.UnitX : axis == 1 ? Vector3.UnitY : Vector3.UnitZ, Rotation);
            var weighted = direction * sceneFactors;
            var factor = weighted.Length();
            if (axis == 0) local.X = factor; else if (axis == 1) local.Y = factor; else local.Z = factor;
        }
        return this with { Shape = Shape.Stretched(local), Position = Position * sceneFactors };
    }

    /// <summary>The part after a uniform scale about the origin followed by a translation.</summary>
    public PartDescription Transformed(float scale, Vector3 offset) =>
        this with { Shape = Shape.Scaled(scale), Position = Position * scale + offset };
}

/// <summary>An ordered list of parts, the shared description behind every output of one generated asset.</summary>
public sealed class PartAssembly
{
    /// <summary>Half the edge of the cube that normalised assets fill (the SN17 unit box is ±0.5; the rest is margin
    /// for the iso-surface and splat extents).</summary>
    public const float NormalizedHalfExtent = 0.45f;

    public PartAssembly(IReadOnlyList<PartDescription> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("an assembly needs at least one part", nameof(parts));
        Parts = parts;
    }

    public IReadOnlyList<PartDescription> Parts { get; }

    /// <summary>Union of the parts' bounds.</summary>
    public (Vector3 Min, Vector3 Max) Bounds()
    {
        var min = new Vector3(float.MaxValue);
        var max = new Vector3(float.MinValue);
        foreach (var part in Parts)
        {
            var (lo, hi) = part.Bounds();
            min = Vector3.Min(min, lo);
            max = Vector3.Max(max, hi);
        }
        return (min, max);
    }

    /// <summary>
    /// The assembly centred on the origin and uniformly scaled so its longest side spans
    /// 2·<see cref="NormalizedHalfExtent"/> (SN17 orientation: +Y up, front towards +Z, inside the unit box).
    /// </summary>
    public PartAssembly Normalized()
    {
        var (min, max) = Bounds();
        var size = max - min;
        var longest = MathF.Max(size.X, MathF.Max(size.Y, size.Z));
        var scale = 2 * NormalizedHalfExtent / longest;
        var offset = -(min + max) / 2 * scale;
        return new PartAssembly(Parts.Select(p => p.Transformed(scale, offset)).ToArray());
    }
}
