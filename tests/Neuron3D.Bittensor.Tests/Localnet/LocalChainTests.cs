using System.Numerics;
using Neuron3D.Bittensor.Chain;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Localnet;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Storage;
using Neuron3D.Testing;

namespace Neuron3D.Bittensor.Tests.Localnet;

/// <summary>
/// The launcher against the real subtensor runtime: start on a free port in Instant mode, status, blocks, epoch jumps
/// checked with what the chain itself records (SubtensorModule.LastMechansimStepBlock / BlocksSinceLastStep, set by the
/// coinbase when a subnet's epoch runs), and a stop that leaves no process. One chain, one scenario: starting is the
/// expensive part.
/// </summary>
[Collection(Name)]
public sealed class LocalChainTests
{
    /// <summary>Its own chain, run after the parallel collections (the shared fixture's chain is not needed here).</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class Serial
    {
        public const string Name = "LocalChainLauncher";
    }

    private const string Name = Serial.Name;

    private static readonly TimeSpan TestLimit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Starts_reports_builds_blocks_jumps_to_epochs_and_stops()
    {
        using var limit = new CancellationTokenSource(TestLimit);
        var ct = limit.Token;
        var chain = new LocalChain(new LocalChainOptions
        {
            SourceDirectory = RepoPaths.SharedFile("localchain"),
            WorkDirectory = Path.Combine(RepoPaths.Root, "artifacts", "localchain"),
            Port = LocalChain.FindFreePort(),
            BlockMode = BlockBuildMode.Instant,
            ReadyTimeout = TimeSpan.FromMinutes(4),
        });
        int? pid;
        bool wasRunning;
        try
        {
            var started = await chain.StartAsync(cancellationToken: ct);
            Assert.True(started.IsRunning);
            Assert.True(started.ProcessAlive);
            Assert.Equal(293u, started.SpecVersion);
            Assert.Equal(BlockBuildMode.Instant, started.BlockMode);
            Assert.Equal(int.Parse(await File.ReadAllTextAsync(chain.PidFile, ct)), started.Pid);

            // The port is taken now, by our own chain: a second start names its pid and starts nothing.
            var twice = await Assert.ThrowsAsync<LocalChainPortInUseException>(() => chain.StartAsync(cancellationToken: ct));
            Assert.Equal(started.Pid, twice.Pid);
            Assert.True((await chain.GetStatusAsync(ct)).ProcessAlive);

            await using var client = await ChainClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
            var metadata = await client.GetMetadataAsync(cancellationToken: ct);
            await InstantModeIncludesAnExtrinsicWithoutDevRpcsAsync(client, metadata, ct);

            var head = (await client.GetHeaderAsync(cancellationToken: ct)).Number;
            Assert.Equal(head + 3, await chain.BuildBlocksAsync(3, cancellationToken: ct));
            Assert.Equal(head + 3, (await client.GetHeaderAsync(cancellationToken: ct)).Number);
            var heads = new List<uint>();
            Assert.Equal(head + 25, await chain.BuildToHeightAsync(head + 25, new SynchronousProgress<uint>(heads), ct));
            Assert.Equal([head + 23, head + 25], heads); // batches of 20 blocks
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => chain.BuildToHeightAsync(head + 25, cancellationToken: ct));

            // Netuid 1 at genesis: the chain's own Tempo (100).
            var lastStep = new StorageItem(metadata, "SubtensorModule", "LastMechansimStepBlock");
            var sinceStep = new StorageItem(metadata, "SubtensorModule", "BlocksSinceLastStep");
            var jump = await chain.JumpToNextEpochAsync(1, cancellationToken: ct);
            Assert.Equal(100, jump.Tempo);
            await AssertEpochRanAsync(jump.Block);

            // A tempo changed on the chain is read from storage.
            await client.Rpc.RequestAsync("dev_setStorage", [new { SubtensorModule = new { Tempo = new object[] { new object[] { new object[] { 1 }, 7 } } } }],
                cancellationToken: ct);
            var second = await chain.JumpToNextEpochAsync(1, cancellationToken: ct);
            Assert.Equal(7, second.Tempo);
            Assert.InRange(second.Block, jump.Block + 1, jump.Block + 8);
            await AssertEpochRanAsync(second.Block);

            // A tempo given by the caller is trusted: a wrong one lands on a block where the chain ran no epoch.
            var wrong = await chain.JumpToNextEpochAsync(1, tempo: 5, cancellationToken: ct);
            Assert.False(EpochSchedule.IsEpochBlock(wrong.Block, 1, 7));
            Assert.NotEqual(BigInteger.Zero, await ReadAsync(sinceStep, wrong.Block));
            Assert.Equal(new BigInteger(second.Block), await ReadAsync(lastStep, wrong.Block));

            var unknown = await Assert.ThrowsAsync<LocalChainSubnetException>(() => chain.JumpToNextEpochAsync(77, cancellationToken: ct));
            Assert.Equal(77, unknown.Netuid);

            async Task AssertEpochRanAsync(uint block)
            {
                Assert.Equal(block, (await client.GetHeaderAsync(cancellationToken: ct)).Number);
                Assert.Equal(new BigInteger(block), await ReadAsync(lastStep, block));
                Assert.Equal(BigInteger.Zero, await ReadAsync(sinceStep, block));
            }

            async Task<BigInteger> ReadAsync(StorageItem item, uint block) =>
                (await client.ReadStorageAsync(item, [(ushort)1], await client.GetBlockHashAsync(block, ct), ct))!.AsNumber();
        }
        finally
        {
            pid = (await chain.GetStatusAsync(CancellationToken.None)).Pid;
            wasRunning = await chain.StopAsync(CancellationToken.None);
        }

        Assert.True(wasRunning);
        Assert.False(pid is { } p && File.Exists($"/proc/{p}/cmdline"), $"pid {pid} still runs after stop");
        var stopped = await chain.GetStatusAsync(ct);
        Assert.False(stopped.IsRunning);
        Assert.Null(stopped.Pid);
        Assert.False(File.Exists(chain.PidFile));
        Assert.False(await chain.StopAsync(ct));
        await Assert.ThrowsAsync<LocalChainNotRunningException>(() => chain.BuildBlocksAsync(1, cancellationToken: ct));
    }

    /// <summary>Instant mode: a plain submit-and-watch client sees its extrinsic in a new block, no dev_newBlock.</summary>
    private static async Task InstantModeIncludesAnExtrinsicWithoutDevRpcsAsync(ChainClient client, RuntimeMetadata metadata, CancellationToken ct)
    {
        using var alice = Sr25519Keypair.FromUri("//Alice");
        var head = (await client.GetHeaderAsync(cancellationToken: ct)).Number;
        var call = metadata.EncodeCall("System", "remark", new byte[] { 1, 2, 3 });
        var context = await client.GetSigningContextAsync(alice, cancellationToken: ct);
        var outcome = await client.SubmitAndWatchAsync(metadata, ExtrinsicBuilder.BuildSigned(metadata, call, alice, context), cancellationToken: ct)
            .WaitAsync(TimeSpan.FromMinutes(1), ct);
        outcome.EnsureSuccess();
        Assert.Equal(head + 1, (await client.GetHeaderAsync(outcome.BlockHash, ct)).Number);
    }

    private sealed class SynchronousProgress<T>(List<T> values) : IProgress<T>
    {
        public void Report(T value)
        {
            lock (values) values.Add(value);
        }
    }
}
