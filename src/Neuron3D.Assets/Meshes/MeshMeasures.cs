using System.Numerics;

namespace Neuron3D.Assets.Meshes;

/// <summary>Geometric measures of a triangle mesh (accumulated in double precision).</summary>
public static class MeshMeasures
{
    /// <summary>Total triangle area, in scene units².</summary>
    public static double SurfaceArea(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var sum = 0.0;
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            var (a, b, c) = Corners(mesh, t);
            var cross = Vector3.Cross(b - a, c - a);
            sum += 0.5 * cross.Length();
        }
        return sum;
    }

    /// <summary>
    /// Signed enclosed volume (divergence theorem), in scene units³: positive for a closed mesh wound counter-clockwise
    /// seen from outside, negative when every face is flipped; meaningless for an open mesh.
    /// </summary>
    public static double SignedVolume(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var sum = 0.0;
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            var (a, b, c) = Corners(mesh, t);
            sum += Vector3.Dot(a, Vector3.Cross(b, c));
        }
        return sum / 6.0;
    }

    /// <summary>Axis-aligned bounds of the vertices (ignoring non-finite ones); (+∞, −∞) when there are none.</summary>
    public static (Vector3 Min, Vector3 Max) Bounds(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        return PointBounds(mesh.Positions);
    }

    /// <summary>Axis-aligned bounds of packed x y z points, skipping non-finite ones; (+∞, −∞) when there are none.</summary>
    public static (Vector3 Min, Vector3 Max) PointBounds(ReadOnlySpan<float> xyz)
    {
        var min = new Vector3(float.PositiveInfinity);
        var max = new Vector3(float.NegativeInfinity);
        for (var i = 0; i + 2 < xyz.Length; i += 3)
        {
            var v = new Vector3(xyz[i], xyz[i + 1], xyz[i + 2]);
            if (!float.IsFinite(v.X) || !float.IsFinite(v.Y) || !float.IsFinite(v.Z)) continue;
            min = Vector3.Min(min, v);
            max = Vector3.Max(max, v);
        }
        return (min, max);
    }

    /// <summary>Per-vertex normals: the area-weighted sum of adjacent face normals, normalised (zero where undefined).</summary>
    public static float[] VertexNormals(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var normals = new float[mesh.Positions.Length];
        var idx = mesh.Indices;
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            var (a, b, c) = Corners(mesh, t);
            var n = Vector3.Cross(b - a, c - a); // length = 2·area, so the sum is area-weighted
            for (var k = 0; k < 3; k++)
            {
                var v = 3 * idx[3 * t + k];
                normals[v] += n.X;
                normals[v + 1] += n.Y;
                normals[v + 2] += n.Z;
            }
        }
        for (var v = 0; v < normals.Length; v += 3)
        {
            var n = new Vector3(normals[v], normals[v + 1], normals[v + 2]);
            var len = n.Length();
            n = len > 0 && float.IsFinite(len) ? n / len : Vector3.Zero;
            (normals[v], normals[v + 1], normals[v + 2]) = (n.X, n.Y, n.Z);
        }
        return normals;
    }

    private static (Vector3 A, Vector3 B, Vector3 C) Corners(TriangleMesh mesh, int t)
    {
        var p = mesh.Positions;
        var idx = mesh.Indices;
        int a = 3 * idx[3 * t], b = 3 * idx[3 * t + 1], c = 3 * idx[3 * t + 2];
        return (new Vector3(p[a], p[a + 1], p[a + 2]), new Vector3(p[b], p[b + 1], p[b + 2]), new Vector3(p[c], p[c + 1], p[c + 2]));
    }
}
