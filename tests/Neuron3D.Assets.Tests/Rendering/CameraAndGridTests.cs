using System.Numerics;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Rendering;
using Neuron3D.Testing;

namespace Neuron3D.Assets.Tests.Rendering;

public class CameraAndGridTests
{
    [Fact]
    public void Sn17ViewsFollowTheValidatorRig()
    {
        // Spec §3.5: azimuths linspace(0, 360, 16), elevation −15°, radius 2.5, position (r·cos e·sin a, −r·sin e, r·cos e·cos a).
        for (var i = 0; i < 16; i++)
        {
            var camera = OrbitCamera.Sn17View(i);
            double a = i * 24.0 * Math.PI / 180, e = -15.0 * Math.PI / 180;
            var expected = new Vector3((float)(2.5 * Math.Cos(e) * Math.Sin(a)), (float)(-2.5 * Math.Sin(e)), (float)(2.5 * Math.Cos(e) * Math.Cos(a)));
            Assert.True(Vector3.Distance(expected, camera.Position) < 1e-5f, $"view {i}: {camera.Position} vs {expected}");
            Assert.Equal((518, 518, 49.1f), (camera.Width, camera.Height, camera.FovYDegrees));
        }
        Assert.Equal(518 / (2 * MathF.Tan(24.55f * MathF.PI / 180)), OrbitCamera.Sn17View(0).FocalPixels, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => OrbitCamera.Sn17View(16));
    }

    [Fact]
    public void PlusYRendersUpAndPlusXRightAtYawZero()
    {
        var camera = new OrbitCamera(0, 0, 2f, 60f, 100, 80);
        Assert.Equal((50f, 40f), (camera.Project(Vector3.Zero).X, camera.Project(Vector3.Zero).Y));
        Assert.True(camera.Project(Vector3.UnitY * 0.1f).Y < 40);
        Assert.True(camera.Project(Vector3.UnitX * 0.1f).X > 50);
        Assert.Equal(2f, camera.Project(Vector3.Zero).Depth, 5);
        // Yaw 90 looks from +X: +Z then appears on the left.
        Assert.True((camera with { YawDegrees = 90 }).Project(Vector3.UnitZ * 0.1f).X < 50);
        // Positive pitch lifts the camera: it looks down, so the target's top is seen.
        Assert.True((camera with { PitchDegrees = 30 }).Position.Y > 0);
    }

    [Theory]
    [InlineData(0, 10, 2f, 50f)]
    [InlineData(10, 10, 0f, 50f)]
    [InlineData(10, 10, 2f, 180f)]
    [InlineData(10, 10, 2f, float.NaN)]
    public void InvalidCamerasAreRejected(int width, int height, float distance, float fov) =>
        Assert.Throws<ArgumentException>(() => new OrbitCamera(0, 0, distance, fov, width, height).Validate());

    [Fact]
    public void PoleNaNAnglesAndNonFiniteTargetsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new OrbitCamera(0, 90, 2, 50, 10, 10).Validate());
        Assert.Throws<ArgumentException>(() => new OrbitCamera(float.NaN, 0, 2, 50, 10, 10).Validate());
        Assert.Throws<ArgumentException>(() => new OrbitCamera(0, float.NaN, 2, 50, 10, 10).Validate());
        Assert.Throws<ArgumentException>(() => (new OrbitCamera(0, 0, 2, 50, 10, 10) with { Target = new Vector3(float.NaN) }).Validate());
        Assert.Throws<ArgumentException>(() => (new OrbitCamera(0, 0, 2, 50, 10, 10) with { Near = 5, Far = 1 }).Validate());
    }

    [Fact]
    public void GridPlacesViewsWithGaps()
    {
        var views = new[] { new Vector3(1, 0, 0), new(0, 1, 0), new(0, 0, 1), new(1, 1, 0) }
            .Select(c => new RenderImage(518, 518, c)).ToArray();
        var grid = ViewGrid.Compose(views, 2, ViewGrid.Sn17Gap, Vector3.Zero);
        Assert.Equal((1041, 1041), (grid.Width, grid.Height));
        Assert.Equal(new Vector3(1, 0, 0), grid[0, 0]);
        Assert.Equal(new Vector3(0, 1, 0), grid[523, 0]);
        Assert.Equal(new Vector3(0, 0, 1), grid[0, 523]);
        Assert.Equal(new Vector3(1, 1, 0), grid[1040, 1040]);
        Assert.Equal(Vector3.Zero, grid[520, 100]); // the gap
        Assert.Equal(Vector3.Zero, grid[100, 520]);

        var row = ViewGrid.Compose(views[..3], 4, 2, Vector3.One);
        Assert.Equal((3 * 518 + 2 * 2, 518), (row.Width, row.Height));
        Assert.Throws<ArgumentException>(() => ViewGrid.Compose([], 2, 0, Vector3.Zero));
    }

    [Fact]
    public void PngRoundTripKeepsEightBitColours()
    {
        var image = new RenderImage(7, 5);
        for (var i = 0; i < image.Rgb.Length; i++) image.Rgb[i] = i % 11 / 10f;
        image.Rgb[0] = 1.7f; // clipped
        image.Rgb[1] = -0.2f;
        var png = image.ToPng();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var decoded = RenderImage.FromPng(png);
        Assert.Equal((7, 5), (decoded.Width, decoded.Height));
        for (var i = 2; i < image.Rgb.Length; i++)
            Assert.Equal((int)(image.Rgb[i] * 255), (int)MathF.Round(decoded.Rgb[i] * 255));
        Assert.Equal((1f, 0f), (decoded.Rgb[0], decoded.Rgb[1]));
        Assert.Throws<ArgumentException>(() => RenderImage.FromPng([1, 2, 3, 4]));
    }

    [Fact]
    public void RobocopGridPreviewHasTheRobotInEveryCell()
    {
        var cloud = SpzCodec.Decode(File.ReadAllBytes(RepoPaths.SharedFile("fixtures", "sn17", "robocop_with_hammer_in_one_hand.spz")));
        var grid = ViewGrid.Sn17Preview(cloud, 259);
        Assert.Equal((2 * 259 + 5, 2 * 259 + 5), (grid.Width, grid.Height));
        foreach (var (left, top) in new[] { (0, 0), (264, 0), (0, 264), (264, 264) })
        {
            var covered = 0;
            for (var y = top; y < top + 259; y++)
                for (var x = left; x < left + 259; x++)
                    if (grid.Coverage[y * grid.Width + x] > 0.5f) covered++;
            // The normalised robot (height 1.5 at distance 2.5) fills a sizeable but partial share of each view.
            Assert.InRange(covered / (259.0 * 259.0), 0.05, 0.5);
        }
    }
}
