using System.Runtime.CompilerServices;
using System.Text.Json;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;
using Neuron3D.Bittensor.Storage;

namespace Neuron3D.Bittensor.Chain;

/// <summary>
/// Typed reads over <see cref="SubstrateRpcClient"/>: runtime version, headers and hashes, metadata (newest version
/// the runtime offers), storage values at the head or at a block hash, paged key enumeration and runtime API calls.
/// Block hashes are 0x-hex strings as the node returns them; null means the best block.
/// </summary>
public sealed class ChainClient : IAsyncDisposable
{
    private ChainClient(SubstrateRpcClient rpc) => Rpc = rpc;

    /// <summary>The underlying JSON-RPC client (subscriptions, raw requests, dev RPCs of a local chain).</summary>
    public SubstrateRpcClient Rpc { get; }

    /// <summary>Connects to <paramref name="endpoint"/> (ws:// or wss://).</summary>
    /// <exception cref="RpcConnectionException">The node cannot be reached.</exception>
    public static async Task<ChainClient> ConnectAsync(Uri endpoint, RpcClientOptions? options = null, CancellationToken cancellationToken = default) =>
        new(await SubstrateRpcClient.ConnectAsync(endpoint, options, cancellationToken).ConfigureAwait(false));

    /// <summary>Spec/transaction version of the runtime at <paramref name="blockHash"/>.</summary>
    public async Task<RuntimeVersion> GetRuntimeVersionAsync(string? blockHash = null, CancellationToken cancellationToken = default) =>
        RuntimeVersion.FromJson(await Rpc.RequestAsync("state_getRuntimeVersion", At(blockHash), cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary>Hash of block <paramref name="number"/> (genesis = 0), or of the best block when null.</summary>
    /// <exception cref="RpcProtocolException">No such block (the node answered null).</exception>
    public async Task<string> GetBlockHashAsync(uint? number = null, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.RequestAsync("chain_getBlockHash", number is { } n ? [n] : [], cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.String ? result.GetString()!
            : throw new RpcProtocolException($"the node knows no block {number}");
    }

    /// <summary>Header of <paramref name="blockHash"/>, or of the best block.</summary>
    public async Task<BlockHeader> GetHeaderAsync(string? blockHash = null, CancellationToken cancellationToken = default) =>
        BlockHeader.FromJson(await Rpc.RequestAsync("chain_getHeader", At(blockHash), cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The runtime metadata at <paramref name="blockHash"/>: the newest version among 16 and 15 that the runtime
    /// offers through <c>Metadata_metadata_at_version</c>, else V14 from <c>state_getMetadata</c>.
    /// </summary>
    public async Task<RuntimeMetadata> GetMetadataAsync(string? blockHash = null, CancellationToken cancellationToken = default)
    {
        uint[] versions = [];
        try
        {
            var listed = await StateCallAsync("Metadata_metadata_versions", ReadOnlyMemory<byte>.Empty, blockHash, cancellationToken).ConfigureAwait(false);
            var reader = new ScaleReader(listed);
            versions = reader.ReadSequence(static (ref ScaleReader r) => r.ReadU32(), 4);
        }
        catch (RpcException)
        {
            // Old runtimes lack the API; state_getMetadata below still works.
        }
        foreach (var version in new uint[] { 16, 15 })
        {
            if (!versions.Contains(version)) continue;
            var bytes = await StateCallAsync("Metadata_metadata_at_version", BitConverter.GetBytes(version), blockHash, cancellationToken).ConfigureAwait(false);
            if (RuntimeMetadata.ParseMetadataAtVersionResult(bytes) is { } metadata) return metadata;
        }
        return await GetMetadataAsync(14, blockHash, cancellationToken).ConfigureAwait(false) ?? throw new RpcProtocolException("no metadata");
    }

    /// <summary>Metadata of exactly <paramref name="version"/> (14 via <c>state_getMetadata</c>), or null if not offered.</summary>
    public async Task<RuntimeMetadata?> GetMetadataAsync(uint version, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        if (version == 14)
        {
            var hex = await Rpc.RequestAsync<string>("state_getMetadata", At(blockHash), cancellationToken: cancellationToken).ConfigureAwait(false);
            var metadata = RuntimeMetadata.Parse(Hex.Decode(hex));
            return metadata.Version == 14 ? metadata : null;
        }
        var bytes = await StateCallAsync("Metadata_metadata_at_version", BitConverter.GetBytes(version), blockHash, cancellationToken).ConfigureAwait(false);
        return RuntimeMetadata.ParseMetadataAtVersionResult(bytes);
    }

    /// <summary>Raw storage value under <paramref name="key"/>, or null when absent.</summary>
    public async Task<byte[]?> GetStorageAsync(ReadOnlyMemory<byte> key, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.RequestAsync("state_getStorage", [Hex.Encode(key.Span), .. At(blockHash)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.String ? Hex.Decode(result.GetString()!) : null;
    }

    /// <summary>
    /// Reads and decodes <paramref name="item"/>[<paramref name="keys"/>]; absent values give the item's default
    /// (Default modifier) or null (Optional modifier).
    /// </summary>
    public async Task<ScaleValue?> ReadStorageAsync(StorageItem item, ScaleValue[] keys, string? blockHash = null, CancellationToken cancellationToken = default) =>
        item.DecodeValueOrDefault(await GetStorageAsync(item.Key(keys), blockHash, cancellationToken).ConfigureAwait(false));

    /// <summary>Up to <paramref name="count"/> keys under <paramref name="prefix"/> after <paramref name="startKey"/> (exclusive), in key order.</summary>
    public async Task<IReadOnlyList<byte[]>> GetKeysPagedAsync(ReadOnlyMemory<byte> prefix, int count, ReadOnlyMemory<byte>? startKey = null,
        string? blockHash = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        object?[] parameters = [Hex.Encode(prefix.Span), count, startKey is { } s ? Hex.Encode(s.Span) : null, .. At(blockHash)];
        var keys = await Rpc.RequestAsync<string[]>("state_getKeysPaged", parameters, cancellationToken: cancellationToken).ConfigureAwait(false);
        return keys.Select(Hex.Decode).ToArray();
    }

    /// <summary>
    /// Every (key, value) of <paramref name="item"/> under the first <paramref name="partialKeys"/>, fetched in pages of
    /// <paramref name="pageSize"/> keys with one <c>state_queryStorageAt</c> per page. Pin <paramref name="blockHash"/>
    /// for a consistent snapshot (defaults to the best block at the start).
    /// </summary>
    public async IAsyncEnumerable<(byte[] Key, ScaleValue Value)> EnumerateStorageAsync(StorageItem item, ScaleValue[] partialKeys,
        int pageSize = 256, string? blockHash = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = item.PrefixKey(partialKeys);
        blockHash ??= await GetBlockHashAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        byte[]? start = null;
        while (true)
        {
            var keys = await GetKeysPagedAsync(prefix, pageSize, start, blockHash, cancellationToken).ConfigureAwait(false);
            if (keys.Count == 0) yield break;
            var values = await QueryStorageAtAsync(keys, blockHash, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < keys.Count; i++)
                if (values[i] is { } value)
                    yield return (keys[i], item.DecodeValue(value));
            if (keys.Count < pageSize) yield break;
            start = keys[^1];
        }
    }

    /// <summary>
    /// The raw values of <paramref name="keys"/> at <paramref name="blockHash"/> (or the head) in one
    /// <c>state_queryStorageAt</c> round trip; null where a key holds nothing. Same order as <paramref name="keys"/>.
    /// </summary>
    public async Task<byte[]?[]> QueryStorageAtAsync(IReadOnlyList<byte[]> keys, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0) return [];
        var changes = await Rpc.RequestAsync("state_queryStorageAt", [keys.Select(k => Hex.Encode(k)).ToArray(), .. At(blockHash)],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in changes.EnumerateArray())
        foreach (var change in set.GetProperty("changes").EnumerateArray())
            values[change[0].GetString()!] = change[1].ValueKind == JsonValueKind.String ? change[1].GetString() : null;
        return keys.Select(k => values.TryGetValue(Hex.Encode(k), out var hex) && hex is not null ? Hex.Decode(hex) : null).ToArray();
    }

    /// <summary>Calls runtime API function <paramref name="method"/> (e.g. <c>NeuronInfoRuntimeApi_get_neurons_lite</c>) with SCALE arguments.</summary>
    public async Task<byte[]> StateCallAsync(string method, ReadOnlyMemory<byte> arguments, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var hex = await Rpc.RequestAsync<string>("state_call", [method, Hex.Encode(arguments.Span), .. At(blockHash)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return Hex.Decode(hex);
    }

    /// <summary>The next nonce of <paramref name="ss58Address"/>, counting transactions still in the pool.</summary>
    public async Task<uint> GetNextNonceAsync(string ss58Address, CancellationToken cancellationToken = default) =>
        await Rpc.RequestAsync<uint>("system_accountNextIndex", [ss58Address], cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Everything <paramref name="signer"/> must sign besides the call, read from the chain now (immortal era unless given).</summary>
    public async Task<SigningContext> GetSigningContextAsync(Sr25519Keypair signer, ulong tip = 0, CancellationToken cancellationToken = default)
    {
        var version = await GetRuntimeVersionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var genesis = Hex.Decode(await GetBlockHashAsync(0, cancellationToken).ConfigureAwait(false));
        var nonce = await GetNextNonceAsync(signer.Ss58Address, cancellationToken).ConfigureAwait(false);
        return new SigningContext(version.SpecVersion, version.TransactionVersion, genesis, nonce, Era.Immortal, null, tip);
    }

    /// <summary>
    /// Submits <paramref name="extrinsic"/> with <c>author_submitAndWatchExtrinsic</c> and waits until it is in a block
    /// (or finalized, when <paramref name="waitForFinalization"/>), then returns its events and dispatch result.
    /// On a chain that builds blocks on demand, build one while this waits.
    /// </summary>
    /// <exception cref="RpcException">The pool refused it (1010 Invalid Transaction, e.g. bad signature or no funds).</exception>
    /// <exception cref="RpcConnectionException">The connection dropped while watching; check the chain for the outcome.</exception>
    public async Task<ExtrinsicOutcome> SubmitAndWatchAsync(RuntimeMetadata metadata, byte[] extrinsic, bool waitForFinalization = false,
        CancellationToken cancellationToken = default)
    {
        var hex = Hex.Encode(extrinsic);
        await using var watch = await Rpc.SubmitAndWatchAsync(hex, cancellationToken).ConfigureAwait(false);
        await foreach (var status in watch.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (status.ValueKind == JsonValueKind.Object)
            {
                if (status.TryGetProperty(waitForFinalization ? "finalized" : "inBlock", out var block))
                    return await GetOutcomeAsync(metadata, block.GetString()!, hex, cancellationToken).ConfigureAwait(false);
                if (!waitForFinalization && status.TryGetProperty("finalized", out var finalized))
                    return await GetOutcomeAsync(metadata, finalized.GetString()!, hex, cancellationToken).ConfigureAwait(false);
                foreach (var terminal in new[] { "usurped", "dropped", "invalid", "finalityTimeout" })
                    if (status.TryGetProperty(terminal, out _)) throw new RpcProtocolException($"extrinsic {terminal}: {status.GetRawText()}");
            }
            else if (status.ValueKind == JsonValueKind.String && status.GetString() is "dropped" or "invalid" or "usurped")
            {
                throw new RpcProtocolException($"extrinsic {status.GetString()}");
            }
        }
        throw new RpcProtocolException("the extrinsic watch ended without inclusion");
    }

    /// <summary>Finds <paramref name="extrinsicHex"/> in block <paramref name="blockHash"/> and decodes the events it emitted.</summary>
    public async Task<ExtrinsicOutcome> GetOutcomeAsync(RuntimeMetadata metadata, string blockHash, string extrinsicHex, CancellationToken cancellationToken = default)
    {
        var block = await Rpc.RequestAsync("chain_getBlock", [blockHash], cancellationToken: cancellationToken).ConfigureAwait(false);
        var index = block.GetProperty("block").GetProperty("extrinsics").EnumerateArray()
            .Select((e, i) => (e, i)).FirstOrDefault(x => string.Equals(x.e.GetString(), extrinsicHex, StringComparison.OrdinalIgnoreCase), (default, -1)).Item2;
        if (index < 0) throw new RpcProtocolException($"extrinsic not found in block {blockHash}");

        var eventsItem = new StorageItem(metadata, "System", "Events");
        var records = await ReadStorageAsync(eventsItem, [], blockHash, cancellationToken).ConfigureAwait(false);
        var events = new List<ChainEvent>();
        ChainDispatchException? failure = null;
        foreach (var record in ((ScaleSequence)records!.Unwrap()).Items)
        {
            if (record["phase"] is not ScaleVariant { Name: "ApplyExtrinsic" } phase || (int)phase.Fields[0].Value.AsNumber() != index) continue;
            var palletEvent = (ScaleVariant)record["event"];
            var inner = (ScaleVariant)palletEvent.Fields[0].Value;
            var fields = new ScaleComposite(inner.Fields);
            events.Add(new ChainEvent(palletEvent.Name, inner.Name, fields));
            if (palletEvent.Name == "System" && inner.Name == "ExtrinsicFailed")
            {
                failure = ChainDispatchException.FromDispatchError(metadata, inner.Fields[0].Value, blockHash);
            }
        }
        return new ExtrinsicOutcome(blockHash, index, events, failure);
    }

    private static object?[] At(string? blockHash) => blockHash is null ? [] : [blockHash];

    /// <summary>Closes the connection.</summary>
    public ValueTask DisposeAsync() => Rpc.DisposeAsync();
}
