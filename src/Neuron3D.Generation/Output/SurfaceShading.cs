using System.Numerics;
using Neuron3D.Generation.Parts;

namespace Neuron3D.Generation.Output;

/// <summary>
/// Bakes a material's procedural pattern (wood grain, stone mottling, metal sheen, weave, facets, glow, moss/rust
/// patches) into a colour at a surface point. Pure functions of position and normal, so results are deterministic.
/// </summary>
public static class SurfaceShading
{
    private static readonly Vector3 Light = Vector3.Normalize(new Vector3(0.4f, 0.8f, 0.5f));
    private static readonly Vector3 Half = Vector3.Normalize(Light + Vector3.UnitZ);

    /// <summary>The sRGB colour of <paramref name="material"/> at a point.</summary>
    /// <param name="material">The part's material.</param>
    /// <param name="local">The point in the part's local frame (grain follows the part's axes).</param>
    /// <param name="scene">The point in the scene (noise is seeded by scene position).</param>
    /// <param name="normal">Unit outward surface normal in the scene.</param>
    public static Rgb Shade(MaterialSpec material, Vector3 local, Vector3 scene, Vector3 normal)
    {
        var c = material.Color;
        c = material.Pattern switch
        {
            SurfacePattern.Grain => c.Scale(0.82f + 0.18f * MathF.Sin((local.X * 0.6f + local.Z * 0.4f) * 90 + Fbm(scene * 9) * 5)),
            SurfacePattern.Mottled => c.Scale(0.78f + 0.42f * Fbm(scene * 7)),
            SurfacePattern.Sheen => c.Scale(0.62f + 0.45f * MathF.Max(0, Vector3.Dot(normal, Light)) + 0.06f * Fbm(scene * 20))
                .Mix(new Rgb(1, 1, 1), 0.45f * MathF.Pow(MathF.Max(0, Vector3.Dot(normal, Half)), 24)),
            SurfacePattern.Weave => c.Scale(0.88f + 0.12f * MathF.Sin(scene.X * 260) * MathF.Sin(scene.Y * 260) + 0.08f * Fbm(scene * 30)),
            SurfacePattern.Facets => c.Scale(0.8f + 0.35f * MathF.Max(0, Vector3.Dot(normal, Light)))
                .Mix(new Rgb(1, 1, 1), 0.25f * MathF.Pow(1 - MathF.Abs(normal.Z), 3)),
            SurfacePattern.Glow => c.Scale(1.15f).Mix(new Rgb(1, 1, 1), 0.2f),
            _ => c,
        };
        if (material.Overlay is { } overlay && Fbm(scene * 6 + new Vector3(17, 3, 11)) + 0.25f * normal.Y > 0.62f)
            c = Shade(overlay with { Overlay = null }, local, scene, normal);
        return c;
    }

    /// <summary>Three octaves of value noise, roughly 0–1.</summary>
    public static float Fbm(Vector3 p) => 0.5f * ValueNoise(p) + 0.3f * ValueNoise(p * 2.03f + new Vector3(5.2f)) + 0.2f * ValueNoise(p * 4.1f + new Vector3(1.7f));

    private static float ValueNoise(Vector3 p)
    {
        var i = new Vector3(MathF.Floor(p.X), MathF.Floor(p.Y), MathF.Floor(p.Z));
        var f = p - i;
        var u = f * f * (new Vector3(3) - 2 * f);
        int x = (int)i.X, y = (int)i.Y, z = (int)i.Z;
        var x00 = Lerp(Hash(x, y, z), Hash(x + 1, y, z), u.X);
        var x10 = Lerp(Hash(x, y + 1, z), Hash(x + 1, y + 1, z), u.X);
        var x01 = Lerp(Hash(x, y, z + 1), Hash(x + 1, y, z + 1), u.X);
        var x11 = Lerp(Hash(x, y + 1, z + 1), Hash(x + 1, y + 1, z + 1), u.X);
        return Lerp(Lerp(x00, x10, u.Y), Lerp(x01, x11, u.Y), u.Z);
    }

    private static float Lerp(float a, float b, float t) => a + (b - a) * t;

    private static float Hash(int x, int y, int z)
    {
        var h = (uint)(x * 374761393 + y * 668265263 + z * 1274126177);
        h = (h ^ (h >> 13)) * 1274126177u;
        return ((h ^ (h >> 16)) & 0xFFFFFF) / (float)0xFFFFFF;
    }
}
