using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>
/// Comparisons of splat clouds: exact (lossless formats) and within SPZ's quantisation error, each bound derived
/// from the attribute's quantisation step (half a step, plus float32 rounding):
/// positions 2^−(bits+1); colours (DC) 0.5/38.25 inside the representable ±3.33 (clamped outside); log-scales 1/32
/// inside −10…5.94 (clamped outside); opacity after sigmoid 0.5/255; rotation x y z of the unit quaternion with
/// w ≥ 0: 0.5/127.5 (v2 "first three"), or for v3+ "smallest three" 3·sqrt(½)·0.5/511 on all four components;
/// SH (1 + bucket)/2/128: (0.5 + 4)/128 for the 9 degree-1 values, (0.5 + 8)/128 for the rest, inside −1…1.
/// </summary>
internal static class SplatAssert
{
    private const float Rounding = 2e-6f;

    public static void Equal(SplatCloud expected, SplatCloud actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ShDegree, actual.ShDegree);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.LogScales, actual.LogScales);
        Assert.Equal(expected.Rotations, actual.Rotations);
        Assert.Equal(expected.OpacityLogits, actual.OpacityLogits);
        Assert.Equal(expected.ShDc, actual.ShDc);
        Assert.Equal(expected.ShRest, actual.ShRest);
    }

    public static void WithinSpzBounds(SplatCloud expected, SplatCloud actual, int fractionalBits, bool smallestThree = false)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ShDegree, actual.ShDegree);
        var positionBound = MathF.ScaleB(0.5f, -fractionalBits);
        for (var k = 0; k < expected.Positions.Length; k++)
            Near(expected.Positions[k], actual.Positions[k], positionBound + MathF.Abs(expected.Positions[k]) * 1.2e-7f, "position", k / 3);
        for (var k = 0; k < expected.ShDc.Length; k++)
            Near(Math.Clamp(expected.ShDc[k], -127.5f / 38.25f, 127.5f / 38.25f), actual.ShDc[k], 0.5f / 38.25f + Rounding, "colour", k / 3);
        for (var k = 0; k < expected.LogScales.Length; k++)
            Near(Math.Clamp(expected.LogScales[k], -10f, 5.9375f), actual.LogScales[k], 1 / 32f + Rounding, "log-scale", k / 3);
        for (var i = 0; i < expected.Count; i++)
            Near(Sigmoid(expected.OpacityLogits[i]), Sigmoid(actual.OpacityLogits[i]), 0.5f / 255 + Rounding, "opacity", i);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = Canonical(expected.Rotations.AsSpan(4 * i, 4));
            // The decoder's quaternion is used as is: with w ≈ 0 its quantised x y z may have a norm just above 1.
            var a = actual.Rotations.AsSpan(4 * i, 4);
            if (smallestThree)
            {
                // Smallest-three makes the largest component positive, not w: compare up to the sign of the whole quaternion.
                var dot = e[0] * a[0] + e[1] * a[1] + e[2] * a[2] + e[3] * a[3];
                if (dot < 0) e = [-e[0], -e[1], -e[2], -e[3]];
                // Stored components are off by at most δ = sqrt(½)·0.5/511; the derived largest (≥ ½) by at most
                // δ·Σ|others|/largest ≤ 3δ to first order.
                for (var c = 0; c < 4; c++) Near(e[c], a[c], 3 * 0.70710678f * 0.5f / 511 + 1e-5f, "rotation", i);
            }
            else
            {
                for (var c = 1; c < 4; c++) Near(e[c], a[c], 0.5f / 127.5f + Rounding, "rotation", i);
            }
        }
        for (var k = 0; k < expected.ShRest.Length; k++)
        {
            var indexInSplat = k % (3 * SplatCloud.ShRestCoefficientsPerSplat(expected.ShDegree));
            var bucket = indexInSplat < 9 ? 8 : 16;
            Near(Math.Clamp(expected.ShRest[k], -1f, 1f), actual.ShRest[k], (0.5f + bucket / 2f) / 128f + Rounding, "SH", k);
        }
    }

    private static float Sigmoid(float logit) => 1f / (1f + MathF.Exp(-logit));

    /// <summary>Unit quaternion w x y z with w ≥ 0 (q and −q are the same rotation).</summary>
    private static float[] Canonical(ReadOnlySpan<float> wxyz)
    {
        var norm = MathF.Sqrt(wxyz[0] * wxyz[0] + wxyz[1] * wxyz[1] + wxyz[2] * wxyz[2] + wxyz[3] * wxyz[3]);
        var sign = wxyz[0] < 0 ? -1f : 1f;
        return [sign * wxyz[0] / norm, sign * wxyz[1] / norm, sign * wxyz[2] / norm, sign * wxyz[3] / norm];
    }

    private static void Near(float expected, float actual, float bound, string attribute, int splat)
    {
        if (!(MathF.Abs(expected - actual) <= bound))
            Assert.Fail($"{attribute} of splat {splat}: expected {expected} ± {bound}, got {actual}");
    }
}
