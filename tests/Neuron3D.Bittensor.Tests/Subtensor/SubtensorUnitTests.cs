using System.Text.Json;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Subtensor;

namespace Neuron3D.Bittensor.Tests.Subtensor;

/// <summary>Spec vectors and edge cases of the subtensor helpers that need no chain.</summary>
public sealed class SubtensorUnitTests
{
    [Fact]
    public void Commit_hash_matches_the_spec_vector()
    {
        // Spec bittensor.md §4.5: Alice, netuid 1, uids [0,1], values [65535,32768], salt [1..8], version key 10002000.
        using var alice = Sr25519Keypair.FromUri("//Alice");
        var hash = WeightCommit.Hash(alice.PublicKey, 1, [0, 1], [65535, 32768], [1, 2, 3, 4, 5, 6, 7, 8], 10002000);
        Assert.Equal("aceee4db57f1360f0c69c649fbfa860cde9c068473fd3c090af292266ffbd69f", Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Commit_hash_depends_on_every_input()
    {
        using var alice = Sr25519Keypair.FromUri("//Alice");
        var baseline = Convert.ToHexStringLower(WeightCommit.Hash(alice.PublicKey, 1, [0, 1], [65535, 32768], [1, 2], 7));
        Assert.NotEqual(baseline, Convert.ToHexStringLower(WeightCommit.Hash(alice.PublicKey, 2, [0, 1], [65535, 32768], [1, 2], 7)));
        Assert.NotEqual(baseline, Convert.ToHexStringLower(WeightCommit.Hash(alice.PublicKey, 1, [0, 1], [65535, 32767], [1, 2], 7)));
        Assert.NotEqual(baseline, Convert.ToHexStringLower(WeightCommit.Hash(alice.PublicKey, 1, [0, 1], [65535, 32768], [1, 3], 7)));
        Assert.NotEqual(baseline, Convert.ToHexStringLower(WeightCommit.Hash(alice.PublicKey, 1, [0, 1], [65535, 32768], [1, 2], 8)));
        Assert.Throws<ArgumentException>(() => WeightCommit.Hash(new byte[31], 1, [], [], [], 0));
        Assert.Equal(8, WeightCommit.NewSalt().Length);
    }

    // The block in which the runtime runs a subnet's epoch: (N + netuid + 1) % (tempo + 1) == tempo; the local-chain
    // test proves it on the runtime (LastMechansimStepBlock equals the block built).
    [Theory]
    [InlineData(0UL, 2, 4UL, 1UL)]
    [InlineData(10UL, 1, 4UL, 12UL)]
    [InlineData(12UL, 1, 4UL, 17UL)]
    [InlineData(100UL, 17, 360UL, 342UL)]
    [InlineData(342UL, 17, 360UL, 703UL)]
    public void Next_epoch_block_follows_the_runtime_rule(ulong after, ushort netuid, ulong tempo, ulong expected)
    {
        var next = EpochSchedule.NextEpochBlock(after, netuid, tempo);
        Assert.Equal((ulong)tempo, (next + netuid + 1) % (tempo + 1));
        Assert.True(next > after && next - after <= tempo + 1);
        Assert.Equal(expected, next);
    }

    [Fact]
    public void Reveal_window_is_the_epoch_after_the_commit()
    {
        // tempo 4, netuid 2: epoch index = (b + 3) / 5. A commit in block 20 (index 4) reveals in index 5 = blocks 22..26.
        Assert.Equal(4UL, EpochSchedule.EpochIndex(20, 2, 4));
        Assert.Equal((22UL, 26UL), EpochSchedule.RevealWindow(20, 2, 4, 1));
        Assert.Equal(5UL, EpochSchedule.EpochIndex(22, 2, 4));
        Assert.Equal(5UL, EpochSchedule.EpochIndex(26, 2, 4));
        Assert.Equal(6UL, EpochSchedule.EpochIndex(27, 2, 4));
    }

    [Theory]
    [InlineData("finney", null, "wss://entrypoint-finney.opentensor.ai/")]
    [InlineData("test", null, "wss://test.finney.opentensor.ai/")]
    [InlineData("local", null, "ws://127.0.0.1:9944/")]
    [InlineData("finney", "ws://10.0.0.1:9944", "ws://10.0.0.1:9944/")]
    public void Networks_resolve_like_the_sdk(string network, string? endpoint, string expected) =>
        Assert.Equal(expected, SubtensorNetwork.Resolve(network, endpoint).ToString());

    [Fact]
    public void Bad_networks_and_endpoints_are_clear_errors()
    {
        Assert.Contains("not one of", Assert.Throws<ArgumentException>(() => SubtensorNetwork.Resolve("mainnet", null)).Message);
        Assert.Contains("not a ws://", Assert.Throws<ArgumentException>(() => SubtensorNetwork.Resolve(null, "http://x:9944")).Message);
    }

    [Theory]
    [InlineData("\"{\\\"invalid\\\":{\\\"custom\\\":11}}\"", "InvalidIpAddress (custom 11)")]
    [InlineData("{\"invalid\":{\"custom\":3}}", "SubnetDoesntExist (custom 3)")]
    [InlineData("{\"invalid\":{\"custom\":200}}", "custom error 200")]
    [InlineData("{\"invalid\":{\"payment\":null}}", "payment: the account cannot pay the fee")]
    [InlineData("{\"invalid\":{\"badProof\":null}}", "badProof: the signature does not verify")]
    [InlineData("\"Inability to pay some fees\"", "Invalid Transaction: Inability to pay some fees")]
    public void Pool_refusals_are_put_in_words(string data, string expected)
    {
        var error = new RpcException("author_submitAndWatchExtrinsic", 1010, "Invalid Transaction", JsonDocument.Parse(data).RootElement);
        Assert.Equal(expected, ExtrinsicRejectedException.Describe(error));
    }

    [Fact]
    public void A_reason_sent_as_the_message_is_read_too()
    {
        // chopsticks: {"code":1010,"message":"{\"invalid\":{\"custom\":11}}"} without data.
        var error = new RpcException("author_submitAndWatchExtrinsic", 1010, "{\"invalid\":{\"custom\":11}}", null);
        Assert.Equal("InvalidIpAddress (custom 11)", ExtrinsicRejectedException.Describe(error));
    }
}
