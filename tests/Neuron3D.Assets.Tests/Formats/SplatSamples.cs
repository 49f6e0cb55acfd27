using CsCheck;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>Random splat clouds for round-trip tests, with values inside every format's representable ranges.</summary>
internal static class SplatSamples
{
    /// <summary>A deterministic cloud of <paramref name="count"/> splats of SH <paramref name="degree"/>.</summary>
    public static SplatCloud Random(int count, int degree, int seed)
    {
        var random = new Random(seed);
        float Uniform(float min, float max) => min + (float)random.NextDouble() * (max - min);
        var cloud = new SplatCloud(count, degree);
        for (var k = 0; k < cloud.Positions.Length; k++) cloud.Positions[k] = Uniform(-1.5f, 1.5f);
        for (var k = 0; k < cloud.LogScales.Length; k++) cloud.LogScales[k] = Uniform(-9f, 0f);
        for (var k = 0; k < cloud.Rotations.Length; k++) cloud.Rotations[k] = Uniform(-1f, 1f);
        for (var k = 0; k < cloud.OpacityLogits.Length; k++) cloud.OpacityLogits[k] = Uniform(-6f, 6f);
        for (var k = 0; k < cloud.ShDc.Length; k++) cloud.ShDc[k] = Uniform(-3f, 3f);
        for (var k = 0; k < cloud.ShRest.Length; k++) cloud.ShRest[k] = Uniform(-0.9f, 0.9f);
        return cloud;
    }

    /// <summary>CsCheck generator of small clouds (0–40 splats, degree 0–3).</summary>
    public static readonly Gen<SplatCloud> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 40], CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int, Random);
}
