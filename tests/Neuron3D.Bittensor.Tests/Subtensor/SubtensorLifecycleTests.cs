using System.Numerics;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Axon;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Bittensor.Weights;
using Neuron3D.Testing;

namespace Neuron3D.Bittensor.Tests.Subtensor;

/// <summary>
/// The whole life cycle through <see cref="SubtensorClient"/> on the real subtensor runtime (spec 293): fund, create a
/// subnet, register a validator and two miners, stake, serve axons, set weights 2:1, cross an epoch, and read a
/// metagraph whose incentive and emission follow the weights — compared field by field with @polkadot/api reading the
/// same block. The failure paths end in named errors and the client keeps working after each.
/// </summary>
[Collection(LocalChainCollection.Name)]
public sealed class SubtensorLifecycleTests(LocalChainFixture chain)
{
    private const ulong Tao = 1_000_000_000;

    private static ScaleValue Admin(string call, params ScaleValue[] args) => ScaleValue.Variant("AdminUtils", ScaleValue.Variant(call, args));

    [Fact]
    public async Task Subnet_life_cycle_pays_miners_by_weight_and_matches_polkadot_js()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = limit.Token;
        await using var client = await SubtensorClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        Assert.True(client.BuildsDevBlocks, "chopsticks offers dev_newBlock, so the client builds blocks while it waits");

        // Fresh keys per run, so the test also passes on a chain that already ran it.
        var run = Guid.NewGuid().ToString("N")[..8];
        using var alice = Sr25519Keypair.FromUri("//Alice");
        using var owner = Sr25519Keypair.FromUri($"//Owner{run}");
        using var ownerHot = Sr25519Keypair.FromUri($"//OwnerHot{run}");
        using var validator = Sr25519Keypair.FromUri($"//Validator{run}");
        using var validatorHot = Sr25519Keypair.FromUri($"//ValidatorHot{run}");
        using var miner1 = Sr25519Keypair.FromUri($"//Miner1{run}");
        using var miner1Hot = Sr25519Keypair.FromUri($"//Miner1Hot{run}");
        using var miner2 = Sr25519Keypair.FromUri($"//Miner2{run}");
        using var miner2Hot = Sr25519Keypair.FromUri($"//Miner2Hot{run}");
        using var pauper = Sr25519Keypair.FromUri($"//Pauper{run}");

        // Insufficient balance: an account with nothing cannot pay the fee; the pool refuses, nothing is included.
        var broke = await Assert.ThrowsAsync<ExtrinsicRejectedException>(() => client.TransferAsync(pauper, alice.Ss58Address, Tao, cancellationToken: ct));
        Assert.Contains("payment", broke.Reason);

        var lockCost = await client.GetNetworkRegistrationCostAsync(ct);
        Assert.True(lockCost >= 1000 * Tao, $"lock cost {lockCost}");
        await client.TransferAsync(alice, owner.Ss58Address, (ulong)lockCost + 100 * Tao, cancellationToken: ct);
        await client.TransferAsync(alice, validator.Ss58Address, 200 * Tao, cancellationToken: ct);
        await client.TransferAsync(alice, miner1.Ss58Address, 10 * Tao, cancellationToken: ct);
        await client.TransferAsync(alice, miner2.Ss58Address, 10 * Tao, cancellationToken: ct);
        Assert.Equal(new BigInteger(10 * Tao), (await client.GetBalanceAsync(miner1.Ss58Address, cancellationToken: ct)).Free);

        // A root call that fails inside sudo is reported from Sudo.Sudid, not hidden behind ExtrinsicSuccess.
        // (A transfer needs a signed origin; under sudo it runs as root and fails with BadOrigin.)
        var inner = await Assert.ThrowsAsync<ChainDispatchException>(() => client.SudoAsync("sudo transfer", alice,
            _ => ScaleValue.Variant("Balances", ScaleValue.Variant("transfer_keep_alive", ScaleValue.Variant("Id", pauper.PublicKey), ScaleValue.Number(Tao))), ct));
        Assert.Contains("BadOrigin", inner.Message);

