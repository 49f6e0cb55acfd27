using System.Numerics;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Splats;
using Neuron3D.Generation.Parts;

namespace Neuron3D.Generation.Output;

/// <summary>
/// Covers a coloured mesh with flat Gaussian splats (SH degree 0): area-weighted random points on the triangles,
/// colours interpolated from the vertex colours, discs oriented along the face normal whose radius follows the mean
/// point spacing so neighbouring splats overlap without gaps.
/// </summary>
public static class SplatSampler
{
    /// <summary>Fewest splats SN17 accepts (validator minimum).</summary>
    public const int MinSplats = 7_000;

    /// <summary>Most splats we emit.</summary>
    public const int MaxSplats = 200_000;

    /// <summary>Splats per scene unit² of surface before clamping to [<see cref="MinSplats"/>, <see cref="MaxSplats"/>].</summary>
    public const float DefaultDensity = 16_000;

    /// <summary>Opacity logit of every splat: sigmoid(4) ≈ 0.98, nearly opaque.</summary>
    public const float OpacityLogit = 4f;

    /// <summary>Samples splats on <paramref name="mesh"/>; the same mesh and seed give the same cloud.</summary>
    /// <exception cref="ArgumentException">The mesh has no triangles or no vertex colours.</exception>
    public static SplatCloud Sample(TriangleMesh mesh, SeededRandom random, float density = DefaultDensity)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.TriangleCount == 0) throw new ArgumentException("cannot place splats on an empty mesh", nameof(mesh));
        var colors = mesh.Colors ?? throw new ArgumentException("mesh has no vertex colours", nameof(mesh));
        var positions = mesh.Positions;
        var indices = mesh.Indices;

        var cumulative = new double[mesh.TriangleCount];
        double total = 0;
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            var (a, b, c) = Corners(positions, indices, t);
            total += Vector3.Cross(b - a, c - a).Length() / 2;
            cumulative[t] = total;
        }
        var count = (int)Math.Clamp(Math.Round(total * density), MinSplats, MaxSplats);
        var cloud = new SplatCloud(count, 0);
        var spacing = (float)Math.Sqrt(total / count);
        var inPlane = MathF.Log(spacing * 0.75f);
        var across = MathF.Log(spacing * 0.12f);

        for (var i = 0; i < count; i++)
        {
            var target = random.NextFloat() * total;
            var t = Array.BinarySearch(cumulative, target);
            if (t < 0) t = Math.Min(~t, mesh.TriangleCount - 1);
            var (a, b, c) = Corners(positions, indices, t);
            var u = random.NextFloat();
            var v = random.NextFloat();
            if (u + v > 1) { u = 1 - u; v = 1 - v; }
            var w = 1 - u - v;
            var p = a * w + b * u + c * v;
            var normal = Vector3.Cross(b - a, c - a);
            normal = normal.LengthSquared() > 0 ? Vector3.Normalize(normal) : Vector3.UnitY;
            var color = VertexColor(colors, indices[3 * t]) * w + VertexColor(colors, indices[3 * t + 1]) * u + VertexColor(colors, indices[3 * t + 2]) * v;

            cloud.Positions[3 * i] = p.X;
            cloud.Positions[3 * i + 1] = p.Y;
            cloud.Positions[3 * i + 2] = p.Z;
            cloud.LogScales[3 * i] = inPlane;
            cloud.LogScales[3 * i + 1] = inPlane;
            cloud.LogScales[3 * i + 2] = across;
            var q = RotationFromZ(normal);
            cloud.Rotations[4 * i] = q.W;
            cloud.Rotations[4 * i + 1] = q.X;
            cloud.Rotations[4 * i + 2] = q.Y;
            cloud.Rotations[4 * i + 3] = q.Z;
            cloud.OpacityLogits[i] = OpacityLogit;
            cloud.ShDc[3 * i] = (color.X - 0.5f) / SplatCloud.ShC0;
            cloud.ShDc[3 * i + 1] = (color.Y - 0.5f) / SplatCloud.ShC0;
            cloud.ShDc[3 * i + 2] = (color.Z - 0.5f) / SplatCloud.ShC0;
        }
        return cloud;
    }

    private static (Vector3 A, Vector3 B, Vector3 C) Corners(float[] positions, int[] indices, int t) =>
        (At(positions, indices[3 * t]), At(positions, indices[3 * t + 1]), At(positions, indices[3 * t + 2]));

    private static Vector3 At(float[] values, int vertex) => new(values[3 * vertex], values[3 * vertex + 1], values[3 * vertex + 2]);

    private static Vector3 VertexColor(float[] colors, int vertex) => At(colors, vertex);

    /// <summary>The rotation taking +Z (the splat's thin axis) onto <paramref name="normal"/>.</summary>
    private static Quaternion RotationFromZ(Vector3 normal)
    {
        var dot = normal.Z;
        if (dot > 0.99999f) return Quaternion.Identity;
        if (dot < -0.99999f) return new Quaternion(1, 0, 0, 0);
        var axis = Vector3.Normalize(Vector3.Cross(Vector3.UnitZ, normal));
        return Quaternion.CreateFromAxisAngle(axis, MathF.Acos(dot));
    }
}
