using System.Numerics;
using CsCheck;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Tests.Splats;

public class SplatMathTests
{
    [Theory]
    [InlineData(0f, 0.5f)]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(2f, 0.880797f)]
    [InlineData(-6.906755f, 0.001f)] // the validator's transparency threshold
    public void SigmoidMatchesTheLogisticFunction(float logit, float expected) =>
        Assert.Equal(expected, SplatMath.Sigmoid(logit), 5);

    [Fact]
    public void LogitInvertsSigmoid() =>
        Gen.Float[-8f, 8f].Sample(l => Assert.Equal(l, SplatMath.Logit(SplatMath.Sigmoid(l)), 0.01f)); // float32 saturates beyond ±8

    [Theory]
    [InlineData(0f, 0.5f)]
    [InlineData(1.2f, 0.8385137501f)] // spec §4.2 vector's f_dc_1: 0.5 + 0.28209479177387814 · 1.2
    [InlineData(-0.8f, 0.2743241666f)]
    public void ShDcMapsToColourWithC0(float dc, float color)
    {
        Assert.Equal(color, SplatMath.ShDcToColor(dc), 6);
        Assert.Equal(dc, SplatMath.ColorToShDc(color), 5);
    }

    [Fact]
    public void RotationNormalisationFollowsTheValidator()
    {
        Assert.Equal(Quaternion.Identity, SplatMath.NormalizeRotation(2, 0, 0, 0));
        Assert.Null(SplatMath.NormalizeRotation(0, 0, 0, 0));
        Assert.Null(SplatMath.NormalizeRotation(float.NaN, 0, 0, 1));
        var q = SplatMath.NormalizeRotation(1, 1, 1, 1)!.Value;
        Assert.Equal(new Quaternion(0.5f, 0.5f, 0.5f, 0.5f), q);
    }

    private static readonly Gen<(Vector3 Scale, Quaternion Rotation)> ScaleAndRotation =
        from sx in Gen.Float[0.01f, 2f]
        from sy in Gen.Float[0.01f, 2f]
        from sz in Gen.Float[0.01f, 2f]
        from w in Gen.Float[-1f, 1f]
        from x in Gen.Float[-1f, 1f]
        from y in Gen.Float[-1f, 1f]
        from z in Gen.Float[-1f, 1f]
        where w * w + x * x + y * y + z * z > 0.01f
        select (new Vector3(sx, sy, sz), Quaternion.Normalize(new Quaternion(x, y, z, w)));

    [Fact]
    public void CovarianceEqualsRotatedScaledAxesFromSystemNumerics() =>
        ScaleAndRotation.Sample(t =>
        {
            // Oracle: Σ = Σ_k s_k² · a_k a_kᵀ with a_k the rotated unit axes (System.Numerics rotation, independent code).
            var axes = new[] { Vector3.UnitX, Vector3.UnitY, Vector3.UnitZ }.Select(a => Vector3.Transform(a, t.Rotation)).ToArray();
            var s = new[] { t.Scale.X, t.Scale.Y, t.Scale.Z };
            float Entry(Func<Vector3, float> i, Func<Vector3, float> j) => Enumerable.Range(0, 3).Sum(k => s[k] * s[k] * i(axes[k]) * j(axes[k]));
            var c = SplatMath.Covariance(t.Scale, t.Rotation);
            Assert.Equal(Entry(v => v.X, v => v.X), c.Xx, 1e-4f);
            Assert.Equal(Entry(v => v.X, v => v.Y), c.Xy, 1e-4f);
            Assert.Equal(Entry(v => v.X, v => v.Z), c.Xz, 1e-4f);
            Assert.Equal(Entry(v => v.Y, v => v.Y), c.Yy, 1e-4f);
            Assert.Equal(Entry(v => v.Y, v => v.Z), c.Yz, 1e-4f);
            Assert.Equal(Entry(v => v.Z, v => v.Z), c.Zz, 1e-4f);
            var volume = t.Scale.X * t.Scale.Y * t.Scale.Z;
            Assert.Equal(volume * volume, c.Determinant, Math.Max(1e-6f, 1e-3f * volume * volume));
        });

    [Fact]
    public void QuarterTurnAboutZSwapsTheXAndYVariances()
    {
        var q = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, MathF.PI / 2);
        var c = SplatMath.Covariance(new Vector3(3, 1, 2), q);
        Assert.Equal(1f, c.Xx, 5);
        Assert.Equal(9f, c.Yy, 4);
        Assert.Equal(4f, c.Zz, 5);
        Assert.Equal(0f, c.Xy, 5);
    }

    private static SplatCloud Cloud(params (float X, float Y, float Z)[] centres)
    {
        var cloud = new SplatCloud(centres.Length, 0);
        for (var i = 0; i < centres.Length; i++)
        {
            (cloud.Positions[3 * i], cloud.Positions[3 * i + 1], cloud.Positions[3 * i + 2]) = centres[i];
            cloud.Rotations[4 * i] = 1;
            cloud.LogScales[3 * i] = -3;
            cloud.OpacityLogits[i] = 0;
        }
        return cloud;
    }

    [Fact]
    public void ActivationsReadTheStoredParameters()
    {
        var cloud = Cloud((1, 2, 3));
        cloud.ShDc[1] = 1.2f;
        cloud.LogScales[2] = MathF.Log(0.25f);
        Assert.Equal(new Vector3(1, 2, 3), cloud.Position(0));
        Assert.Equal(0.5f, cloud.Opacity(0));
        Assert.Equal(0.25f, cloud.Scale(0).Z, 6);
        Assert.Equal(0.8385137501f, cloud.BaseColor(0).Y, 6);
        Assert.Equal(Quaternion.Identity, cloud.Rotation(0));
    }

    [Fact]
    public void NormalizeToUnitBoxCentresAndScalesUniformly()
    {
        var cloud = Cloud((1, 2, 3), (5, 3, 3), (2, 2, 4));
        var unit = SplatTransforms.NormalizeToUnitBox(cloud);
        var (min, max) = SplatTransforms.Bounds(unit);
        Assert.Equal(new Vector3(-0.5f, -0.125f, -0.125f), min);
        Assert.Equal(new Vector3(0.5f, 0.125f, 0.125f), max);
        Assert.Equal(-3 + MathF.Log(0.25f), unit.LogScales[0], 5); // scales follow the 1/4 factor
        Assert.Equal(1f, cloud.Positions[0]); // the input is untouched
    }

    [Fact]
    public void NormalizeLikeValidatorKeepsItsQuirks()
    {
        // Extent 4 → s = 1.5/4; scalar mean of all 9 coordinates = 25/9 (not the per-axis centre).
        var cloud = Cloud((1, 2, 3), (5, 3, 3), (2, 2, 4));
        cloud.OpacityLogits[0] = SplatMath.Logit(0.3f);
        var v = SplatTransforms.NormalizeLikeValidator(cloud);
        const float s = 1.5f / 4, m = 25f / 9;
        Assert.Equal((1 - m) * s, v.Positions[0], 5);
        Assert.Equal((2 - m) * s, v.Positions[1], 5);
        Assert.Equal(SplatMath.Logit(MathF.Min(1, 0.3f / s)), v.OpacityLogits[0], 4);
        Assert.Equal(float.PositiveInfinity, v.OpacityLogits[1]); // 0.5 / 0.375 clips to 1
    }
}

