namespace Neuron3D.Assets.Geometry;

/// <summary>
/// The 256-case triangulation table of <see cref="MarchingCubes"/>, generated at start-up from a rule rather than typed in,
/// so that its topological guarantees follow from the construction:
/// <list type="number">
/// <item>On every cube face, walking the corners counter-clockwise seen from outside the cube, each crossing that enters
/// the inside region is joined to the next crossing that leaves it. The rule depends only on the face's four corners, so
/// the two cubes sharing a face draw the same segments (in opposite directions): no cracks, consistent orientation.
/// On an ambiguous face (inside corners diagonal) it separates the inside corners.</item>
/// <item>Every crossing edge lies on two faces, entering in one and leaving in the other, so the segments form disjoint
/// directed loops; each loop is triangulated as a disk, keeping the loop's direction (outward, counter-clockwise).</item>
/// <item>Each loop is fanned from a vertex chosen so that no fan diagonal joins two points on a common cube face (only
/// possible on an ambiguous face): the neighbour across that face could draw the same diagonal and make an edge with four
/// triangles. Every loop of all 256 cases has such a vertex; the generator verifies it and fails loudly otherwise.</item>
/// </list>
/// Vertex ids in the table are cube edges 0–11.
/// </summary>
internal static class MarchingCubesTable
{
    /// <summary>Corner c sits at (c &amp; 1, (c &gt;&gt; 1) &amp; 1, (c &gt;&gt; 2) &amp; 1) in the cube.</summary>
    internal static readonly byte[] EdgeCornerA = [0, 2, 4, 6, 0, 1, 4, 5, 0, 1, 2, 3];

    /// <summary>Edges 0–3 run along x, 4–7 along y, 8–11 along z; B is the corner at the positive end.</summary>
    internal static readonly byte[] EdgeCornerB = [1, 3, 5, 7, 2, 3, 6, 7, 4, 5, 6, 7];

    /// <summary>Face corners counter-clockwise seen from outside: −X, +X, −Y, +Y, −Z, +Z.</summary>
    private static readonly byte[][] FaceCorners =
    [
        [0, 4, 6, 2], [1, 3, 7, 5], [0, 1, 5, 4], [2, 6, 7, 3], [0, 2, 3, 1], [4, 5, 7, 6],
    ];

    /// <summary>Bit mask of the cube edges each case needs a vertex on.</summary>
    internal static readonly ushort[] EdgeMask = new ushort[256];

    /// <summary>Triangles of case c: local vertex ids TriangleIds[TriangleStart[c] .. TriangleStart[c+1]), 3 per triangle.</summary>
    internal static readonly int[] TriangleStart = new int[257];
    internal static readonly byte[] TriangleIds;

    static MarchingCubesTable()
    {
        var edgeFaces = new int[12];
        for (var f = 0; f < 6; f++)
            for (var i = 0; i < 4; i++)
                edgeFaces[EdgeBetween(FaceCorners[f][i], FaceCorners[f][(i + 1) & 3])] |= 1 << f;

        var triangles = new List<byte>();
        Span<int> next = stackalloc int[12];
        Span<int> loop = stackalloc int[12];
        Span<bool> visited = stackalloc bool[12];
        for (var c = 0; c < 256; c++)
        {
            TriangleStart[c] = triangles.Count;
            next.Fill(-1);
            ushort mask = 0;
            for (var f = 0; f < 6; f++)
            {
                var corners = FaceCorners[f];
                for (var i = 0; i < 4; i++)
                {
                    if (!IsEntry(c, corners[i], corners[(i + 1) & 3])) continue;
                    for (var k = 1; k < 4; k++)
                    {
                        int a = corners[(i + k) & 3], b = corners[(i + k + 1) & 3];
                        if (!IsInside(c, a) || IsInside(c, b)) continue;
                        var from = EdgeBetween(corners[i], corners[(i + 1) & 3]);
                        next[from] = EdgeBetween(a, b);
                        mask |= (ushort)(1 << from);
                        break;
                    }
                }
            }
            EdgeMask[c] = mask;

            visited.Clear();
            for (var start = 0; start < 12; start++)
            {
                if (next[start] < 0 || visited[start]) continue;
                var n = 0;
                for (var e = start; !visited[e]; e = next[e])
                {
                    visited[e] = true;
                    loop[n++] = e;
                }
                var fanFrom = SafeFanStart(loop[..n], edgeFaces);
                if (fanFrom < 0) throw new InvalidOperationException($"marching-cubes case {c}: no loop vertex fans without a cross-face diagonal");
                for (var i = 1; i + 1 < n; i++)
                {
                    triangles.Add((byte)loop[fanFrom]);
                    triangles.Add((byte)loop[(fanFrom + i) % n]);
                    triangles.Add((byte)loop[(fanFrom + i + 1) % n]);
                }
            }
        }
        TriangleStart[256] = triangles.Count;
        TriangleIds = [.. triangles];
    }

    private static bool IsInside(int caseIndex, int corner) => ((caseIndex >> corner) & 1) != 0;

    private static bool IsEntry(int caseIndex, int from, int to) => !IsInside(caseIndex, from) && IsInside(caseIndex, to);

    private static int EdgeBetween(int a, int b)
    {
        for (var e = 0; e < 12; e++)
            if ((EdgeCornerA[e] == a && EdgeCornerB[e] == b) || (EdgeCornerA[e] == b && EdgeCornerB[e] == a))
                return e;
        throw new InvalidOperationException($"corners {a} and {b} are not joined by a cube edge");
    }

    /// <summary>A loop position whose fan diagonals never join two points on a common cube face, or −1.</summary>
    private static int SafeFanStart(ReadOnlySpan<int> loop, int[] edgeFaces)
    {
        var n = loop.Length;
        for (var s = 0; s < n; s++)
        {
            var safe = true;
            for (var i = 2; i + 1 < n && safe; i++)
                safe = (edgeFaces[loop[s]] & edgeFaces[loop[(s + i) % n]]) == 0;
            if (safe) return s;
        }
        return -1;
    }
}
