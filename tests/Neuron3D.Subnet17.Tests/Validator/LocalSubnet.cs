using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;

namespace Neuron3D.Testing;

/// <summary>
/// A fresh subnet on the local chain for validator tests: tempo 4, commit-reveal off, started, with a validator
/// (100 TAO staked, permit after one epoch) and one miner registered. Keys are new per run (//…{run}), so tests also
/// pass on a chain that already ran them. The default WeightsSetRateLimit (100 blocks) is left as it is.
/// </summary>
internal sealed record LocalSubnet(ushort Netuid, string ValidatorHotkeyUri, Sr25519Keypair ValidatorHotkey, ushort ValidatorUid, Sr25519Keypair MinerHotkey, ushort MinerUid)
{
    public const ulong Tao = 1_000_000_000;

    public static ScaleValue Admin(string call, params ScaleValue[] args) => ScaleValue.Variant("AdminUtils", ScaleValue.Variant(call, args));

    /// <summary>Sudo (//Alice) call of AdminUtils.<paramref name="call"/>.</summary>
    public static async Task SudoAdminAsync(SubtensorClient client, string call, CancellationToken ct, params ScaleValue[] args)
    {
        using var alice = Sr25519Keypair.FromUri("//Alice");
        await client.SudoAsync(call, alice, _ => Admin(call, args), ct);
    }

    public static async Task<LocalSubnet> CreateAsync(SubtensorClient client, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var alice = Sr25519Keypair.FromUri("//Alice");
        using var owner = Sr25519Keypair.FromUri($"//Owner{run}");
        using var ownerHot = Sr25519Keypair.FromUri($"//OwnerHot{run}");
        using var validator = Sr25519Keypair.FromUri($"//Validator{run}");
        using var miner = Sr25519Keypair.FromUri($"//Miner{run}");
        var validatorHot = Sr25519Keypair.FromUri($"//ValidatorHot{run}");
        var minerHot = Sr25519Keypair.FromUri($"//MinerHot{run}");

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
        return new LocalSubnet(netuid, $"//ValidatorHot{run}", validatorHot, validatorUid, minerHot, minerUid);
    }

    /// <summary>Builds blocks up to and past the subnet's next epoch.</summary>
    public static async Task CrossEpochAsync(SubtensorClient client, ushort netuid, CancellationToken ct)
    {
        var next = await client.GetNextEpochBlockAsync(netuid, ct);
        if (await client.GetBlockNumberAsync(ct) < next) await client.JumpToBlockAsync((uint)next, ct);
        await client.BuildBlocksAsync(1, ct);
    }
}
