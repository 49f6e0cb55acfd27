using System.Numerics;
using CsCheck;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Geometry;
using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Tests.Geometry;

public class MarchingCubesTests
{
    /// <summary>Topology only: no vertex cap and no unit-box requirement.</summary>
    private static readonly MeshCheckOptions TopologyOnly = new() { MaxVertices = null, BoundsHalfExtent = null };

    private static readonly CheckRule[] ClosedManifoldRules =
    [
        CheckRule.IndicesInRange, CheckRule.FiniteValues, CheckRule.NonDegenerateTriangles, CheckRule.Watertight,
        CheckRule.EdgeManifold, CheckRule.VertexManifold, CheckRule.ConsistentOrientation,
    ];

    private static void AssertClosedManifold(TriangleMesh mesh, string context)
    {
        var report = MeshChecks.Check(mesh, TopologyOnly);
        foreach (var rule in ClosedManifoldRules)
            Assert.True(report.Outcome(rule) is { Passed: true },
                $"{context}: {rule} failed: {string.Join("; ", report.Violations.Take(5).Select(v => v.Message))}");
        if (mesh.TriangleCount > 0)
            Assert.True(MeshMeasures.SignedVolume(mesh) > 0, $"{context}: enclosed volume must be positive (outward winding)");
    }

    /// <summary>Sets every boundary sample to <paramref name="pad"/> (≤ iso: outside), as the closedness guarantee needs.</summary>
    private static float[] Pad(float[] values, int nx, int ny, int nz, float pad)
    {
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++)
                    if (x == 0 || y == 0 || z == 0 || x == nx - 1 || y == ny - 1 || z == nz - 1)
                        values[x + nx * (y + ny * z)] = pad;
        return values;
    }

    private static VoxelGrid Grid(int nx, int ny, int nz) => new(nx, ny, nz, new Vector3(-0.5f, 0.25f, 2f), 0.1f);

    [Fact]
    public void EveryCaseAloneIsAClosedManifold()
    {
        for (var c = 0; c < 256; c++)
        {
            var values = new float[64];
            Array.Fill(values, -1f);
            for (var corner = 0; corner < 8; corner++)
                if ((c >> corner & 1) != 0)
                    values[(1 + (corner & 1)) + 4 * ((1 + (corner >> 1 & 1)) + 4 * (1 + (corner >> 2 & 1)))] = 1f;
            var mesh = MarchingCubes.Extract(values, Grid(4, 4, 4), 0f);
            Assert.Equal(c == 0, mesh.TriangleCount == 0);
            AssertClosedManifold(mesh, $"case {c}");
        }
    }

    private static readonly Gen<(int Nx, int Ny, int Nz, float[] Values, float Pad)> NoiseField =
        from nx in Gen.Int[3, 11]
        from ny in Gen.Int[3, 11]
        from nz in Gen.Int[3, 11]
        from values in Gen.Float[-1f, 1f].Array[nx * ny * nz]
        from pad in Gen.OneOfConst(-1f, 0f, float.NaN)
        select (nx, ny, nz, Pad(values, nx, ny, nz, pad), pad);

    // Samples from {−1, 0, 1} hit the iso value exactly, which must count as outside without collapsing vertices.
    private static readonly Gen<(int Nx, int Ny, int Nz, float[] Values, float Pad)> TernaryField =
        from nx in Gen.Int[3, 9]
        from ny in Gen.Int[3, 9]
        from nz in Gen.Int[3, 9]
        from values in Gen.Int[-1, 1].Select(i => (float)i).Array[nx * ny * nz]
        select (nx, ny, nz, Pad(values, nx, ny, nz, 0f), 0f);

    private static readonly Gen<(int N, float[] Values)> BlobField =
        from n in Gen.Int[8, 24]
        from blobs in Gen.Select(Gen.Float[0.2f, 0.8f], Gen.Float[0.2f, 0.8f], Gen.Float[0.2f, 0.8f], Gen.Float[0.05f, 0.3f]).Array[1, 6]
        from iso in Gen.Float[0.3f, 0.9f]
        select (n, BlobValues(n, blobs, iso));

    private static float[] BlobValues(int n, (float X, float Y, float Z, float R)[] blobs, float iso)
    {
        var values = new float[n * n * n];
        for (var z = 0; z < n; z++)
            for (var y = 0; y < n; y++)
                for (var x = 0; x < n; x++)
                {
                    var p = new Vector3(x, y, z) / (n - 1);
                    var f = 0f;
                    foreach (var b in blobs)
                        f += MathF.Exp(-Vector3.DistanceSquared(p, new Vector3(b.X, b.Y, b.Z)) / (b.R * b.R));
                    values[x + n * (y + n * z)] = f - iso;
                }
        return Pad(values, n, n, n, -1f);
    }

    [Fact]
    public void RandomNoiseFieldsGiveClosedOrientedManifolds() =>
        NoiseField.Sample(f => AssertClosedManifold(MarchingCubes.Extract(f.Values, Grid(f.Nx, f.Ny, f.Nz), 0f), "noise"), iter: 300);

    [Fact]
    public void FieldsWithSamplesExactlyAtIsoGiveClosedOrientedManifolds() =>
        TernaryField.Sample(f => AssertClosedManifold(MarchingCubes.Extract(f.Values, Grid(f.Nx, f.Ny, f.Nz), 0f), "ternary"), iter: 300);

    [Fact]
    public void RandomBlobFieldsGiveClosedOrientedManifolds() =>
        BlobField.Sample(f => AssertClosedManifold(MarchingCubes.Extract(f.Values, Grid(f.N, f.N, f.N), 0f), "blobs"), iter: 100);

    [Theory]
    [InlineData(48, 0.02, 0.02)]
    [InlineData(96, 0.006, 0.006)]
    public void SphereAreaAndVolumeApproachTheAnalyticValues(int n, double areaTolerance, double volumeTolerance)
    {
        const float radius = 1f;
        var voxel = 2.4f / (n - 1);
        var origin = new Vector3(-1.2f);
        var values = new float[n * n * n];
        for (var z = 0; z < n; z++)
            for (var y = 0; y < n; y++)
                for (var x = 0; x < n; x++)
                    values[x + n * (y + n * z)] = radius - (origin + voxel * new Vector3(x, y, z)).Length();

        var mesh = MarchingCubes.Extract(values, new VoxelGrid(n, n, n, origin, voxel), 0f);

        AssertClosedManifold(mesh, "sphere");
        var area = MeshMeasures.SurfaceArea(mesh);
        var volume = MeshMeasures.SignedVolume(mesh);
        Assert.InRange(area / (4 * Math.PI * radius * radius), 1 - areaTolerance, 1 + areaTolerance);
        Assert.InRange(volume / (4.0 / 3.0 * Math.PI * radius * radius * radius), 1 - volumeTolerance, 1 + volumeTolerance);
        // Vertices interpolate along grid edges, so they lie close to the sphere.
        for (var i = 0; i < mesh.Positions.Length; i += 3)
            Assert.InRange(new Vector3(mesh.Positions[i], mesh.Positions[i + 1], mesh.Positions[i + 2]).Length(), radius - voxel * 0.1f, radius + voxel * 0.1f);
    }

    [Fact]
    public void PlaneCrossingsLieOnTheIsoPlaneAndFaceTowardsLowValues()
    {
        // f = 0.37 − x: inside for x < 0.37, so normals must point to +x.
        const int n = 6;
        var values = new float[n * n * n];
        for (var z = 0; z < n; z++)
            for (var y = 0; y < n; y++)
                for (var x = 0; x < n; x++)
                    values[x + n * (y + n * z)] = 0.37f - x * 0.2f;
        var mesh = MarchingCubes.Extract(values, new VoxelGrid(n, n, n, Vector3.Zero, 0.2f), 0f);

        Assert.Equal(2 * (n - 1) * (n - 1), mesh.TriangleCount);
        Assert.Equal(n * n, mesh.VertexCount); // shared, deduplicated vertices: one per crossed grid edge
        for (var i = 0; i < mesh.Positions.Length; i += 3) Assert.Equal(0.37f, mesh.Positions[i], 1e-5f);
        var normals = MeshMeasures.VertexNormals(mesh);
        for (var i = 0; i < normals.Length; i += 3) Assert.True(normals[i] > 0.99f);
    }

    [Fact]
    public void ColourCallbackIsEvaluatedAtEveryVertexPosition()
    {
        const int n = 10;
        var values = BlobValues(n, [(0.5f, 0.5f, 0.5f, 0.3f)], 0.5f);
        var mesh = MarchingCubes.Extract(values, Grid(n, n, n), 0f, p => new Vector3(p.X, p.Y * 2, -p.Z));

        Assert.NotNull(mesh.Colors);
        for (var i = 0; i < mesh.Positions.Length; i += 3)
        {
            Assert.Equal(mesh.Positions[i], mesh.Colors![i]);
            Assert.Equal(mesh.Positions[i + 1] * 2, mesh.Colors[i + 1]);
            Assert.Equal(-mesh.Positions[i + 2], mesh.Colors[i + 2]);
        }
    }

    [Fact]
    public void EmptyAndTinyGridsGiveEmptyMeshes()
    {
        Assert.Equal(0, MarchingCubes.Extract(new float[27], Grid(3, 3, 3), 0f).TriangleCount);
        Assert.Equal(0, MarchingCubes.Extract([1f], Grid(1, 1, 1), 0f).TriangleCount);
    }

    [Theory]
    [InlineData(0, 2, 2, 0.1f, 0)]
    [InlineData(2, 2, 2, 0f, 8)]
    [InlineData(2, 2, 2, float.NaN, 8)]
    [InlineData(2, 2, 2, 0.1f, 7)]
    public void MalformedGridsAreRejected(int nx, int ny, int nz, float voxel, int samples) =>
        Assert.Throws<ArgumentException>(() => MarchingCubes.Extract(new float[samples], new VoxelGrid(nx, ny, nz, Vector3.Zero, voxel), 0f));
}
