using System.Buffers;
using System.Numerics;
using Neuron3D.Assets.Geometry;
using Neuron3D.Assets.Meshes;
using Neuron3D.Generation.Parts;

namespace Neuron3D.Generation.Output;

/// <summary>
/// Meshes a part assembly as one watertight surface: the parts' signed distances are unioned (minimum) on a regular
/// grid over the unit box, the team's marching cubes extracts the zero level set, and each vertex takes the colour of
/// the nearest part's material. Each part is only evaluated near its own bounds, so the cost follows the parts' volume
/// rather than grid size × part count.
/// </summary>
public static class SdfMesher
{
    /// <summary>Half edge of the sampled cube, scene units: the SN17 unit box.</summary>
    public const float GridHalfExtent = 0.5f;

    /// <summary>Samples per axis tried first; lowered when the mesh would exceed the triangle budget.</summary>
    public const int DefaultResolution = 88;

    /// <summary>Coarsest grid accepted when shrinking to meet the budget.</summary>
    public const int MinResolution = 24;

    /// <summary>
    /// Meshes <paramref name="assembly"/> (already normalised into the unit box) with at most
    /// <paramref name="maxTriangles"/> triangles.
    /// </summary>
    /// <exception cref="InvalidOperationException">The surface cannot be brought under the budget even at the coarsest grid.</exception>
    public static TriangleMesh Mesh(PartAssembly assembly, int maxTriangles = 50_000, int resolution = DefaultResolution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        while (true)
        {
            var mesh = MeshAt(assembly, resolution, cancellationToken);
            if (mesh.TriangleCount <= maxTriangles) return mesh;
            var next = (int)(resolution * MathF.Sqrt(maxTriangles / (float)mesh.TriangleCount) * 0.97f);
            if (next < MinResolution)
                throw new InvalidOperationException($"mesh has {mesh.TriangleCount} triangles at the coarsest grid ({resolution}³); budget {maxTriangles}");
            resolution = next;
        }
    }

    /// <summary>Meshes at exactly <paramref name="resolution"/> samples per axis.</summary>
    public static TriangleMesh MeshAt(PartAssembly assembly, int resolution, CancellationToken cancellationToken = default)
    {
        var n = resolution;
        var voxel = 2 * GridHalfExtent / (n - 1);
        var origin = new Vector3(-GridHalfExtent);
        var grid = new VoxelGrid(n, n, n, origin, voxel);
        var count = n * n * n;
        // Parts thinner than about a cell would fall between samples and vanish (or tear): give them that thickness.
        var minHalf = 0.75f * voxel;
        assembly = new PartAssembly(assembly.Parts.Select(p => p with { Shape = p.Shape.Thickened(minHalf) }).ToArray());
        var values = ArrayPool<float>.Shared.Rent(count);
        try
        {
            var outside = -4 * voxel;
            values.AsSpan(0, count).Fill(outside);
            var margin = new Vector3(2 * voxel);
            foreach (var part in assembly.Parts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (min, max) = part.Bounds();
                var lo = Vector3.Max((min - margin - origin) / voxel, Vector3.Zero);
                var hi = Vector3.Min((max + margin - origin) / voxel, new Vector3(n - 1));
                int x0 = (int)MathF.Floor(lo.X), y0 = (int)MathF.Floor(lo.Y), z0 = (int)MathF.Floor(lo.Z);
                int x1 = (int)MathF.Ceiling(hi.X), y1 = (int)MathF.Ceiling(hi.Y), z1 = (int)MathF.Ceiling(hi.Z);
                for (var z = z0; z <= z1; z++)
                for (var y = y0; y <= y1; y++)
                {
                    var row = n * (y + n * z);
                    for (var x = x0; x <= x1; x++)
                    {
                        var value = -part.Distance(origin + new Vector3(x, y, z) * voxel);
                        if (value > values[row + x]) values[row + x] = value;
                    }
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            return MarchingCubes.Extract(values.AsSpan(0, count), grid, 0, p => ColorAt(assembly, p));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(values);
        }
    }

    /// <summary>The index of the part nearest to a scene point (smallest signed distance).</summary>
    public static int NearestPart(PartAssembly assembly, Vector3 p)
    {
        var best = float.MaxValue;
        var index = 0;
        for (var i = 0; i < assembly.Parts.Count; i++)
        {
            var d = assembly.Parts[i].Distance(p);
            if (d < best) { best = d; index = i; }
        }
        return index;
    }

    /// <summary>The baked colour (sRGB 0–1, as a vector) of the nearest part's material at a surface point.</summary>
    public static Vector3 ColorAt(PartAssembly assembly, Vector3 p)
    {
        var part = assembly.Parts[NearestPart(assembly, p)];
        var c = SurfaceShading.Shade(part.Material, part.ToLocal(p), p, Normal(part, p));
        return new Vector3(c.R, c.G, c.B);
    }

    /// <summary>The outward normal of one part's surface near <paramref name="p"/> (central differences).</summary>
    public static Vector3 Normal(PartDescription part, Vector3 p)
    {
        const float h = 1e-3f;
        var g = new Vector3(
            part.Distance(p + new Vector3(h, 0, 0)) - part.Distance(p - new Vector3(h, 0, 0)),
            part.Distance(p + new Vector3(0, h, 0)) - part.Distance(p - new Vector3(0, h, 0)),
            part.Distance(p + new Vector3(0, 0, h)) - part.Distance(p - new Vector3(0, 0, h)));
        var length = g.Length();
        return length > 1e-12f ? g / length : Vector3.UnitY;
    }
}
