using System.Numerics;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Assets.Rendering;
using Neuron3D.Testing;
using Xunit.Abstractions;

namespace Neuron3D.Assets.Tests.Rendering;

public class FixtureRenderTests(ITestOutputHelper output)
{
    [Fact]
    public void HamburgerRendersLikeTheUpstreamReference()
    {
        var cloud = PlySplatReader.Read(File.ReadAllBytes(RepoPaths.SharedFile("fixtures", "sn17", "hamburger.ply")));
        var reference = RenderImage.FromPng(File.ReadAllBytes(RepoPaths.SharedFile("fixtures", "sn17", "hamburger_reference_render.png")));
        // The reference came from the older validator test: OrbitCamera(1080, 1080, fov_y=49.1), orbit(elevation 0,
        // azimuth 45, radius 3), no normalisation, white background.
        var camera = new OrbitCamera(45, 0, 3f, 49.1f, reference.Width, reference.Height);
        var image = SplatRenderer.Render(cloud, camera);
        if (Environment.GetEnvironmentVariable("NEURON3D_RENDER_DUMP") is { Length: > 0 } dump)
            File.WriteAllBytes(Path.Combine(dump, "hamburger.png"), image.ToPng());

        var ours = ImageMetrics.Silhouette(image, Vector3.One);
        var theirs = ImageMetrics.Silhouette(reference, Vector3.One);
        var iou = ImageMetrics.IntersectionOverUnion(ours, theirs);
        var meanOurs = ImageMetrics.MeanColor(image, ours);
        var meanTheirs = ImageMetrics.MeanColor(reference, theirs);
        output.WriteLine($"IoU {iou:F3}, mean colour ours {meanOurs}, reference {meanTheirs}, bbox ours {ImageMetrics.BoundingBox(ours, image.Width)} theirs {ImageMetrics.BoundingBox(theirs, image.Width)}");
        Assert.True(iou > 0.85, $"silhouette IoU {iou:F3}");
        Assert.True(Vector3.Distance(meanOurs, meanTheirs) < 0.03f, $"mean colour {meanOurs} vs {meanTheirs}");
    }
}
