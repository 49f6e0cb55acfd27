using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Checks;

/// <summary>
/// The SN17 sanity gates for a Gaussian splat cloud (spec §3.5 step 3 and §6), plus count caps, NaN/∞ and optional bounds.
/// The validator's scale check is not reproduced: spec §3.5 documents it as dead code (it can never reject), and its VRAM
/// estimate practically always passes.
/// </summary>
public static class SplatChecks
{
    /// <summary>Checks <paramref name="cloud"/> against every gate; never throws for odd values.</summary>
    public static CheckReport Check(SplatCloud cloud, SplatCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        options ??= SplatCheckOptions.Default;
        var report = new CheckReportBuilder("splats", options.MaxListedPerRule);
        var n = cloud.Count;

        report.Close(CheckRule.MinimumSplatCount, n >= options.MinSplats, n, options.MinSplats,
            $"{n} splats (minimum {options.MinSplats})");
        report.Close(CheckRule.MaximumSplatCount, n <= options.MaxSplats, n, options.MaxSplats,
            $"{n} splats (maximum {options.MaxSplats})");

        CheckFinite(cloud, report);
        CheckRotations(cloud, report);
        CheckTransparency(cloud, options, report);
        CheckCentreMarker(cloud, options, report);
        if (options.BoundsHalfExtent is { } half) CheckBounds(cloud, half, report);
        return report.Build();
    }

    private static void CheckFinite(SplatCloud cloud, CheckReportBuilder report)
    {
        var shRest = SplatCloud.ShRestCoefficientsPerSplat(cloud.ShDegree) * 3;
        for (var i = 0; i < cloud.Count; i++)
        {
            var what =
                !AllFinite(cloud.Positions.AsSpan(3 * i, 3)) ? "position" :
                !AllFinite(cloud.LogScales.AsSpan(3 * i, 3)) ? "log-scale" :
                !AllFinite(cloud.Rotations.AsSpan(4 * i, 4)) ? "rotation" :
                !AllFinite(cloud.ShDc.AsSpan(3 * i, 3)) ? "colour (f_dc)" :
                !AllFinite(cloud.ShRest.AsSpan(shRest * i, shRest)) ? "SH coefficient (f_rest)" :
                float.IsNaN(cloud.OpacityLogits[i]) ? "opacity" : null; // ±∞ logits are legal (SPZ alpha 0 and 255)
            if (what is not null)
                report.Violation(CheckRule.FiniteValues, CheckElement.Splat, i, -1, (i, what), s => $"splat {s.i} has a NaN or infinite {s.what}");
        }
        report.Close(CheckRule.FiniteValues, "no NaN or infinite values (±∞ opacity logits allowed)", "splats with NaN or infinite values");
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
            if (!float.IsFinite(v)) return false;
        return true;
    }

    private static void CheckRotations(SplatCloud cloud, CheckReportBuilder report)
    {
        var allIdentity = cloud.Count > 0;
        for (var i = 0; i < cloud.Count; i++)
        {
            if (cloud.Rotation(i) is not { } q)
            {
                allIdentity = false;
                report.Violation(CheckRule.NormalisableRotations, CheckElement.Splat, i, -1, i,
                    s => $"splat {s} has a zero-length or non-finite quaternion");
                continue;
            }
            if (q.W != 1f || q.X != 0f || q.Y != 0f || q.Z != 0f) allIdentity = false;
        }
        report.Close(CheckRule.NormalisableRotations, "every quaternion normalises", "splats whose quaternion cannot be normalised");
        report.Close(CheckRule.IdentityRotations, !allIdentity, allIdentity ? 1 : 0, null,
            allIdentity ? "every rotation is the identity (1, 0, 0, 0): the validator scores this 0" : "rotations vary");
    }

    private static void CheckTransparency(SplatCloud cloud, SplatCheckOptions options, CheckReportBuilder report)
    {
        var transparent = 0L;
        foreach (var logit in cloud.OpacityLogits)
            if (SplatMath.Sigmoid(logit) < options.TransparentOpacity) transparent++;
        var share = cloud.Count == 0 ? 0 : (double)transparent / cloud.Count;
        report.Close(CheckRule.TransparentShare, share <= options.MaxTransparentShare, share, options.MaxTransparentShare,
            $"{share:P1} of splats have opacity below {options.TransparentOpacity} (limit {options.MaxTransparentShare:P0})");
    }

    private static void CheckCentreMarker(SplatCloud cloud, SplatCheckOptions options, CheckReportBuilder report)
    {
        for (var i = 0; i < Math.Min(cloud.Count, options.CentreMarkerRows); i++)
            if (cloud.Positions[3 * i] == 1f && cloud.Positions[3 * i + 1] == 1f && cloud.Positions[3 * i + 2] == 1f)
                report.Violation(CheckRule.CentreMarker, CheckElement.Splat, i, -1, i, s => $"splat {s} is centred exactly at (1, 1, 1)");
        report.Close(CheckRule.CentreMarker, $"none of the first {options.CentreMarkerRows} centres is (1, 1, 1)", "leading splats centred at (1, 1, 1)");
    }

    private static void CheckBounds(SplatCloud cloud, float half, CheckReportBuilder report)
    {
        var largest = 0f;
        for (var i = 0; i < cloud.Count; i++)
        {
            var m = MathF.Max(MathF.Abs(cloud.Positions[3 * i]), MathF.Max(MathF.Abs(cloud.Positions[3 * i + 1]), MathF.Abs(cloud.Positions[3 * i + 2])));
            if (!float.IsFinite(m)) continue;
            largest = MathF.Max(largest, m);
            if (m > half)
                report.Violation(CheckRule.Bounds, CheckElement.Splat, i, -1, (i, half), s => $"splat {s.i} lies outside [−{s.half}, {s.half}]³");
        }
        var outside = report.Count(CheckRule.Bounds);
        report.Close(CheckRule.Bounds, outside == 0, largest, half,
            outside == 0 ? $"inside [−{half}, {half}]³ (largest |coordinate| {largest})" : $"{outside} splats outside [−{half}, {half}]³");
    }
}
