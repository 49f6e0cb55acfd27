using System.Text.Json;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Tests.Checks;

public class MeshChecksTests
{
    // Vertex v of the cube sits at (x, y, z) = (v & 1, v >> 1 & 1, v >> 2 & 1), scaled to [−0.25, 0.25]³.
    private static readonly int[] CubeTriangles =
    [
        0, 4, 6, 0, 6, 2, // −X
        1, 3, 7, 1, 7, 5, // +X
        0, 1, 5, 0, 5, 4, // −Y
        2, 6, 7, 2, 7, 3, // +Y
        0, 2, 3, 0, 3, 1, // −Z
        4, 5, 7, 4, 7, 6, // +Z
    ];

    private static float[] CubePositions(float offset = 0f, float size = 0.5f)
    {
        var p = new float[24];
        for (var v = 0; v < 8; v++)
        {
            p[3 * v] = offset + size * ((v & 1) - 0.5f);
            p[3 * v + 1] = offset + size * ((v >> 1 & 1) - 0.5f);
            p[3 * v + 2] = offset + size * ((v >> 2 & 1) - 0.5f);
        }
        return p;
    }

    private static TriangleMesh Cube() => new(CubePositions(), (int[])CubeTriangles.Clone());

    private static CheckRule[] Failed(TriangleMesh mesh, MeshCheckOptions? options = null) =>
        MeshChecks.Check(mesh, options).FailedRules.ToArray();

    [Fact]
    public void ClosedCubePassesEveryRule()
    {
        var report = MeshChecks.Check(Cube());
        Assert.True(report.Passed, report.ToString());
        Assert.Empty(report.Violations);
        Assert.Equal(1.0 / 8, MeshMeasures.SignedVolume(Cube()), 6);
        Assert.Equal(6 * 0.25, MeshMeasures.SurfaceArea(Cube()), 6);
    }

    [Fact]
    public void CubeWithoutOneFaceFailsWatertightOnly()
    {
        var mesh = new TriangleMesh(CubePositions(), CubeTriangles[..^6]);
        var report = MeshChecks.Check(mesh);
        Assert.Equal([CheckRule.Watertight], report.FailedRules);
        // The missing +Z face leaves its four outline edges open.
        var open = report.Violations.Where(v => v.Rule == CheckRule.Watertight).Select(v => (v.Index, v.OtherIndex)).Order().ToArray();
        Assert.Equal([(4L, 5L), (4L, 6L), (5L, 7L), (6L, 7L)], open);
        Assert.All(report.Violations, v => Assert.Equal(CheckElement.Edge, v.Element));
    }

    [Fact]
    public void CubeWithOneFlippedTriangleFailsOrientationOnly()
    {
        var indices = (int[])CubeTriangles.Clone();
        (indices[1], indices[2]) = (indices[2], indices[1]); // flip triangle 0 (0, 4, 6)
        var report = MeshChecks.Check(new TriangleMesh(CubePositions(), indices));
        Assert.Equal([CheckRule.ConsistentOrientation], report.FailedRules);
        Assert.Equal(3, report.Outcome(CheckRule.ConsistentOrientation)!.ViolationCount);
        Assert.All(report.Violations, v => Assert.Contains("triangles 0 and", v.Message));
    }

    [Fact]
    public void TwoCubesTouchingAtACornerFailVertexManifoldOnly()
    {
        // Cube B is cube A moved by its size along (1, 1, 1); B's vertex 0 is A's vertex 7, shared.
        var positions = CubePositions(-0.125f, 0.25f).Concat(CubePositions(0.125f, 0.25f)[3..]).ToArray();
        int MapB(int v) => v == 0 ? 7 : 7 + v;
        var indices = CubeTriangles.Concat(CubeTriangles.Select(MapB)).ToArray();
        var report = MeshChecks.Check(new TriangleMesh(positions, indices));
        Assert.Equal([CheckRule.VertexManifold], report.FailedRules);
        var violation = Assert.Single(report.Violations);
        Assert.Equal((CheckElement.Vertex, 7L), (violation.Element, violation.Index));
    }

    [Fact]
    public void CubeWithAZeroAreaSliverFailsDegenerateOnly()
    {
        // Split the −Z triangle (0, 3, 1) at m, the midpoint of edge 1–3, and close the slit with the collinear (1, m, 3).
        var positions = CubePositions().Concat([0.25f, 0f, -0.25f]).ToArray();
        const int m = 8;
        var indices = CubeTriangles.Where((_, i) => i / 3 != 9).Concat([0, 3, m, 0, m, 1, 1, m, 3]).ToArray();
        var report = MeshChecks.Check(new TriangleMesh(positions, indices));
        Assert.Equal([CheckRule.NonDegenerateTriangles], report.FailedRules);
        var violation = Assert.Single(report.Violations);
        Assert.Equal((CheckElement.Triangle, 13L), (violation.Element, violation.Index));
    }

