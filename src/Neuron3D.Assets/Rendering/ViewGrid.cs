using System.Numerics;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Rendering;

/// <summary>Lays several renders out on one canvas (previews such as SN17's 2×2 grid).</summary>
public static class ViewGrid
{
    /// <summary>The SN17 grid preview's views: validation renders 1, 5, 9 and 13 (spec §3.5).</summary>
    public static IReadOnlyList<int> Sn17PreviewViews { get; } = [1, 5, 9, 13];

    /// <summary>Gap between grid cells in the SN17 preview, pixels.</summary>
    public const int Sn17Gap = 5;

    /// <summary>
    /// Places <paramref name="views"/> row by row, <paramref name="columns"/> per row, separated by <paramref name="gap"/>
    /// pixels of <paramref name="background"/>. Cells take the size of the largest view; smaller views sit at their top-left.
    /// </summary>
    public static RenderImage Compose(IReadOnlyList<RenderImage> views, int columns, int gap, Vector3 background)
    {
        ArgumentNullException.ThrowIfNull(views);
        if (views.Count == 0) throw new ArgumentException("at least one view is needed", nameof(views));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        int cellW = 0, cellH = 0;
        foreach (var v in views)
        {
            cellW = Math.Max(cellW, v.Width);
            cellH = Math.Max(cellH, v.Height);
        }
        var rows = (views.Count + columns - 1) / columns;
        var usedColumns = Math.Min(columns, views.Count);
        var canvas = new RenderImage(usedColumns * cellW + (usedColumns - 1) * gap, rows * cellH + (rows - 1) * gap, background);
        for (var i = 0; i < views.Count; i++)
        {
            var v = views[i];
            int left = i % columns * (cellW + gap), top = i / columns * (cellH + gap);
            for (var y = 0; y < v.Height; y++)
            {
                Array.Copy(v.Rgb, 3 * y * v.Width, canvas.Rgb, 3 * ((top + y) * canvas.Width + left), 3 * v.Width);
                Array.Copy(v.Coverage, y * v.Width, canvas.Coverage, (top + y) * canvas.Width + left, v.Width);
            }
        }
        return canvas;
    }

    /// <summary>
    /// The SN17 validator's 2×2 grid preview (spec §3.5): renders 1, 5, 9, 13 of the 16 validation views of the
    /// validator-normalised cloud, <paramref name="size"/> pixels each (SN17: 518), on black with a 5-pixel gap
    /// (1041×1041 at 518).
    /// </summary>
    public static RenderImage Sn17Preview(SplatCloud cloud, int size = OrbitCamera.Sn17ImageSize, SplatRenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var normalized = SplatTransforms.NormalizeLikeValidator(cloud);
        var cameras = new OrbitCamera[Sn17PreviewViews.Count];
        for (var i = 0; i < cameras.Length; i++) cameras[i] = OrbitCamera.Sn17View(Sn17PreviewViews[i], size);
        return Compose(SplatRenderer.RenderViews(normalized, cameras, options, cancellationToken), 2, Sn17Gap, Vector3.Zero);
    }
}
