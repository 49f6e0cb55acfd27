using System.Numerics;
using Neuron3D.Bittensor.Axon;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;

namespace Neuron3D.Bittensor.Subtensor;

/// <summary>An account's balance (rao) and nonce, from <c>System.Account</c>.</summary>
public sealed record AccountBalance(string Address, BigInteger Free, BigInteger Reserved, BigInteger Frozen, uint Nonce)
{
    /// <summary>Free minus frozen: what can be spent or staked.</summary>
    public BigInteger Transferable => BigInteger.Max(Free - Frozen, 0);
}

/// <summary>One subnet as <c>subnet list</c> shows it.</summary>
/// <param name="Netuid">The subnet id.</param>
/// <param name="Name">Its registered name ("" when none).</param>
/// <param name="Symbol">Its token symbol ("" when none).</param>
/// <param name="OwnerColdkey">SS58 of the owner coldkey.</param>
/// <param name="OwnerHotkey">SS58 of the owner hotkey.</param>
/// <param name="Tempo">Blocks between epochs.</param>
/// <param name="Neurons">Registered uids.</param>
/// <param name="MaxNeurons">Capacity.</param>
/// <param name="BurnRao">Current burned-registration cost.</param>
/// <param name="TaoInRao">TAO in the subnet pool.</param>
/// <param name="AlphaInRao">Alpha in the subnet pool.</param>
/// <param name="Started">start_call done (emission and staking enabled).</param>
/// <param name="RegisteredAt">Block of network registration.</param>
public sealed record SubnetSummary(ushort Netuid, string Name, string Symbol, string OwnerColdkey, string OwnerHotkey, ushort Tempo,
    ushort Neurons, ushort MaxNeurons, BigInteger BurnRao, BigInteger TaoInRao, BigInteger AlphaInRao, bool Started, ulong RegisteredAt)
{
    /// <summary>Pool price in TAO per alpha (tao_in / alpha_in); 1 for root or an empty pool.</summary>
    public double Price => Netuid == 0 || AlphaInRao.IsZero ? 1 : (double)TaoInRao / (double)AlphaInRao;
}

/// <summary>A metagraph snapshot: every neuron of one subnet at one block.</summary>
public sealed record Metagraph(ushort Netuid, uint Block, string BlockHash, IReadOnlyList<NeuronInfoLite> Neurons);

public sealed partial class SubtensorClient
{
    /// <summary>Free, reserved and frozen balance (rao) of <paramref name="ss58Address"/>; zero for an unknown account.</summary>
    /// <exception cref="Ss58FormatException">Not an SS58 address.</exception>
    public async Task<AccountBalance> GetBalanceAsync(string ss58Address, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var account = (await ReadAsync("System", "Account", [Ss58.Decode(ss58Address)], blockHash, cancellationToken).ConfigureAwait(false))!;
        var data = account["data"];
        return new AccountBalance(ss58Address, data["free"].AsNumber(), data["reserved"].AsNumber(), data["frozen"].AsNumber(),
            (uint)account["nonce"].AsNumber());
    }

    /// <summary>Transfers <paramref name="amountRao"/> from <paramref name="coldkey"/> to <paramref name="destination"/>.</summary>
    /// <param name="keepAlive"><c>transfer_keep_alive</c> (default): refuse to drop the sender below the existential deposit.</param>
    public Task<ExtrinsicOutcome> TransferAsync(Sr25519Keypair coldkey, string destination, ulong amountRao, bool keepAlive = true, CancellationToken cancellationToken = default)
    {
        var to = Ss58.Decode(destination);
        return SubmitAsync("transfer", coldkey, m => m.EncodeCall("Balances", keepAlive ? "transfer_keep_alive" : "transfer_allow_death",
            ScaleValue.Variant("Id", to), amountRao), cancellationToken);
    }

    /// <summary>The TAO (rao) that <c>register_network</c> locks now.</summary>
    public async Task<BigInteger> GetNetworkRegistrationCostAsync(CancellationToken cancellationToken = default) =>
        (await CallRuntimeApiAsync("SubnetRegistrationRuntimeApi", "get_network_registration_cost", [], cancellationToken: cancellationToken)
            .ConfigureAwait(false)).AsNumber();

