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
    [Fact]
    public async Task Publisher_respects_the_chain_rate_limit_sets_confirmed_weights_and_reveals_commits()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = limit.Token;
        await using var client = await SubtensorClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        var subnet = await LocalSubnet.CreateAsync(client, ct);
        var (netuid, validatorUid, minerUid) = (subnet.Netuid, subnet.ValidatorUid, subnet.MinerUid);

        var weightsChain = new SubtensorWeightsChain(client, subnet.ValidatorHotkey, netuid);
        var proposal = new WeightsProposal([minerUid], [65535]);
        var publisher = new WeightsPublisher(weightsChain, () => proposal, new WeightsPublisherOptions { MinBlocksBetweenSets = 0 });

        // The default WeightsSetRateLimit (100 blocks) counts from the registration block: too early, nothing sent.
        var window = await weightsChain.ReadWindowAsync(ct);
        Assert.Equal(100UL, window.RateLimitBlocks);
        Assert.InRange(window.LastUpdateBlock, 1UL, window.Block);
        var early = await publisher.TryPublishAsync(ct);
        Assert.True(early.Outcome == WeightsOutcome.RateLimited, early.Message);
        Assert.Empty(await client.GetWeightsAsync(netuid, validatorUid, cancellationToken: ct));

        await LocalSubnet.SudoAdminAsync(client, "sudo_set_weights_set_rate_limit", ct, netuid, 0UL);
        var set = await publisher.TryPublishAsync(ct);
        Assert.True(set.Outcome == WeightsOutcome.Set, set.Message);
        Assert.False(set.Committed);
        Assert.Contains($"confirmed: Weights[{netuid}][{validatorUid}] holds 1 entries", set.Message);
        Assert.Equal([(minerUid, (ushort)65535)], await client.GetWeightsAsync(netuid, validatorUid, cancellationToken: ct));
        Assert.Equal(set.Block, (await weightsChain.ReadWindowAsync(ct)).LastUpdateBlock);

        // Commit-reveal on: the new weights (now also on the owner's uid 0) are committed, wait for their window, then revealed.
        await LocalSubnet.SudoAdminAsync(client, "sudo_set_commit_reveal_weights_enabled", ct, netuid, true);
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
}