        await client.SudoAsync("sudo_set_network_rate_limit", alice, _ => Admin("sudo_set_network_rate_limit", 0UL), ct);
        var netuid = await client.RegisterNetworkAsync(owner, ownerHot.Ss58Address, ct);
        Assert.True(await client.SubnetExistsAsync(netuid, ct));
        Assert.Equal((ushort)0, await client.GetUidAsync(netuid, ownerHot.Ss58Address, cancellationToken: ct));
        const ushort tempo = 4;
        await client.SudoAsync("hyperparameters", alice, _ => ScaleValue.Variant("Utility", ScaleValue.Variant("batch_all", ScaleValue.Sequence(
            Admin("sudo_set_tempo", netuid, tempo),
            Admin("sudo_set_commit_reveal_weights_enabled", netuid, false),
            Admin("sudo_set_max_registrations_per_block", netuid, (ushort)16),
            Admin("sudo_set_target_registrations_per_interval", netuid, (ushort)16)))), ct);
        var hyperparameters = (await client.GetHyperparametersAsync(netuid, ct))!;
        Assert.Equal(tempo, (ushort)hyperparameters.Single(f => f.Name == "tempo").Value.AsNumber());
        Assert.False(hyperparameters.Single(f => f.Name == "commit_reveal_weights_enabled").Value.AsBool());
        Assert.Null(await client.GetHyperparametersAsync(999, ct));

        // start_call: refused before DurationOfStartCall has passed, accepted after.
        var startAt = await client.GetStartCallBlockAsync(netuid, ct);
        var early = await Assert.ThrowsAsync<ChainDispatchException>(() => client.StartCallAsync(owner, netuid, ct));
        Assert.Equal("SubtensorModule", early.ModuleError?.PalletName);
        var head = await client.GetBlockNumberAsync(ct);
        if (head < startAt) await client.JumpToBlockAsync((uint)startAt, ct);
        await client.StartCallAsync(owner, netuid, ct);
        var listed = Assert.Single(await client.GetSubnetsAsync(ct), s => s.Netuid == netuid);
        Assert.Equal(owner.Ss58Address, listed.OwnerColdkey);
        Assert.Equal(ownerHot.Ss58Address, listed.OwnerHotkey);
        Assert.True(listed.Started);
        Assert.Equal(tempo, listed.Tempo);

        // Unknown netuid: included, fails with the module error named from metadata (fee paid), the client goes on.
        var unknown = await Assert.ThrowsAsync<ChainDispatchException>(() => client.BurnedRegisterAsync(miner1, 999, miner1Hot.Ss58Address, ct));
        Assert.Equal("SubNetworkDoesNotExist", unknown.ModuleError?.Name);
        Assert.Contains("The subnet does not exist", unknown.Message);

        var validatorUid = await client.BurnedRegisterAsync(validator, netuid, validatorHot.Ss58Address, ct);
        var miner1Uid = await client.BurnedRegisterAsync(miner1, netuid, miner1Hot.Ss58Address, ct);
        var miner2Uid = await client.BurnedRegisterAsync(miner2, netuid, miner2Hot.Ss58Address, ct);
        Assert.Equal(new ushort[] { 1, 2, 3 }, new[] { validatorUid, miner1Uid, miner2Uid });
        Assert.Contains(netuid, await client.GetRegisteredNetuidsAsync(miner1Hot.Ss58Address, ct));

        // Weights too fast: a fresh neuron's LastUpdate is its registration block and the default rate limit is 100 blocks.
        Assert.True(await client.GetBlocksUntilWeightsAllowedAsync(netuid, validatorUid, ct) > 0);
        var tooFast = await Assert.ThrowsAsync<ChainDispatchException>(() =>
            client.SetWeightsAsync(validatorHot, netuid, [miner1Uid], [65535], cancellationToken: ct));
        Assert.Equal("SettingWeightsTooFast", tooFast.ModuleError?.Name);
        await client.SudoAsync("sudo_set_weights_set_rate_limit", alice, _ => Admin("sudo_set_weights_set_rate_limit", netuid, 0UL), ct);

        // The chain refuses 127.0.0.1; the client says so before signing, and the pool's own check names it too.
        Assert.Throws<ArgumentException>(() => { _ = client.ServeAxonAsync(miner1Hot, netuid, AxonInfo.Create("127.0.0.1", 8090), ct); });
        var localhost = await Assert.ThrowsAsync<ExtrinsicRejectedException>(() => client.SubmitAsync("serve_axon", miner1Hot,
            m => m.EncodeCall("SubtensorModule", "serve_axon", netuid, 1u, (UInt128)0x7f000001, (ushort)8090, (byte)4, (byte)4, (byte)0, (byte)0), ct));
        Assert.Contains("InvalidIpAddress", localhost.Reason);
        // Wrong key: the coldkey is not the registered hotkey.
        var wrongKey = await Assert.ThrowsAsync<ExtrinsicRejectedException>(() => client.ServeAxonAsync(miner1, netuid, AxonInfo.Create("127.0.0.2", 8090), ct));
        Assert.Contains("HotKeyNotRegisteredInNetwork", wrongKey.Reason);