    /// <summary>Creates a subnet owned by <paramref name="coldkey"/> with <paramref name="hotkey"/> as owner hotkey (uid 0); returns its netuid.</summary>
    public async Task<ushort> RegisterNetworkAsync(Sr25519Keypair coldkey, string hotkey, CancellationToken cancellationToken = default)
    {
        var key = Ss58.Decode(hotkey);
        var outcome = await SubmitAsync("register_network", coldkey, m => m.EncodeCall(Pallet, "register_network", key), cancellationToken).ConfigureAwait(false);
        var added = outcome.Events.FirstOrDefault(e => e is { Pallet: Pallet, Name: "NetworkAdded" })
            ?? throw new SubtensorStateException($"register_network succeeded in block {outcome.BlockHash} without a NetworkAdded event");
        return (ushort)FirstField(added).AsNumber();
    }

    /// <summary>
    /// <c>start_call</c>: the owner enables emission and staking on <paramref name="netuid"/>; allowed
    /// <c>DurationOfStartCall</c> blocks after registration (<see cref="GetStartCallBlockAsync"/>).
    /// </summary>
    public Task<ExtrinsicOutcome> StartCallAsync(Sr25519Keypair ownerColdkey, ushort netuid, CancellationToken cancellationToken = default) =>
        SubmitAsync("start_call", ownerColdkey, m => m.EncodeCall(Pallet, "start_call", netuid), cancellationToken);

    /// <summary>The first block at which <c>start_call</c> is accepted for <paramref name="netuid"/>.</summary>
    public async Task<ulong> GetStartCallBlockAsync(ushort netuid, CancellationToken cancellationToken = default)
    {
        var registeredAt = (ulong)(await ReadSubtensorAsync("NetworkRegisteredAt", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))!.AsNumber();
        var pallet = Metadata.Pallet(Pallet);
        var delay = pallet.Constants.Any(c => c.Name == "DurationOfStartCall") ? (ulong)Metadata.Constant(Pallet, "DurationOfStartCall").AsNumber() : 0;
        return registeredAt + delay;
    }

    /// <summary>True when <paramref name="netuid"/> exists.</summary>
    public async Task<bool> SubnetExistsAsync(ushort netuid, CancellationToken cancellationToken = default) =>
        (await ReadSubtensorAsync("NetworksAdded", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))?.AsBool() == true;

    /// <summary>Every subnet with its owner, tempo, size, burn and pool (one runtime API call plus one storage batch).</summary>
    public async Task<IReadOnlyList<SubnetSummary>> GetSubnetsAsync(CancellationToken cancellationToken = default)
    {
        var head = await Chain.GetBlockHashAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var all = await CallRuntimeApiAsync("SubnetInfoRuntimeApi", "get_all_dynamic_info", [], head, cancellationToken).ConfigureAwait(false);
        var infos = ((ScaleSequence)all.Unwrap()).Items
            .Select(entry => entry.Unwrap() is ScaleVariant { Name: "Some" } some ? some.Fields[0].Value : null)
            .OfType<ScaleValue>().ToList();
        // The per-subnet storage values of every subnet in one state_queryStorageAt (finney has over a hundred subnets).
        var items = new[] { "SubnetworkN", "MaxAllowedUids", "Burn", "FirstEmissionBlockNumber" }
            .Select(name => new Storage.StorageItem(Metadata, Pallet, name)).ToArray();
        var keys = infos.SelectMany(info => items.Select(item => item.Key((ushort)info["netuid"].AsNumber()))).ToList();
        var values = await Chain.QueryStorageAtAsync(keys, head, cancellationToken).ConfigureAwait(false);
        var result = new List<SubnetSummary>();
        for (var i = 0; i < infos.Count; i++)
        {
            var info = infos[i];
            var netuid = (ushort)info["netuid"].AsNumber();
            ScaleValue? Value(int item) => items[item].DecodeValueOrDefault(values[i * items.Length + item]);
            var n = (ushort)Value(0)!.AsNumber();
            var max = (ushort)Value(1)!.AsNumber();
            var burn = Value(2)!.AsNumber();
            var firstEmission = Value(3);
            result.Add(new SubnetSummary(netuid, Text(info["subnet_name"]), Text(info["token_symbol"]),
                Ss58.Encode(info["owner_coldkey"].AsBytes()), Ss58.Encode(info["owner_hotkey"].AsBytes()), (ushort)info["tempo"].AsNumber(),
                n, max, burn, info["tao_in"].AsNumber(), info["alpha_in"].AsNumber(),
                netuid == 0 || firstEmission is not null, (ulong)info["network_registered_at"].AsNumber()));
        }
        return result;
    }

