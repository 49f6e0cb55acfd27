using System.Buffers;
using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Checks;

/// <summary>
/// Structural checks of a triangle mesh: index range, finite values, degenerate triangles, counts and bounds against
/// limits, and topology (watertight, edge- and vertex-manifold, consistent orientation). Topology rules look only at
/// triangles with in-range, pairwise distinct indices, so one bad triangle is reported once, by the rule it breaks.
/// </summary>
public static class MeshChecks
{
    /// <summary>Checks <paramref name="mesh"/> against every rule; never throws for a malformed mesh.</summary>
    public static CheckReport Check(TriangleMesh mesh, MeshCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        options ??= MeshCheckOptions.Default;
        var report = new CheckReportBuilder("mesh", options.MaxListedPerRule);
        int vertexCount = mesh.VertexCount, triangleCount = mesh.TriangleCount;

        if (options.MaxVertices is { } maxV)
            report.Close(CheckRule.VertexCount, vertexCount <= maxV, vertexCount, maxV, $"{vertexCount} vertices (limit {maxV})");
        if (options.MaxTriangles is { } maxT)
            report.Close(CheckRule.TriangleCount, triangleCount <= maxT, triangleCount, maxT, $"{triangleCount} triangles (limit {maxT})");

        CheckFinite(mesh, report);
        if (options.BoundsHalfExtent is { } half) CheckBounds(mesh.Positions, half, report);

        var usable = ArrayPool<bool>.Shared.Rent(triangleCount);
        try
        {
            CheckTriangles(mesh, options.DegenerateArea, usable, report);
            CheckTopology(mesh, usable, report);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(usable);
        }
        return report.Build();
    }

    private static void CheckFinite(TriangleMesh mesh, CheckReportBuilder report)
    {
        ScanFinite(mesh.Positions, "position", report);
        if (mesh.Normals is { } n) ScanFinite(n, "normal", report);
        if (mesh.Colors is { } c) ScanFinite(c, "colour", report);
        report.Close(CheckRule.FiniteValues, "all positions, normals and colours finite", "vertices with NaN or infinite values");
    }

    private static void ScanFinite(float[] values, string what, CheckReportBuilder report)
    {
        for (var v = 0; v < values.Length / 3; v++)
        {
            float x = values[3 * v], y = values[3 * v + 1], z = values[3 * v + 2];
            if (float.IsFinite(x) && float.IsFinite(y) && float.IsFinite(z)) continue;
            report.Violation(CheckRule.FiniteValues, CheckElement.Vertex, v, -1, (v, x, y, z, what),
                s => $"vertex {s.v} has {s.what} ({s.x}, {s.y}, {s.z})");
        }
    }

    private static void CheckBounds(float[] positions, float half, CheckReportBuilder report)
    {
        var largest = 0f;
        for (var v = 0; v < positions.Length / 3; v++)
        {
            float x = Math.Abs(positions[3 * v]), y = Math.Abs(positions[3 * v + 1]), z = Math.Abs(positions[3 * v + 2]);
            var m = Math.Max(x, Math.Max(y, z));
            if (!float.IsFinite(m)) continue;
            largest = Math.Max(largest, m);
            if (m > half)
                report.Violation(CheckRule.Bounds, CheckElement.Vertex, v, -1, (v, m, half),
                    s => $"vertex {s.v} lies {s.m} from the centre along an axis, outside [−{s.half}, {s.half}]³");
        }
        var n = report.Count(CheckRule.Bounds);
        report.Close(CheckRule.Bounds, n == 0, largest, half,
            n == 0 ? $"inside [−{half}, {half}]³ (largest |coordinate| {largest})" : $"{n} vertices outside [−{half}, {half}]³");
    }

