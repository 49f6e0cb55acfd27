using CsCheck;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Geometry;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Splats;
using Neuron3D.Testing;

namespace Neuron3D.Assets.Tests.Geometry;

public class SplatSurfaceTests
{
    private static readonly MeshCheckOptions AnyBounds = new() { BoundsHalfExtent = null, MaxVertices = null };

    private static SplatCloud Ball(int count, float radius, int seed)
    {
        var random = new Random(seed);
        var cloud = new SplatCloud(count, 0);
        for (var i = 0; i < count; i++)
        {
            float x, y, z;
            do
            {
                x = (float)(random.NextDouble() * 2 - 1);
                y = (float)(random.NextDouble() * 2 - 1);
                z = (float)(random.NextDouble() * 2 - 1);
            } while (x * x + y * y + z * z > 1);
            cloud.Positions[3 * i] = x * radius;
            cloud.Positions[3 * i + 1] = y * radius;
            cloud.Positions[3 * i + 2] = z * radius;
            for (var a = 0; a < 3; a++) cloud.LogScales[3 * i + a] = MathF.Log(0.01f);
            cloud.Rotations[4 * i] = 1;
            cloud.OpacityLogits[i] = 4;
        }
        return cloud;
    }

    [Fact]
    public void A_ball_of_splats_becomes_a_closed_sphere_of_the_right_size()
    {
        var mesh = SplatSurface.Extract(Ball(30_000, 0.4f, 1));
        var report = MeshChecks.Check(mesh, AnyBounds);
        Assert.True(report.Passed, report.ToString());
        var area = MeshMeasures.SurfaceArea(mesh);
        var expected = 4 * Math.PI * 0.4 * 0.4;
        Assert.InRange(area / expected, 0.85, 1.25);
        Assert.InRange(MeshMeasures.SignedVolume(mesh), 0, double.MaxValue);
    }

    [Fact]
    public void Transparent_or_empty_clouds_give_an_empty_mesh()
    {
        var haze = Ball(1000, 0.4f, 2);
        Array.Fill(haze.OpacityLogits, -8f);
        Assert.Equal(0, SplatSurface.Extract(haze).TriangleCount);
        Assert.Equal(0, SplatSurface.Extract(new SplatCloud(0, 0)).TriangleCount);
    }

    [Fact]
    public void The_real_sn17_robocop_asset_gives_a_closed_mesh_of_moderate_size()
    {
        var cloud = SpzCodec.Decode(File.ReadAllBytes(RepoPaths.SharedFile("fixtures", "sn17", "robocop_with_hammer_in_one_hand.spz")));
        var mesh = SplatSurface.Extract(cloud);
        var report = MeshChecks.Check(mesh, AnyBounds);
        Assert.True(report.Passed, report.ToString());
        Assert.InRange(mesh.TriangleCount, 1_000, 200_000);
    }

    [Fact]
    public void Random_clouds_always_give_watertight_manifold_surfaces() =>
        Gen.Select(Gen.Int[1, 400], Gen.Int[8, 40], Gen.Int[0, int.MaxValue]).Sample((count, resolution, seed) =>
        {
            var random = new Random(seed);
            var cloud = new SplatCloud(count, 0);
            for (var i = 0; i < count; i++)
            {
                for (var a = 0; a < 3; a++)
                {
                    cloud.Positions[3 * i + a] = (float)(random.NextDouble() - 0.5);
                    cloud.LogScales[3 * i + a] = (float)(random.NextDouble() * 4 - 6);
                }
                cloud.Rotations[4 * i] = 1;
                cloud.OpacityLogits[i] = (float)(random.NextDouble() * 8 - 4);
            }
            var mesh = SplatSurface.Extract(cloud, new SplatSurfaceOptions { Resolution = resolution });
            var report = MeshChecks.Check(mesh, AnyBounds);
            Assert.True(report.Passed, report.ToString());
        }, iter: 60);

    [Fact]
    public void Bad_resolution_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SplatSurface.Extract(Ball(10, 0.1f, 3), new SplatSurfaceOptions { Resolution = 2 }));
}