    /// <summary>
    /// The subnet's hyperparameters as the runtime reports them (<c>get_subnet_hyperparams_v2</c>, else the first
    /// version offered), in declaration order; null when the subnet does not exist.
    /// </summary>
    public async Task<IReadOnlyList<ScaleField>?> GetHyperparametersAsync(ushort netuid, CancellationToken cancellationToken = default)
    {
        var api = Metadata.RuntimeApi("SubnetInfoRuntimeApi");
        var method = new[] { "get_subnet_hyperparams_v2", "get_subnet_hyperparams_v3", "get_subnet_hyperparams" }
            .FirstOrDefault(name => api.Methods.Any(m => m.Name == name))
            ?? throw new SubtensorStateException("the runtime offers no get_subnet_hyperparams API");
        var value = await CallRuntimeApiAsync("SubnetInfoRuntimeApi", method, [netuid], cancellationToken: cancellationToken).ConfigureAwait(false);
        return value.Unwrap() is ScaleVariant { Name: "Some" } some && some.Fields[0].Value.Unwrap() is ScaleComposite fields ? fields.Fields : null;
    }

    /// <summary>
    /// <c>burned_register</c>: <paramref name="coldkey"/> pays the subnet's burn and registers <paramref name="hotkey"/>;
    /// returns the uid it got.
    /// </summary>
    public async Task<ushort> BurnedRegisterAsync(Sr25519Keypair coldkey, ushort netuid, string hotkey, CancellationToken cancellationToken = default)
    {
        var key = Ss58.Decode(hotkey);
        var outcome = await SubmitAsync("burned_register", coldkey, m => m.EncodeCall(Pallet, "burned_register", netuid, key), cancellationToken).ConfigureAwait(false);
        return await GetUidAsync(netuid, hotkey, outcome.BlockHash, cancellationToken).ConfigureAwait(false)
            ?? throw new SubtensorStateException($"burned_register succeeded in block {outcome.BlockHash} but {hotkey} has no uid on netuid {netuid}");
    }

    /// <summary>The uid of <paramref name="hotkey"/> on <paramref name="netuid"/>, or null when not registered.</summary>
    public async Task<ushort?> GetUidAsync(ushort netuid, string hotkey, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var value = await ReadSubtensorAsync("Uids", [netuid, Ss58.Decode(hotkey)], blockHash, cancellationToken).ConfigureAwait(false);
        return value?.Unwrap() switch
        {
            null => null,
            ScaleVariant { Name: "None" } => null,
            ScaleVariant { Name: "Some" } some => (ushort)some.Fields[0].Value.AsNumber(),
            var number => (ushort)number.AsNumber(),
        };
    }

    /// <summary>The netuids on which <paramref name="hotkey"/> is registered (<c>IsNetworkMember</c>).</summary>
    public async Task<IReadOnlyList<ushort>> GetRegisteredNetuidsAsync(string hotkey, CancellationToken cancellationToken = default)
    {
        var item = new Storage.StorageItem(Metadata, Pallet, "IsNetworkMember");
        var netuids = new List<ushort>();
        await foreach (var (key, value) in Chain.EnumerateStorageAsync(item, [Ss58.Decode(hotkey)], cancellationToken: cancellationToken).ConfigureAwait(false))
            if (value.AsBool())
                netuids.Add((ushort)item.DecodeKey(key)[1]!.AsNumber());
        netuids.Sort();
        return netuids;
    }

