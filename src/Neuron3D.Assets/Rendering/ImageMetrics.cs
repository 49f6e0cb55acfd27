using System.Numerics;

namespace Neuron3D.Assets.Rendering;

/// <summary>
/// Tolerant image comparisons for renders (silhouette overlap, mean colour), used instead of pixel equality because
/// renderers legitimately differ in filtering and rounding.
/// </summary>
public static class ImageMetrics
{
    /// <summary>
    /// Foreground mask: pixels whose colour differs from <paramref name="background"/> by more than
    /// <paramref name="threshold"/> in any channel (0–1 units). Works for images without coverage, e.g. decoded PNGs.
    /// </summary>
    public static bool[] Silhouette(RenderImage image, Vector3 background, float threshold = 0.08f)
    {
        ArgumentNullException.ThrowIfNull(image);
        var mask = new bool[image.Width * image.Height];
        for (var p = 0; p < mask.Length; p++)
        {
            var d = Vector3.Abs(new Vector3(image.Rgb[3 * p], image.Rgb[3 * p + 1], image.Rgb[3 * p + 2]) - background);
            mask[p] = MathF.Max(d.X, MathF.Max(d.Y, d.Z)) > threshold;
        }
        return mask;
    }

    /// <summary>Intersection over union of two equally sized masks; 1 when both are empty.</summary>
    public static double IntersectionOverUnion(ReadOnlySpan<bool> a, ReadOnlySpan<bool> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"masks differ in size ({a.Length} vs {b.Length} pixels)");
        long both = 0, either = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] && b[i]) both++;
            if (a[i] || b[i]) either++;
        }
        return either == 0 ? 1 : (double)both / either;
    }

    /// <summary>Mean colour of the pixels selected by <paramref name="mask"/> (all pixels when null); zero when none.</summary>
    public static Vector3 MeanColor(RenderImage image, ReadOnlySpan<bool> mask = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        double r = 0, g = 0, b = 0;
        long n = 0;
        for (var p = 0; p < image.Width * image.Height; p++)
        {
            if (!mask.IsEmpty && !mask[p]) continue;
            r += image.Rgb[3 * p];
            g += image.Rgb[3 * p + 1];
            b += image.Rgb[3 * p + 2];
            n++;
        }
        return n == 0 ? Vector3.Zero : new Vector3((float)(r / n), (float)(g / n), (float)(b / n));
    }

    /// <summary>Bounding box (inclusive pixel coordinates) of a mask, or null when it is empty.</summary>
    public static (int X0, int Y0, int X1, int Y1)? BoundingBox(ReadOnlySpan<bool> mask, int width)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (var p = 0; p < mask.Length; p++)
        {
            if (!mask[p]) continue;
            int x = p % width, y = p / width;
            x0 = Math.Min(x0, x);
            x1 = Math.Max(x1, x);
            y0 = Math.Min(y0, y);
            y1 = Math.Max(y1, y);
        }
        return x1 < 0 ? null : (x0, y0, x1, y1);
    }
}