    private static void CheckTriangles(TriangleMesh mesh, double degenerateArea, bool[] usable, CheckReportBuilder report)
    {
        var idx = mesh.Indices;
        var p = mesh.Positions;
        var vertexCount = mesh.VertexCount;
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            int a = idx[3 * t], b = idx[3 * t + 1], c = idx[3 * t + 2];
            usable[t] = false;
            if ((uint)a >= (uint)vertexCount || (uint)b >= (uint)vertexCount || (uint)c >= (uint)vertexCount)
            {
                report.Violation(CheckRule.IndicesInRange, CheckElement.Triangle, t, -1, (t, a, b, c, vertexCount),
                    s => $"triangle {s.t} ({s.a}, {s.b}, {s.c}) refers past the last vertex {s.vertexCount - 1}");
                continue;
            }
            if (a == b || b == c || a == c)
            {
                report.Violation(CheckRule.NonDegenerateTriangles, CheckElement.Triangle, t, -1, (t, a, b, c),
                    s => $"triangle {s.t} repeats a vertex ({s.a}, {s.b}, {s.c})");
                continue;
            }
            usable[t] = true;
            double ux = p[3 * b] - (double)p[3 * a], uy = p[3 * b + 1] - (double)p[3 * a + 1], uz = p[3 * b + 2] - (double)p[3 * a + 2];
            double vx = p[3 * c] - (double)p[3 * a], vy = p[3 * c + 1] - (double)p[3 * a + 1], vz = p[3 * c + 2] - (double)p[3 * a + 2];
            double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            var area = 0.5 * Math.Sqrt(cx * cx + cy * cy + cz * cz);
            if (area <= degenerateArea)
                report.Violation(CheckRule.NonDegenerateTriangles, CheckElement.Triangle, t, -1, (t, area),
                    s => $"triangle {s.t} has area {s.area:G3}");
        }
        report.Close(CheckRule.IndicesInRange, "all indices refer to vertices", "triangles with out-of-range indices");
        report.Close(CheckRule.NonDegenerateTriangles, "no repeated indices or zero-area triangles", "degenerate triangles");
    }

    private static void CheckTopology(TriangleMesh mesh, bool[] usable, CheckReportBuilder report)
    {
        var idx = mesh.Indices;
        var triangleCount = mesh.TriangleCount;
        var halfEdges = 0;
        for (var t = 0; t < triangleCount; t++)
            if (usable[t]) halfEdges += 3;

        // Half-edge h = 3t + k runs from corner k to corner k+1 of triangle t; sorting by the undirected key groups the
        // triangles of each edge.
        var keys = ArrayPool<ulong>.Shared.Rent(halfEdges);
        var ids = ArrayPool<int>.Shared.Rent(halfEdges);
        var parent = ArrayPool<int>.Shared.Rent(3 * triangleCount);
        var fan = ArrayPool<int>.Shared.Rent(mesh.VertexCount);
        try
        {
            var m = 0;
            for (var t = 0; t < triangleCount; t++)
            {
                if (!usable[t]) continue;
                for (var k = 0; k < 3; k++)
                {
                    int from = idx[3 * t + k], to = idx[3 * t + (k + 1) % 3];
                    keys[m] = ((ulong)(uint)Math.Min(from, to) << 32) | (uint)Math.Max(from, to);
                    ids[m++] = 3 * t + k;
                    parent[3 * t + k] = 3 * t + k;
                }
            }
            Array.Sort(keys, ids, 0, m);

            for (var start = 0; start < m;)
            {
                var end = start + 1;
                while (end < m && keys[end] == keys[start]) end++;
                ReportEdge(idx, keys[start], ids.AsSpan(start, end - start), parent, report);
                start = end;
            }
            report.Close(CheckRule.Watertight, "every edge shared by exactly two triangles", "edges not shared by exactly two triangles");
            report.Close(CheckRule.EdgeManifold, "no edge shared by more than two triangles", "edges shared by more than two triangles");
            report.Close(CheckRule.ConsistentOrientation, "neighbouring triangles agree on orientation", "edges whose two triangles disagree on orientation (flipped face)");

            // A vertex is manifold when all its corners fell into one union-find set (one fan).
            fan.AsSpan(0, mesh.VertexCount).Fill(-1);
            for (var t = 0; t < triangleCount; t++)
            {
                if (!usable[t]) continue;
                for (var k = 0; k < 3; k++)
                {
                    var v = idx[3 * t + k];
                    var root = Find(parent, 3 * t + k);
                    if (fan[v] == -1) fan[v] = root;
                    else if (fan[v] >= 0 && fan[v] != root)
                    {
                        fan[v] = -2; // reported once
                        report.Violation(CheckRule.VertexManifold, CheckElement.Vertex, v, -1, v,
                            s => $"the triangles around vertex {s} form more than one fan (surfaces touch at this vertex)");
                    }
                }
            }
            report.Close(CheckRule.VertexManifold, "every vertex has a single fan", "non-manifold vertices");
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(ids);
            ArrayPool<int>.Shared.Return(parent);
            ArrayPool<int>.Shared.Return(fan);
        }
    }

    private static void ReportEdge(int[] idx, ulong key, ReadOnlySpan<int> group, int[] parent, CheckReportBuilder report)
    {
        long lo = (long)(key >> 32), hi = (long)(key & 0xFFFF_FFFF);
        if (group.Length == 1)
            report.Violation(CheckRule.Watertight, CheckElement.Edge, lo, hi, (lo, hi, t: group[0] / 3),
                s => $"edge ({s.lo}, {s.hi}) belongs only to triangle {s.t} (open boundary)");
        if (group.Length > 2)
        {
            report.Violation(CheckRule.Watertight, CheckElement.Edge, lo, hi, (lo, hi, n: group.Length),
                s => $"edge ({s.lo}, {s.hi}) is shared by {s.n} triangles");
            report.Violation(CheckRule.EdgeManifold, CheckElement.Edge, lo, hi, (lo, hi, n: group.Length),
                s => $"edge ({s.lo}, {s.hi}) is shared by {s.n} triangles");
        }
        if (group.Length == 2 && IsForward(idx, group[0], lo) == IsForward(idx, group[1], lo))
            report.Violation(CheckRule.ConsistentOrientation, CheckElement.Edge, lo, hi, (lo, hi, a: Math.Min(group[0], group[1]) / 3, b: Math.Max(group[0], group[1]) / 3),
                s => $"triangles {s.a} and {s.b} both run edge ({s.lo}, {s.hi}) the same way: one of them is flipped");

        // Join the corners at each end of the edge: triangles meeting along an edge belong to the same fan there.
        for (var i = 1; i < group.Length; i++)
        {
            Union(parent, CornerAt(idx, group[0], lo), CornerAt(idx, group[i], lo));
            Union(parent, CornerAt(idx, group[0], hi), CornerAt(idx, group[i], hi));
        }
    }

    private static bool IsForward(int[] idx, int halfEdge, long lo) => idx[halfEdge] == lo;

    private static int CornerAt(int[] idx, int halfEdge, long vertex)
    {
        var t3 = halfEdge - halfEdge % 3;
        var next = t3 + (halfEdge - t3 + 1) % 3;
        return idx[halfEdge] == vertex ? halfEdge : next;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        a = Find(parent, a);
        b = Find(parent, b);
        if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
    }
}