    /// <summary><c>add_stake</c>: <paramref name="coldkey"/> stakes <paramref name="amountRao"/> TAO to <paramref name="hotkey"/> on <paramref name="netuid"/>.</summary>
    public Task<ExtrinsicOutcome> AddStakeAsync(Sr25519Keypair coldkey, string hotkey, ushort netuid, ulong amountRao, CancellationToken cancellationToken = default)
    {
        var key = Ss58.Decode(hotkey);
        return SubmitAsync("add_stake", coldkey, m => m.EncodeCall(Pallet, "add_stake", key, netuid, amountRao), cancellationToken);
    }

    /// <summary><c>remove_stake</c>: unstakes <paramref name="amountAlphaRao"/> alpha (rao units) of <paramref name="hotkey"/> on <paramref name="netuid"/> back to TAO.</summary>
    public Task<ExtrinsicOutcome> RemoveStakeAsync(Sr25519Keypair coldkey, string hotkey, ushort netuid, ulong amountAlphaRao, CancellationToken cancellationToken = default)
    {
        var key = Ss58.Decode(hotkey);
        return SubmitAsync("remove_stake", coldkey, m => m.EncodeCall(Pallet, "remove_stake", key, netuid, amountAlphaRao), cancellationToken);
    }

    /// <summary>The alpha (rao units) staked to <paramref name="hotkey"/> on <paramref name="netuid"/> by everybody (<c>TotalHotkeyAlpha</c>).</summary>
    public async Task<BigInteger> GetHotkeyAlphaAsync(string hotkey, ushort netuid, string? blockHash = null, CancellationToken cancellationToken = default) =>
        (await ReadSubtensorAsync("TotalHotkeyAlpha", [Ss58.Decode(hotkey), netuid], blockHash, cancellationToken).ConfigureAwait(false))!.AsNumber();

