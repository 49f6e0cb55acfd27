using Neuron3D.Assets.Checks;
using Neuron3D.Subnet17.Miner.Generators;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Tests.Miner;

/// <summary>The built-in procedural generator as a miner worker.</summary>
public sealed class BuiltinGeneratorTests
{
    [Fact]
    public async Task Text_prompt_gives_splats_that_pass_the_validators_structural_checks()
    {
        var generator = new BuiltinGenerator();
        var cloud = await generator.GenerateAsync(new Sn17Task("task-7", TaskKind.Text, "a red wooden chair"), CancellationToken.None);
        var report = SplatChecks.Check(cloud);
        Assert.True(report.Passed, string.Join(", ", report.FailedRules));
    }

    [Fact]
    public async Task The_same_task_gives_the_same_asset_and_images_are_not_offered()
    {
        var generator = new BuiltinGenerator();
        var task = new Sn17Task("task-8", TaskKind.Text, "a small blue lamp");
        var first = await generator.GenerateAsync(task, CancellationToken.None);
        var second = await generator.GenerateAsync(task, CancellationToken.None);
        Assert.Equal(first.Positions, second.Positions);
        Assert.False(generator.Supports(TaskKind.Image));
        Assert.True(generator.Supports(TaskKind.Text));
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new BuiltinGenerator().GenerateAsync(new Sn17Task("t", TaskKind.Text, "a house"), cancelled.Token));
    }
}