public class SphericalHarmonicsTests
{
    [Fact]
    public void DegreeZeroIsTheDcColour()
    {
        var cloud = new SplatCloud(1, 0);
        cloud.ShDc[0] = 1.2f;
        Assert.Equal(SplatMath.ShDcToColor(1.2f), SphericalHarmonics.Color(cloud, 0, Vector3.UnitZ).X, 6);
    }

    [Fact]
    public void BandOneFollowsTheLinearBasis()
    {
        // Coefficient 1 of band 1 multiplies +C1·z: seen along +z red rises by C1·c, along −z it falls, sideways unchanged.
        var cloud = new SplatCloud(1, 1);
        cloud.ShRest[3 * 1] = 0.5f; // [coefficient 1][red]
        const float c1 = 0.4886025119029199f;
        Assert.Equal(0.5f + c1 * 0.5f, SphericalHarmonics.Color(cloud, 0, Vector3.UnitZ).X, 6);
        Assert.Equal(0.5f - c1 * 0.5f, SphericalHarmonics.Color(cloud, 0, -Vector3.UnitZ).X, 6);
        Assert.Equal(0.5f, SphericalHarmonics.Color(cloud, 0, Vector3.UnitX).X, 6);
        Assert.Equal(0.5f, SphericalHarmonics.Color(cloud, 0, Vector3.UnitZ).Y, 6);
    }

    [Fact]
    public void HigherBandsAverageToZeroOverTheSphere()
    {
        // Every non-constant real SH basis function integrates to zero: the mean colour over many directions is the DC.
        var cloud = new SplatCloud(1, 3);
        var random = new Random(3);
        for (var k = 0; k < cloud.ShRest.Length; k++) cloud.ShRest[k] = (float)random.NextDouble() - 0.5f;
        var sum = Vector3.Zero;
        const int n = 200_000;
        for (var s = 0; s < n; s++)
        {
            var d = Vector3.Normalize(new Vector3((float)Gaussian(random), (float)Gaussian(random), (float)Gaussian(random)));
            sum += SphericalHarmonics.Color(cloud, 0, d);
        }
        Assert.True(Vector3.Distance(sum / n, new Vector3(0.5f)) < 0.01f, $"{sum / n}");
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
