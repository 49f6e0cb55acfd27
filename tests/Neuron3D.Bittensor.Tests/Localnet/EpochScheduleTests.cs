using CsCheck;
using Neuron3D.Bittensor.Localnet;

namespace Neuron3D.Bittensor.Tests.Localnet;

/// <summary>The epoch-block formula of ../shared/localchain/README.md; LocalChainTests checks it against the runtime.</summary>
public sealed class EpochScheduleTests
{
    /// <summary>(head, netuid, tempo, next epoch block). The first row was observed on the spec-293 chain (Tempo(1) = 100 at genesis).</summary>
    public static TheoryData<ulong, ushort, ushort, ulong> Vectors => new()
    {
        { 12, 1, 100, 98 },   // (98 + 1 + 1) % 101 == 100
        { 98, 1, 100, 199 },  // the epoch block itself is not "after" it: one period later
        { 97, 1, 100, 98 },   // the very next block
        { 0, 0, 360, 359 },   // finney-like tempo on netuid 0: (359 + 0 + 1) % 361 == 360
        { 0, 2, 4, 1 },       // lifecycle.mjs' tempo 4 on netuid 2: (1 + 2 + 1) % 5 == 4
        { 1, 2, 4, 6 },       // one period later
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Next_epoch_block_matches_the_vectors(ulong head, ushort netuid, ushort tempo, ulong expected)
    {
        Assert.Equal(expected, EpochSchedule.NextEpochBlock(head, netuid, tempo));
        Assert.True(EpochSchedule.IsEpochBlock(expected, netuid, tempo));
    }

    [Fact]
    public void Tempo_zero_never_runs_an_epoch()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochSchedule.NextEpochBlock(10, 1, 0));
        Assert.False(EpochSchedule.IsEpochBlock(10, 1, 0));
    }

    [Fact]
    public void Next_epoch_block_is_the_first_epoch_block_after_the_head() =>
        Gen.Select(Gen.ULong[0, 10_000_000], Gen.UShort, Gen.UShort[1, 2000]).Sample((head, netuid, tempo) =>
        {
            var next = EpochSchedule.NextEpochBlock(head, netuid, tempo);
            Assert.InRange(next, head + 1, head + tempo + 1u);
            Assert.True(EpochSchedule.IsEpochBlock(next, netuid, tempo));
            for (var block = head + 1; block < next; block++)
                Assert.False(EpochSchedule.IsEpochBlock(block, netuid, tempo), $"block {block} before {next} is an epoch block");
        }, iter: 2000);
}
