using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Rendering;

namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>
/// Builds the judge's picture of a model when the scorer sent none (the structural scorer never does): SN17's 2×2 grid
/// preview — validation views 1, 5, 9, 13 on black with a 5-pixel gap — rendered on the CPU from the miner's SPZ.
/// </summary>
public static class DuelPreview
{
    /// <summary>Decodes <paramref name="spz"/> under <paramref name="limits"/> and renders the grid as a PNG.</summary>
    /// <param name="viewSize">Pixels per view; the grid is 2·size + 5 pixels square (SN17: 518 → 1041).</param>
    /// <exception cref="Neuron3D.Assets.Formats.AssetFormatException">The SPZ is unreadable or over the limits.</exception>
    public static byte[] RenderGridPng(ReadOnlySpan<byte> spz, int viewSize, SpzReadOptions limits, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(viewSize, 8);
        var cloud = SpzCodec.Decode(spz, limits);
        return ViewGrid.Sn17Preview(cloud, viewSize, cancellationToken: cancellationToken).ToPng();
    }

    /// <summary>Width and height in pixels of a grid of <paramref name="viewSize"/>-pixel views.</summary>
    public static int GridSize(int viewSize) => 2 * viewSize + ViewGrid.Sn17Gap;
}