    [Fact]
    public void RepeatedIndexIsDegenerate()
    {
        var indices = (int[])CubeTriangles.Clone();
        indices[2] = 0;
        Assert.Contains(CheckRule.NonDegenerateTriangles, Failed(new TriangleMesh(CubePositions(), indices)));
    }

    [Fact]
    public void OutOfRangeAndNegativeIndicesAreReportedNotThrown()
    {
        var indices = (int[])CubeTriangles.Clone();
        indices[5] = 8;
        indices[7] = -1;
        var report = MeshChecks.Check(new TriangleMesh(CubePositions(), indices));
        Assert.True(report.Failed(CheckRule.IndicesInRange));
        Assert.Equal([1L, 2L], report.Violations.Where(v => v.Rule == CheckRule.IndicesInRange).Select(v => v.Index));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void NonFinitePositionsFailFiniteValues(float bad)
    {
        var positions = CubePositions();
        positions[3 * 5 + 1] = bad;
        var report = MeshChecks.Check(new TriangleMesh(positions, (int[])CubeTriangles.Clone()));
        Assert.True(report.Failed(CheckRule.FiniteValues));
        Assert.Equal(5L, report.Violations.First(v => v.Rule == CheckRule.FiniteValues).Index);
    }

    [Fact]
    public void NonFiniteColoursFailFiniteValues()
    {
        var colors = new float[24];
        colors[4] = float.NaN;
        var report = MeshChecks.Check(new TriangleMesh(CubePositions(), (int[])CubeTriangles.Clone(), colors));
        Assert.Equal([CheckRule.FiniteValues], report.FailedRules);
        Assert.Contains("colour", report.Violations[0].Message);
    }

    [Fact]
    public void FinAlongAnEdgeFailsEdgeManifold()
    {
        // A third triangle on edge 0–4 (plus its mirror, so the fin itself is closed) makes that edge non-manifold.
        var positions = CubePositions().Concat([-0.5f, -0.5f, 0f]).ToArray();
        var indices = CubeTriangles.Concat([0, 8, 4, 0, 4, 8]).ToArray();
        var report = MeshChecks.Check(new TriangleMesh(positions, indices));
        Assert.True(report.Failed(CheckRule.EdgeManifold));
        Assert.True(report.Failed(CheckRule.Watertight));
        Assert.Contains(report.Violations, v => v.Rule == CheckRule.EdgeManifold && (v.Index, v.OtherIndex) == (0, 4));
    }

    [Fact]
    public void CountAndBoundsLimitsComeFromOptions()
    {
        Assert.Equal([CheckRule.TriangleCount], Failed(Cube(), new MeshCheckOptions { MaxTriangles = 11 }));
        Assert.Equal([CheckRule.VertexCount], Failed(Cube(), new MeshCheckOptions { MaxVertices = 7 }));
        Assert.Empty(Failed(Cube(), new MeshCheckOptions { MaxTriangles = 12, MaxVertices = 8 }));
        var big = new TriangleMesh(CubePositions(0, 1.2f), (int[])CubeTriangles.Clone());
        Assert.Equal([CheckRule.Bounds], Failed(big));
        Assert.Empty(Failed(big, new MeshCheckOptions { BoundsHalfExtent = null }));
    }

    [Fact]
    public void DefaultsFollowTheSpec()
    {
        Assert.Equal(250_000, MeshCheckOptions.Default.MaxVertices);
        Assert.Null(MeshCheckOptions.Default.MaxTriangles);
        Assert.Equal(0.5f, MeshCheckOptions.Default.BoundsHalfExtent);
    }

    [Fact]
    public void ListedViolationsAreCappedButCountsAreExact()
    {
        // 1000 separate triangles: 3000 open edges.
        var positions = new float[9000];
        var indices = new int[3000];
        for (var i = 0; i < 3000; i++)
        {
            indices[i] = i;
            positions[3 * i] = i % 3 == 1 ? 0.1f : 0f;
            positions[3 * i + 1] = i % 3 == 2 ? 0.1f : 0f;
        }
        var report = MeshChecks.Check(new TriangleMesh(positions, indices), new MeshCheckOptions { MaxListedPerRule = 10, MaxVertices = null });
        Assert.Equal(3000, report.Outcome(CheckRule.Watertight)!.ViolationCount);
        Assert.Equal(10, report.Violations.Count(v => v.Rule == CheckRule.Watertight));
    }

    [Fact]
    public void ReportSerialisesToJsonWithRuleNames()
    {
        var json = JsonSerializer.Serialize(MeshChecks.Check(new TriangleMesh(CubePositions(), CubeTriangles[..^6])));
        using var doc = JsonDocument.Parse(json);
        Assert.False(doc.RootElement.GetProperty("Passed").GetBoolean());
        Assert.Contains(doc.RootElement.GetProperty("Rules").EnumerateArray(),
            r => r.GetProperty("Rule").GetString() == "Watertight" && !r.GetProperty("Passed").GetBoolean());
        Assert.Equal("Edge", doc.RootElement.GetProperty("Violations")[0].GetProperty("Element").GetString());
    }
}
