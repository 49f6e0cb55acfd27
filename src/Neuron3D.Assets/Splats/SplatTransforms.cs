using System.Numerics;

namespace Neuron3D.Assets.Splats;

/// <summary>
/// Bounds and normalisation of splat clouds. Normalising never changes axes: SN17 expects +Y up and the front facing +Z
/// (spec §4.1), so a cloud in that orientation stays in it.
/// </summary>
public static class SplatTransforms
{
    /// <summary>Axis-aligned bounds of the splat centres (non-finite centres ignored); (+∞, −∞) when there are none.</summary>
    public static (Vector3 Min, Vector3 Max) Bounds(SplatCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return Meshes.MeshMeasures.PointBounds(cloud.Positions);
    }

    /// <summary>A deep copy of <paramref name="cloud"/>.</summary>
    public static SplatCloud Clone(SplatCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var copy = new SplatCloud(cloud.Count, cloud.ShDegree);
        cloud.Positions.CopyTo(copy.Positions, 0);
        cloud.LogScales.CopyTo(copy.LogScales, 0);
        cloud.Rotations.CopyTo(copy.Rotations, 0);
        cloud.OpacityLogits.CopyTo(copy.OpacityLogits, 0);
        cloud.ShDc.CopyTo(copy.ShDc, 0);
        cloud.ShRest.CopyTo(copy.ShRest, 0);
        return copy;
    }

    /// <summary>
    /// A copy centred on its bounding-box centre and scaled uniformly so the largest extent equals <paramref name="size"/>
    /// (default 1: the cloud fits [−0.5, 0.5]³). Log-scales shift by ln(factor) so splats keep their shape relative to the
    /// cloud. A cloud without extent is only centred.
    /// </summary>
    public static SplatCloud NormalizeToUnitBox(SplatCloud cloud, float size = 1f)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (!(size > 0) || !float.IsFinite(size)) throw new ArgumentOutOfRangeException(nameof(size), size, "size must be positive and finite");
        var (min, max) = Bounds(cloud);
        if (!(min.X <= max.X)) return Clone(cloud);
        var extent = max - min;
        var largest = MathF.Max(extent.X, MathF.Max(extent.Y, extent.Z));
        var factor = largest > 0 ? size / largest : 1f;
        return Transformed(cloud, (min + max) / 2, factor, adjustOpacity: false);
    }

    /// <summary>
    /// The SN17 validator's normalisation before rendering, quirks included (spec §3.5 step 4): factor s = 1.5 / (largest
    /// bounding-box extent); positions become (p − m)·s where m is the <em>scalar</em> mean of all 3N coordinates;
    /// scales multiply by s; opacity becomes clip(opacity / s, 0, 1).
    /// </summary>
    public static SplatCloud NormalizeLikeValidator(SplatCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var (min, max) = Bounds(cloud);
        if (!(min.X <= max.X)) return Clone(cloud);
        var extent = max - min;
        var largest = MathF.Max(extent.X, MathF.Max(extent.Y, extent.Z));
        var factor = largest > 0 ? 1.5f / largest : 1f;
        var sum = 0.0;
        foreach (var v in cloud.Positions) sum += v;
        var mean = (float)(sum / Math.Max(1, cloud.Positions.Length));
        return Transformed(cloud, new Vector3(mean), factor, adjustOpacity: true);
    }

    private static SplatCloud Transformed(SplatCloud cloud, Vector3 centre, float factor, bool adjustOpacity)
    {
        var copy = Clone(cloud);
        var p = copy.Positions;
        for (var i = 0; i < p.Length; i += 3)
        {
            p[i] = (p[i] - centre.X) * factor;
            p[i + 1] = (p[i + 1] - centre.Y) * factor;
            p[i + 2] = (p[i + 2] - centre.Z) * factor;
        }
        var logFactor = MathF.Log(factor);
        var s = copy.LogScales;
        for (var i = 0; i < s.Length; i++) s[i] += logFactor;
        if (adjustOpacity)
        {
            var o = copy.OpacityLogits;
            for (var i = 0; i < o.Length; i++)
                o[i] = SplatMath.Logit(Math.Clamp(SplatMath.Sigmoid(o[i]) / factor, 0f, 1f));
        }
        return copy;
    }
}
