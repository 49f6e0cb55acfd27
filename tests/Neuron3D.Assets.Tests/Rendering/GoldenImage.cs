using System.Numerics;
using Neuron3D.Assets.Rendering;
using Neuron3D.Testing;

namespace Neuron3D.Assets.Tests.Rendering;

/// <summary>
/// Golden-image comparison with tolerances (silhouette IoU against the background and mean foreground colour), never
/// pixel equality. Set NEURON3D_REGENERATE_GOLDEN=1 to rewrite the PNGs in Rendering/Golden instead of comparing.
/// </summary>
internal static class GoldenImage
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Neuron3D.Assets.Tests", "Rendering", "Golden");

    public static void AssertMatches(RenderImage actual, string name, Vector3 background, double minIoU = 0.97, float maxColorDistance = 0.02f)
    {
        var path = Path.Combine(Folder, name + ".png");
        if (Environment.GetEnvironmentVariable("NEURON3D_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, actual.ToPng());
            return;
        }
        Assert.True(File.Exists(path), $"golden image {path} is missing; regenerate with NEURON3D_REGENERATE_GOLDEN=1");
        var golden = RenderImage.FromPng(File.ReadAllBytes(path));
        Assert.Equal((golden.Width, golden.Height), (actual.Width, actual.Height));
        var ours = ImageMetrics.Silhouette(actual, background);
        var theirs = ImageMetrics.Silhouette(golden, background);
        var iou = ImageMetrics.IntersectionOverUnion(ours, theirs);
        Assert.True(iou >= minIoU, $"{name}: silhouette IoU {iou:F3} < {minIoU}");
        var distance = Vector3.Distance(ImageMetrics.MeanColor(actual, ours), ImageMetrics.MeanColor(golden, theirs));
        Assert.True(distance <= maxColorDistance, $"{name}: mean colour differs by {distance:F3}");
    }
}