    /// <summary>
    /// The alpha (rao units) that <paramref name="coldkey"/> has staked to <paramref name="hotkey"/> on <paramref name="netuid"/>,
    /// from <c>StakeInfoRuntimeApi</c>; 0 when none.
    /// </summary>
    public async Task<BigInteger> GetStakeAsync(string coldkey, string hotkey, ushort netuid, CancellationToken cancellationToken = default)
    {
        var infos = await CallRuntimeApiAsync("StakeInfoRuntimeApi", "get_stake_info_for_coldkey", [Ss58.Decode(coldkey)],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var hot = Ss58.Decode(hotkey);
        BigInteger total = 0;
        foreach (var info in ((ScaleSequence)infos.Unwrap()).Items)
            if ((ushort)info["netuid"].AsNumber() == netuid && info["hotkey"].AsBytes().AsSpan().SequenceEqual(hot))
                total += info["stake"].AsNumber();
        return total;
    }

    /// <summary><c>serve_axon</c>: publishes <paramref name="axon"/> for <paramref name="hotkey"/> on <paramref name="netuid"/> (feeless; the hotkey signs).</summary>
    /// <exception cref="ArgumentException">127.0.0.1 or ::1, which the chain refuses (use another loopback address such as 127.0.0.2, or 0).</exception>
    public Task<ExtrinsicOutcome> ServeAxonAsync(Sr25519Keypair hotkey, ushort netuid, AxonInfo axon, CancellationToken cancellationToken = default)
    {
        if ((axon.IpType == 4 && axon.Ip == 0x7f000001) || (axon.IpType == 6 && axon.Ip == 1))
            throw new ArgumentException("the chain refuses 127.0.0.1 and ::1 as axon addresses; publish the external address, or 127.0.0.2 on a local chain", nameof(axon));
        return SubmitAsync("serve_axon", hotkey, m => m.EncodeCall(Pallet, "serve_axon", netuid, axon.Version, axon.Ip, axon.Port, axon.IpType,
            axon.Protocol, (byte)0, (byte)0), cancellationToken);
    }

    /// <summary>The axon published by <paramref name="hotkey"/> on <paramref name="netuid"/>, or null when none.</summary>
    public async Task<AxonInfo?> GetAxonAsync(ushort netuid, string hotkey, CancellationToken cancellationToken = default)
    {
        var value = await ReadSubtensorAsync("Axons", [netuid, Ss58.Decode(hotkey)], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (value?.Unwrap() is null or ScaleVariant { Name: "None" }) return null;
        var axon = value.Unwrap() is ScaleVariant { Name: "Some" } some ? some.Fields[0].Value : value;
        return new AxonInfo((uint)axon["version"].AsNumber(), (UInt128)axon["ip"].AsNumber(), (ushort)axon["port"].AsNumber(),
            (byte)axon["ip_type"].AsNumber(), (byte)axon["protocol"].AsNumber());
    }

    /// <summary>The metagraph of <paramref name="netuid"/> at <paramref name="blockHash"/> (or the head), through <c>NeuronInfoRuntimeApi_get_neurons_lite</c>.</summary>
    /// <exception cref="SubtensorStateException">The subnet does not exist.</exception>
    /// <remarks>
    /// A block's state never changes, so the last snapshot per subnet is kept and returned again while the best block
    /// stays the same (a neuron polling faster than blocks arrive costs one <c>chain_getBlockHash</c>, not a
    /// runtime call, which takes 0.2–0.5 s on a node).
    /// </remarks>
    public async Task<Metagraph> GetMetagraphAsync(ushort netuid, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        blockHash ??= await Chain.GetBlockHashAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (_lastMetagraphs.TryGetValue(netuid, out var cached) && string.Equals(cached.BlockHash, blockHash, StringComparison.OrdinalIgnoreCase))
            return cached;
        var metadata = await RefreshMetadataAsync(blockHash, cancellationToken).ConfigureAwait(false);
        var header = await Chain.GetHeaderAsync(blockHash, cancellationToken).ConfigureAwait(false);
        var bytes = await Chain.StateCallAsync(NeuronInfoLite.StateCallMethod, NeuronInfoLite.Arguments(netuid), blockHash, cancellationToken).ConfigureAwait(false);
        var neurons = NeuronInfoLite.DecodeList(metadata, bytes);
        if (neurons.Count == 0 && !await SubnetExistsAsync(netuid, cancellationToken).ConfigureAwait(false))
            throw new SubtensorStateException($"netuid {netuid} does not exist");
        var metagraph = new Metagraph(netuid, header.Number, blockHash, neurons);
        _lastMetagraphs[netuid] = metagraph;
        return metagraph;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ushort, Metagraph> _lastMetagraphs = new();

    /// <summary>
    /// The next block at which <paramref name="netuid"/> runs its epoch: the runtime's
    /// <c>get_next_epoch_start_block</c> where offered, else the legacy rule of spec §5.1 (block b runs the epoch when
    /// <c>(b + netuid + 1) mod (tempo + 1) == 0</c>, i.e. the block after the one that sees zero blocks left).
    /// </summary>
    public async Task<ulong> GetNextEpochBlockAsync(ushort netuid, CancellationToken cancellationToken = default)
    {
        if (HasRuntimeApi("SubnetInfoRuntimeApi", "get_next_epoch_start_block"))
        {
            var next = await CallRuntimeApiAsync("SubnetInfoRuntimeApi", "get_next_epoch_start_block", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (next.Unwrap() is ScaleVariant { Name: "Some" } some) return (ulong)some.Fields[0].Value.AsNumber();
        }
        var tempo = (ulong)(await ReadSubtensorAsync("Tempo", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))!.AsNumber();
        var block = await GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        return EpochSchedule.NextEpochBlock(block, netuid, tempo);
    }

    private static ScaleValue FirstField(ChainEvent e) => e.Fields switch
    {
        ScaleComposite { Fields.Count: > 0 } c => c.Fields[0].Value,
        ScaleSequence { Items.Count: > 0 } s => s.Items[0],
        var v => v,
    };

    private static string Text(ScaleValue value) => value.Unwrap() switch
    {
        ScaleSequence s => System.Text.Encoding.UTF8.GetString(s.Items.Select(i => (byte)i.AsNumber()).ToArray()),
        ScaleBytes b => System.Text.Encoding.UTF8.GetString(b.Value),
        ScaleString t => t.Value,
        _ => "",
    };
}
