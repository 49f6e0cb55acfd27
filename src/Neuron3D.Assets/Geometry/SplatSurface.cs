using System.Numerics;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Geometry;

/// <summary>Options for turning splats into a surface mesh.</summary>
public sealed record SplatSurfaceOptions
{
    /// <summary>Samples along the longest side of the cloud's bounds (the grid adds a 2-sample empty border).</summary>
    public int Resolution { get; init; } = 64;
    /// <summary>Splats less opaque than this (activated opacity) are ignored: they are haze, not surface.</summary>
    public float MinOpacity { get; init; } = 0.1f;
    /// <summary>Occupancy level of the surface, 0–1, after the field is clamped to [0, 1] and smoothed.</summary>
    public float IsoValue { get; init; } = 0.5f;
}

/// <summary>
/// A closed surface mesh from a Gaussian splat cloud: each opaque splat deposits its opacity as an isotropic Gaussian
/// (σ = mean of its three scales, at least half a voxel) into an occupancy grid with an empty border, the field is
/// clamped and box-smoothed, and <see cref="MarchingCubes"/> extracts the iso-surface — closed and manifold by
/// construction. Validators use it to ask mesh questions of a splat asset (watertight, triangle count, fragments).
/// </summary>
public static class SplatSurface
{
    public static TriangleMesh Extract(SplatCloud cloud, SplatSurfaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        options ??= new SplatSurfaceOptions();
        if (options.Resolution is < 4 or > 512) throw new ArgumentOutOfRangeException(nameof(options), "resolution must be within 4..512");

        var (min, max) = OpaqueBounds(cloud, options.MinOpacity);
        if (min.X > max.X) return new TriangleMesh([], []);
        var extent = Vector3.Max(max - min, new Vector3(1e-6f));
        var voxel = MathF.Max(extent.X, MathF.Max(extent.Y, extent.Z)) / (options.Resolution - 1);
        const int border = 2;
        var origin = min - new Vector3(border * voxel);
        var sizes = new int[3];
        for (var a = 0; a < 3; a++) sizes[a] = (int)MathF.Ceiling(extent[a] / voxel) + 1 + 2 * border;
        var grid = new VoxelGrid(sizes[0], sizes[1], sizes[2], origin, voxel);

        var field = new float[grid.SampleCount];
        Deposit(cloud, options.MinOpacity, grid, field);
        for (var i = 0; i < field.Length; i++) field[i] = MathF.Min(field[i], 1f);
        var smooth = BoxSmooth(field, grid);
        return MarchingCubes.Extract(smooth, grid, options.IsoValue);
    }

    private static (Vector3 Min, Vector3 Max) OpaqueBounds(SplatCloud cloud, float minOpacity)
    {
        var min = new Vector3(float.PositiveInfinity);
        var max = new Vector3(float.NegativeInfinity);
        for (var i = 0; i < cloud.Count; i++)
        {
            var p = cloud.Position(i);
            if (cloud.Opacity(i) < minOpacity || !float.IsFinite(p.X + p.Y + p.Z)) continue;
            min = Vector3.Min(min, p);
            max = Vector3.Max(max, p);
        }
        return (min, max);
    }

    private static void Deposit(SplatCloud cloud, float minOpacity, VoxelGrid grid, float[] field)
    {
        var inv = 1f / grid.VoxelSize;
        for (var i = 0; i < cloud.Count; i++)
        {
            var opacity = cloud.Opacity(i);
            var p = cloud.Position(i);
            if (opacity < minOpacity || !float.IsFinite(p.X + p.Y + p.Z)) continue;
            var s = cloud.Scale(i);
            var sigma = MathF.Max((s.X + s.Y + s.Z) / 3f, 0.5f * grid.VoxelSize);
            if (!float.IsFinite(sigma)) continue;
            var radius = MathF.Min(3f * sigma, 4f * grid.VoxelSize); // a huge splat must not flood the grid
            var local = (p - grid.Origin) * inv;
            var r = radius * inv;
            int x0 = Math.Max(0, (int)MathF.Floor(local.X - r)), x1 = Math.Min(grid.SizeX - 1, (int)MathF.Ceiling(local.X + r));
            int y0 = Math.Max(0, (int)MathF.Floor(local.Y - r)), y1 = Math.Min(grid.SizeY - 1, (int)MathF.Ceiling(local.Y + r));
            int z0 = Math.Max(0, (int)MathF.Floor(local.Z - r)), z1 = Math.Min(grid.SizeZ - 1, (int)MathF.Ceiling(local.Z + r));
            var k = -0.5f / (sigma * sigma * inv * inv);
            for (var z = z0; z <= z1; z++)
            for (var y = y0; y <= y1; y++)
            {
                var row = ((long)z * grid.SizeY + y) * grid.SizeX;
                float dy = y - local.Y, dz = z - local.Z;
                for (var x = x0; x <= x1; x++)
                {
                    var dx = x - local.X;
                    field[row + x] += opacity * MathF.Exp(k * (dx * dx + dy * dy + dz * dz));
                }
            }
        }
        // Keep the border empty so the surface closes.
        ClearBorder(field, grid);
    }

    private static float[] BoxSmooth(float[] field, VoxelGrid grid)
    {
        var a = field;
        var b = new float[field.Length];
        int sx = grid.SizeX, sy = grid.SizeY, sz = grid.SizeZ;
        // Separable 3-tap box filter along x, y, z.
        for (var axis = 0; axis < 3; axis++)
        {
            long stride = axis == 0 ? 1 : axis == 1 ? sx : (long)sx * sy;
            var size = axis == 0 ? sx : axis == 1 ? sy : sz;
            for (long i = 0; i < a.Length; i++)
            {
                var coordinate = axis == 0 ? i % sx : axis == 1 ? i / sx % sy : i / ((long)sx * sy);
                var sum = a[i];
                var n = 1;
                if (coordinate > 0) { sum += a[i - stride]; n++; }
                if (coordinate < size - 1) { sum += a[i + stride]; n++; }
                b[i] = sum / n;
            }
            (a, b) = (b, a);
        }
        ClearBorder(a, grid);
        return a;
    }

    private static void ClearBorder(float[] field, VoxelGrid grid)
    {
        for (var z = 0; z < grid.SizeZ; z++)
        for (var y = 0; y < grid.SizeY; y++)
        for (var x = 0; x < grid.SizeX; x++)
        {
            if (x != 0 && y != 0 && z != 0 && x != grid.SizeX - 1 && y != grid.SizeY - 1 && z != grid.SizeZ - 1) continue;
            field[((long)z * grid.SizeY + y) * grid.SizeX + x] = 0;
        }
    }
}