        await client.AddStakeAsync(validator, validatorHot.Ss58Address, netuid, 100 * Tao, ct);
        Assert.True(await client.GetStakeAsync(validator.Ss58Address, validatorHot.Ss58Address, netuid, ct) > 0);
        var ports = new Dictionary<ushort, ushort> { [validatorUid] = 8091, [miner1Uid] = 8092, [miner2Uid] = 8093 };
        await client.ServeAxonAsync(validatorHot, netuid, AxonInfo.Create("127.0.0.2", ports[validatorUid]), ct);
        await client.ServeAxonAsync(miner1Hot, netuid, AxonInfo.Create("127.0.0.2", ports[miner1Uid]), ct);
        await client.ServeAxonAsync(miner2Hot, netuid, AxonInfo.Create("127.0.0.2", ports[miner2Uid]), ct);
        Assert.Equal((ushort)8092, (await client.GetAxonAsync(netuid, miner1Hot.Ss58Address, ct))!.Port);

        // An epoch gives the staked validator its permit.
        await CrossEpochAsync(client, netuid, ct);
        var permitted = await client.GetMetagraphAsync(netuid, cancellationToken: ct);
        Assert.True(permitted.Neurons[validatorUid].ValidatorPermit);

        var (uids, values) = WeightNormalization.ToEmit([miner1Uid, miner2Uid], [2.0, 1.0]);
        Assert.Equal(new ushort[] { 65535, 32768 }, values);
        var set = await client.SetWeightsAsync(validatorHot, netuid, uids, values, cancellationToken: ct);
        Assert.Equal(WeightsSubmissionKind.Set, set.Kind);
        Assert.Equal([(miner1Uid, (ushort)65535), (miner2Uid, (ushort)32768)], await client.GetWeightsAsync(netuid, validatorUid, cancellationToken: ct));

        var alphaBefore = await client.GetHotkeyAlphaAsync(miner1Hot.Ss58Address, netuid, cancellationToken: ct);
        await CrossEpochAsync(client, netuid, ct);
        var metagraph = await client.GetMetagraphAsync(netuid, cancellationToken: ct);

        Assert.Equal(4, metagraph.Neurons.Count);
        var m1 = metagraph.Neurons[miner1Uid];
        var m2 = metagraph.Neurons[miner2Uid];
        Assert.Equal(miner1Hot.Ss58Address, m1.Hotkey);
        Assert.Equal(miner1.Ss58Address, m1.Coldkey);
        Assert.Equal("127.0.0.2", m1.AxonAddress);
        Assert.Equal(2.0, (double)m1.Incentive / m2.Incentive, 2);
        Assert.Equal(2.0, (double)m1.EmissionRao / (double)m2.EmissionRao, 1);
        Assert.True(metagraph.Neurons[validatorUid].Dividends > 0, "the validator earned dividends");
        Assert.True(await client.GetHotkeyAlphaAsync(miner1Hot.Ss58Address, netuid, cancellationToken: ct) > alphaBefore);

