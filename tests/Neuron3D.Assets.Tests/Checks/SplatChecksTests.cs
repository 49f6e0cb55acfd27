using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Tests.Checks;

public class SplatChecksTests
{
    /// <summary>A cloud that passes every SN17 gate: varied rotations, opaque, centres in a cube.</summary>
    private static SplatCloud ValidCloud(int n = 7000)
    {
        var random = new Random(17);
        var cloud = new SplatCloud(n, 1);
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                cloud.Positions[3 * i + k] = (float)random.NextDouble() - 0.5f;
                cloud.LogScales[3 * i + k] = -5;
                cloud.ShDc[3 * i + k] = 0.3f;
            }
            cloud.Rotations[4 * i] = 1;
            cloud.Rotations[4 * i + 1] = (float)random.NextDouble();
            cloud.OpacityLogits[i] = 2;
        }
        return cloud;
    }

    [Fact]
    public void ValidCloudPassesEveryGate()
    {
        var report = SplatChecks.Check(ValidCloud());
        Assert.True(report.Passed, report.ToString());
        Assert.Equal("splats", report.Subject);
    }

    [Fact]
    public void FewerThan7000SplatsFail()
    {
        Assert.Equal([CheckRule.MinimumSplatCount], SplatChecks.Check(ValidCloud(6999)).FailedRules);
        Assert.Equal([CheckRule.MaximumSplatCount], SplatChecks.Check(ValidCloud(), new SplatCheckOptions { MaxSplats = 6999 }).FailedRules);
    }

    [Fact]
    public void DefaultsAreTheSpecGates()
    {
        var d = SplatCheckOptions.Default;
        Assert.Equal((7000, 10_000_000, 0.001f, 0.8, 3), (d.MinSplats, d.MaxSplats, d.TransparentOpacity, d.MaxTransparentShare, d.CentreMarkerRows));
    }

    [Fact]
    public void TransparentShareAbove80PercentFails()
    {
        var cloud = ValidCloud(10_000);
        for (var i = 0; i < 8000; i++) cloud.OpacityLogits[i] = i % 2 == 0 ? float.NegativeInfinity : -7f; // sigmoid(−7) < 0.001
        var atLimit = SplatChecks.Check(cloud);
        Assert.True(atLimit.Passed, atLimit.ToString());
        Assert.Equal(0.8, atLimit.Outcome(CheckRule.TransparentShare)!.Measured);

        cloud.OpacityLogits[8000] = -10f;
        var over = SplatChecks.Check(cloud);
        Assert.Equal([CheckRule.TransparentShare], over.FailedRules);
        Assert.Equal(0.8001, over.Outcome(CheckRule.TransparentShare)!.Measured!.Value, 6);
    }

    [Fact]
    public void AllIdentityRotationsFailAfterNormalisation()
    {
        var cloud = ValidCloud();
        for (var i = 0; i < cloud.Count; i++)
        {
            cloud.Rotations[4 * i] = i % 2 == 0 ? 1 : 3.5f; // (3.5, 0, 0, 0) normalises to the identity too
            cloud.Rotations[4 * i + 1] = 0;
        }
        Assert.Equal([CheckRule.IdentityRotations], SplatChecks.Check(cloud).FailedRules);
        cloud.Rotations[4 * 6999 + 2] = 0.01f;
        Assert.True(SplatChecks.Check(cloud).Passed);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)] // the validator only looks at rows 0..2
    public void CentreAtOneOneOneInTheFirstThreeRowsFails(int row, bool fails)
    {
        var cloud = ValidCloud();
        cloud.Positions[3 * row] = cloud.Positions[3 * row + 1] = cloud.Positions[3 * row + 2] = 1f;
        var report = SplatChecks.Check(cloud);
        Assert.Equal(fails, report.Failed(CheckRule.CentreMarker));
        if (fails) Assert.Equal(row, Assert.Single(report.Violations).Index);
    }

    [Theory]
    [InlineData("position")]
    [InlineData("log-scale")]
    [InlineData("rotation")]
    [InlineData("colour")]
    [InlineData("SH coefficient")]
    [InlineData("opacity")]
    public void NaNAnywhereFailsFiniteValues(string where)
    {
        var cloud = ValidCloud();
        const int i = 123;
        switch (where)
        {
            case "position": cloud.Positions[3 * i + 1] = float.NaN; break;
            case "log-scale": cloud.LogScales[3 * i] = float.PositiveInfinity; break;
            case "rotation": cloud.Rotations[4 * i + 3] = float.NaN; break;
            case "colour": cloud.ShDc[3 * i + 2] = float.NaN; break;
            case "SH coefficient": cloud.ShRest[9 * i + 4] = float.NegativeInfinity; break;
            default: cloud.OpacityLogits[i] = float.NaN; break;
        }
        var report = SplatChecks.Check(cloud);
        Assert.True(report.Failed(CheckRule.FiniteValues));
        var v = report.Violations.First(x => x.Rule == CheckRule.FiniteValues);
        Assert.Equal((CheckElement.Splat, (long)i), (v.Element, v.Index));
        Assert.Contains(where, v.Message);
    }

    [Fact]
    public void InfiniteOpacityLogitsFromSpzAreLegal()
    {
        var cloud = ValidCloud();
        cloud.OpacityLogits[0] = float.PositiveInfinity;
        cloud.OpacityLogits[1] = float.NegativeInfinity;
        Assert.True(SplatChecks.Check(cloud).Passed);
    }

    [Fact]
    public void ZeroQuaternionFailsNormalisableRotations()
    {
        var cloud = ValidCloud();
        cloud.Rotations.AsSpan(4 * 42, 4).Clear();
        var report = SplatChecks.Check(cloud);
        Assert.Equal([CheckRule.NormalisableRotations], report.FailedRules);
        Assert.Equal(42, Assert.Single(report.Violations).Index);
    }

    [Fact]
    public void OptionalBoundsRule()
    {
        var cloud = ValidCloud();
        Assert.Null(SplatChecks.Check(cloud).Outcome(CheckRule.Bounds));
        Assert.True(SplatChecks.Check(cloud, new SplatCheckOptions { BoundsHalfExtent = 0.5f }).Passed);
        cloud.Positions[3 * 9] = 0.75f;
        var report = SplatChecks.Check(cloud, new SplatCheckOptions { BoundsHalfExtent = 0.5f });
        Assert.Equal([CheckRule.Bounds], report.FailedRules);
        Assert.Equal(9, report.Violations[0].Index);
    }
}
