using CsCheck;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Splats;
using Neuron3D.Subnet17.Demo;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Cli.Tests;

/// <summary>The demo's pieces that need no chain: the miners' generators and the option checks.</summary>
public sealed class DemoPartsTests
{
    private static SplatCloud Cloud(int count, int degree)
    {
        var cloud = new SplatCloud(count, degree);
        // Every value encodes its splat index, so a kept splat can be traced back to its source.
        for (var i = 0; i < count; i++)
        {
            cloud.Positions.AsSpan(3 * i, 3).Fill(i);
            cloud.LogScales.AsSpan(3 * i, 3).Fill(i + 0.25f);
            cloud.Rotations.AsSpan(4 * i, 4).Fill(i + 0.5f);
            cloud.OpacityLogits[i] = i + 0.75f;
            cloud.ShDc.AsSpan(3 * i, 3).Fill(-i);
            var rest = SplatCloud.ShRestCoefficientsPerSplat(degree) * 3;
            cloud.ShRest.AsSpan(rest * i, rest).Fill(-i - 0.5f);
        }
        return cloud;
    }

    [Fact]
    public void Thinning_keeps_whole_evenly_spread_splats_within_the_budget()
    {
        Gen.Select(Gen.Int[1, 3000], Gen.Int[1, 3000], Gen.Int[0, 3]).Sample((count, budget, degree) =>
        {
            var source = Cloud(count, degree);
            var thin = SplatBudgetGenerator.Thin(source, budget);
            Assert.Equal(Math.Min(count, budget), thin.Count);
            Assert.Equal(degree, thin.ShDegree);
            var rest = SplatCloud.ShRestCoefficientsPerSplat(degree) * 3;
            var previous = -1f;
            for (var i = 0; i < thin.Count; i++)
            {
                var from = thin.Positions[3 * i];
                Assert.True(from > previous, "kept in order, no splat twice");
                previous = from;
                Assert.Equal(from + 0.25f, thin.LogScales[3 * i + 2]);
                Assert.Equal(from + 0.5f, thin.Rotations[4 * i + 3]);
                Assert.Equal(from + 0.75f, thin.OpacityLogits[i]);
                Assert.Equal(-from, thin.ShDc[3 * i + 1]);
                if (rest > 0) Assert.Equal(-from - 0.5f, thin.ShRest[rest * i + rest - 1]);
            }
            // Spread over the whole cloud, not just its head.
            if (count > budget && budget > 1) Assert.True(thin.Positions[3 * (thin.Count - 1)] >= count - 2.0 * count / budget);
        }, iter: 200);
    }

    [Fact]
    public async Task The_under_budget_generator_fails_the_validators_splat_gate()
    {
        var generator = new SplatBudgetGenerator(new FixedGenerator(Cloud(20_000, 0)), 2000);
        var cloud = await generator.GenerateAsync(Sn17Task.NewText("a red chair"), CancellationToken.None);
        Assert.Equal(2000, cloud.Count);
        Assert.Contains(CheckRule.MinimumSplatCount, SplatChecks.Check(cloud, SplatCheckOptions.Default).FailedRules);
        Assert.Contains("budget 2000", generator.Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplatBudgetGenerator(new FixedGenerator(Cloud(1, 0)), 0));
    }

    [Fact]
    public void The_declining_generator_supports_no_task()
    {
        var generator = new DecliningGenerator();
        Assert.False(generator.Supports(TaskKind.Text));
        Assert.False(generator.Supports(TaskKind.Image));
    }

    public static TheoryData<string, Func<LocalSubnetDemoOptions, LocalSubnetDemoOptions>> BadSettings => new()
    {
        { "tempo", o => o with { Tempo = 0 } },
        { "epochs", o => o with { Epochs = 0 } },
        { "stake", o => o with { StakeTao = double.NaN } },
        { "funding", o => o with { FundTao = 0 } },
        { "127.0.0.1", o => o with { AxonIp = "127.0.0.1" } },
        { "IPv4", o => o with { AxonIp = "::2" } },
        { "axon port", o => o with { AxonPort = 65536 } },
        { "cooldown", o => o with { TaskCooldown = TimeSpan.FromSeconds(1) } },
        { "first-result", o => o with { FirstResultTimeout = TimeSpan.Zero } },
        { "interval", o => o with { EpochInterval = TimeSpan.FromSeconds(-1) } },
        { "below SN17's gate", o => o with { UnderBudgetSplats = 7000 } },
        { "previews", o => o with { PreviewsPerMiner = -1 } },
        { "preview size", o => o with { PreviewSize = 8 } },
        { "folder", o => o with { Folder = " " } },
    };

    [Theory, MemberData(nameof(BadSettings))]
    public void Unusable_settings_are_refused_by_name(string named, Func<LocalSubnetDemoOptions, LocalSubnetDemoOptions> spoil)
    {
        var good = new LocalSubnetDemoOptions { Folder = Path.Combine(Path.GetTempPath(), "neuron3d-demo-" + Guid.NewGuid().ToString("N")) };
        good.Validate();
        var e = Assert.Throws<DemoOptionsException>(() => new LocalSubnetDemo(spoil(good)));
        Assert.Contains(named, e.Message);
    }

    private sealed class FixedGenerator(SplatCloud cloud) : IMinerGenerator
    {
        public string Name => "fixed";
        public bool Supports(TaskKind kind) => true;
        public Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken) => Task.FromResult(cloud);
    }
}