        // The same block through @polkadot/api: every field of every neuron, the storage vectors and balances.
        var peer = NodePeer.Run("chain-peer.mjs", new
        {
            endpoint = chain.Endpoint.ToString(),
            blockHash = metagraph.BlockHash,
            netuid = (int)netuid,
            accounts = new[] { owner.Ss58Address, validator.Ss58Address, miner1.Ss58Address },
            hotkeys = new[] { miner1Hot.Ss58Address, miner2Hot.Ss58Address },
        }, TimeSpan.FromMinutes(2));
        var peerNeurons = peer["neurons"]!.AsArray();
        Assert.Equal(metagraph.Neurons.Count, peerNeurons.Count);
        foreach (var (ours, theirs) in metagraph.Neurons.Zip(peerNeurons.Select(n => n!)))
        {
            Assert.Equal((int)theirs["uid"]!, ours.Uid);
            Assert.Equal((string)theirs["hotkey"]!, ours.Hotkey);
            Assert.Equal((string)theirs["coldkey"]!, ours.Coldkey);
            Assert.Equal((bool)theirs["active"]!, ours.Active);
            Assert.Equal((string)theirs["stake"]!, ours.StakeRao.ToString());
            Assert.Equal((int)theirs["rank"]!, ours.Rank);
            Assert.Equal((string)theirs["emission"]!, ours.EmissionRao.ToString());
            Assert.Equal((int)theirs["incentive"]!, ours.Incentive);
            Assert.Equal((int)theirs["consensus"]!, ours.Consensus);
            Assert.Equal((int)theirs["trust"]!, ours.Trust);
            Assert.Equal((int)theirs["validatorTrust"]!, ours.ValidatorTrust);
            Assert.Equal((int)theirs["dividends"]!, ours.Dividends);
            Assert.Equal((long)theirs["lastUpdate"]!, (long)ours.LastUpdate);
            Assert.Equal((bool)theirs["validatorPermit"]!, ours.ValidatorPermit);
            Assert.Equal((int)theirs["pruningScore"]!, ours.PruningScore);
            Assert.Equal((int)theirs["axonPort"]!, ours.Axon.Port);
            if (ours.AxonAddress is { } address) Assert.Equal((string)theirs["axonIp"]!, address);
        }
        Assert.Equal(peer["incentive"]!.AsArray().Select(v => (int)v!), metagraph.Neurons.Select(n => (int)n.Incentive));
        Assert.Equal(peer["emission"]!.AsArray().Select(v => (string)v!), metagraph.Neurons.Select(n => n.EmissionRao.ToString()));
        var balance = await client.GetBalanceAsync(miner1.Ss58Address, metagraph.BlockHash, ct);
        Assert.Equal((string)peer["balances"]![miner1.Ss58Address]!, balance.Free.ToString());
        Assert.Equal((string)peer["alpha"]![miner1Hot.Ss58Address]!,
            (await client.GetHotkeyAlphaAsync(miner1Hot.Ss58Address, netuid, metagraph.BlockHash, ct)).ToString());
    }

    [Fact]
    public async Task Commit_reveal_commits_the_hash_and_reveals_in_the_next_epoch()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var ct = limit.Token;
        await using var client = await SubtensorClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        var run = Guid.NewGuid().ToString("N")[..8];
        using var alice = Sr25519Keypair.FromUri("//Alice");
        using var owner = Sr25519Keypair.FromUri($"//CrOwner{run}");
        using var ownerHot = Sr25519Keypair.FromUri($"//CrOwnerHot{run}");

        await client.TransferAsync(alice, owner.Ss58Address, (ulong)await client.GetNetworkRegistrationCostAsync(ct) + 10 * Tao, cancellationToken: ct);
        await client.SudoAsync("sudo_set_network_rate_limit", alice, _ => Admin("sudo_set_network_rate_limit", 0UL), ct);
        var netuid = await client.RegisterNetworkAsync(owner, ownerHot.Ss58Address, ct);
        const ushort tempo = 4;
        await client.SudoAsync("hyperparameters", alice, _ => ScaleValue.Variant("Utility", ScaleValue.Variant("batch_all", ScaleValue.Sequence(
            Admin("sudo_set_tempo", netuid, tempo),
            Admin("sudo_set_commit_reveal_weights_enabled", netuid, true),
            Admin("sudo_set_weights_set_rate_limit", netuid, 0UL)))), ct);
        Assert.True(await client.IsCommitRevealEnabledAsync(netuid, ct));

        // The owner hotkey (uid 0) may weight itself: the simplest weights the chain accepts without other neurons.
        var committed = await client.SetWeightsAsync(ownerHot, netuid, [0], [65535], cancellationToken: ct);
        Assert.Equal(WeightsSubmissionKind.Committed, committed.Kind);
        var pending = committed.PendingReveal!;
        Assert.Equal(Convert.ToHexStringLower(WeightCommit.Hash(ownerHot.PublicKey, netuid, [0], [65535], pending.Salt, pending.VersionKey)),
            pending.CommitHash[2..]);
        Assert.Equal((pending.FirstRevealBlock, pending.LastRevealBlock), EpochSchedule.RevealWindow(pending.CommitBlock, netuid, tempo, 1));
        Assert.Empty(await client.GetWeightsAsync(netuid, 0, cancellationToken: ct));

        var tooEarly = await Assert.ThrowsAsync<SubtensorStateException>(() => client.RevealWeightsAsync(ownerHot, pending, ct));
        Assert.Contains($"opens at block {pending.FirstRevealBlock}", tooEarly.Message);

        await client.JumpToBlockAsync((uint)pending.FirstRevealBlock - 1, ct);
        var revealed = await client.RevealWeightsAsync(ownerHot, pending, ct);
        Assert.Equal(WeightsSubmissionKind.Revealed, revealed.Kind);
        Assert.Equal([((ushort)0, (ushort)65535)], await client.GetWeightsAsync(netuid, 0, cancellationToken: ct));
    }

    /// <summary>Builds the one block in which the subnet's epoch runs, and proves it ran there.</summary>
    private static async Task CrossEpochAsync(SubtensorClient client, ushort netuid, CancellationToken ct)
    {
        var epochBlock = await client.GetNextEpochBlockAsync(netuid, ct);
        await client.JumpToBlockAsync((uint)epochBlock, ct);
        var lastStep = await client.ReadSubtensorAsync("LastMechansimStepBlock", [netuid], cancellationToken: ct);
        Assert.Equal(epochBlock, (ulong)lastStep!.AsNumber());
    }
}
