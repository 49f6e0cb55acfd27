using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Validator;

/// <summary>
/// The weights loop on the real subtensor runtime (spec 293, local chain): the rate-limit window read from chain state,
/// a refused early attempt, a set confirmed from <c>Weights[netuid][uid]</c>, and with commit-reveal on a hash commit
/// that waits for its window and is then revealed and confirmed.
/// </summary>
[Collection(LocalChainCollection.Name)]
public sealed class SubtensorWeightsChainTests(LocalChainFixture chain)
{
    private const ulong Tao = 1_000_000_000;

    private static ScaleValue Admin(string call, params ScaleValue[] args) => ScaleValue.Variant("AdminUtils", ScaleValue.Variant(call, args));

    [Fact]
    public async Task Publisher_respects_the_chain_rate_limit_sets_confirmed_weights_and_reveals_commits()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = limit.Token;
        await using var client = await SubtensorClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        var run = Guid.NewGuid().ToString("N")[..8];
        using var alice = Sr25519Keypair.FromUri("//Alice");
        using var owner = Sr25519Keypair.FromUri($"//Owner{run}");
        using var ownerHot = Sr25519Keypair.FromUri($"//OwnerHot{run}");
        using var validator = Sr25519Keypair.FromUri($"//Validator{run}");
        using var validatorHot = Sr25519Keypair.FromUri($"//ValidatorHot{run}");
        using var miner = Sr25519Keypair.FromUri($"//Miner{run}");
        using var minerHot = Sr25519Keypair.FromUri($"//MinerHot{run}");

        // A subnet with a short tempo and commit-reveal off; a staked validator (permit after an epoch) and one miner.
        var lockCost = await client.GetNetworkRegistrationCostAsync(ct);
        await client.TransferAsync(alice, owner.Ss58Address, (ulong)lockCost + 100 * Tao, cancellationToken: ct);
        await client.TransferAsync(alice, validator.Ss58Address, 200 * Tao, cancellationToken: ct);
        await client.TransferAsync(alice, miner.Ss58Address, 10 * Tao, cancellationToken: ct);
        await client.SudoAsync("sudo_set_network_rate_limit", alice, _ => Admin("sudo_set_network_rate_limit", 0UL), ct);
        var netuid = await client.RegisterNetworkAsync(owner, ownerHot.Ss58Address, ct);
        await client.SudoAsync("hyperparameters", alice, _ => ScaleValue.Variant("Utility", ScaleValue.Variant("batch_all", ScaleValue.Sequence(
            Admin("sudo_set_tempo", netuid, (ushort)4),
            Admin("sudo_set_commit_reveal_weights_enabled", netuid, false),
            Admin("sudo_set_max_registrations_per_block", netuid, (ushort)16),
            Admin("sudo_set_target_registrations_per_interval", netuid, (ushort)16)))), ct);
        var startAt = await client.GetStartCallBlockAsync(netuid, ct);
        if (await client.GetBlockNumberAsync(ct) < startAt) await client.JumpToBlockAsync((uint)startAt, ct);
        await client.StartCallAsync(owner, netuid, ct);
        var validatorUid = await client.BurnedRegisterAsync(validator, netuid, validatorHot.Ss58Address, ct);
        var minerUid = await client.BurnedRegisterAsync(miner, netuid, minerHot.Ss58Address, ct);
        await client.AddStakeAsync(validator, validatorHot.Ss58Address, netuid, 100 * Tao, ct);
        await CrossEpochAsync(client, netuid, ct);

        var weightsChain = new SubtensorWeightsChain(client, validatorHot, netuid);
        var proposal = new WeightsProposal([minerUid], [65535]);
        var publisher = new WeightsPublisher(weightsChain, () => proposal, new WeightsPublisherOptions { MinBlocksBetweenSets = 0 });

        // The default WeightsSetRateLimit (100 blocks) counts from the registration block: too early, nothing sent.
        var window = await weightsChain.ReadWindowAsync(ct);
        Assert.Equal(100UL, window.RateLimitBlocks);
        Assert.InRange(window.LastUpdateBlock, 1UL, window.Block);
        var early = await publisher.TryPublishAsync(ct);
        Assert.True(early.Outcome == WeightsOutcome.RateLimited, early.Message);
        Assert.Empty(await client.GetWeightsAsync(netuid, validatorUid, cancellationToken: ct));

        await client.SudoAsync("sudo_set_weights_set_rate_limit", alice, _ => Admin("sudo_set_weights_set_rate_limit", netuid, 0UL), ct);
        var set = await publisher.TryPublishAsync(ct);
        Assert.True(set.Outcome == WeightsOutcome.Set, set.Message);
        Assert.False(set.Committed);
        Assert.Contains($"confirmed: Weights[{netuid}][{validatorUid}] holds 1 entries", set.Message);
        Assert.Equal([(minerUid, (ushort)65535)], await client.GetWeightsAsync(netuid, validatorUid, cancellationToken: ct));
        Assert.Equal(set.Block, (await weightsChain.ReadWindowAsync(ct)).LastUpdateBlock);

        // Commit-reveal on: the new weights (now also on the owner's uid 0) are committed, wait for their window, then revealed.
        await client.SudoAsync("commit-reveal on", alice, _ => Admin("sudo_set_commit_reveal_weights_enabled", netuid, true), ct);
        proposal = new WeightsProposal([0, minerUid], [32768, 65535]);
        var committed = await publisher.TryPublishAsync(ct);
        Assert.True(committed.Outcome == WeightsOutcome.Set && committed.Committed, committed.Message);
        var pending = await weightsChain.ReadWindowAsync(ct);
        Assert.NotNull(pending.PendingRevealFromBlock);
        if (pending.Block + 1 < pending.PendingRevealFromBlock)
        {
            var waiting = await publisher.TryPublishAsync(ct);
            Assert.True(waiting.Outcome == WeightsOutcome.RateLimited, waiting.Message);
            await client.JumpToBlockAsync((uint)pending.PendingRevealFromBlock! - 1, ct);
        }
        var revealed = await publisher.TryPublishAsync(ct);
        Assert.True(revealed.Outcome == WeightsOutcome.Set && !revealed.Committed, revealed.Message);
        Assert.Contains("revealed the commit", revealed.Message);
        Assert.Equal([((ushort)0, (ushort)32768), (minerUid, (ushort)65535)], await client.GetWeightsAsync(netuid, validatorUid, cancellationToken: ct));
        Assert.Null((await weightsChain.ReadWindowAsync(ct)).PendingRevealFromBlock);
    }

    private static async Task CrossEpochAsync(SubtensorClient client, ushort netuid, CancellationToken ct)
    {
        var next = await client.GetNextEpochBlockAsync(netuid, ct);
        if (await client.GetBlockNumberAsync(ct) < next) await client.JumpToBlockAsync((uint)next, ct);
        await client.BuildBlocksAsync(1, ct);
    }
}
