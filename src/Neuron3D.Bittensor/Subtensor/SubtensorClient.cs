using Neuron3D.Bittensor.Chain;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Storage;

namespace Neuron3D.Bittensor.Subtensor;

/// <summary>Settings of a <see cref="SubtensorClient"/>; the defaults suit finney.</summary>
public sealed record SubtensorClientOptions
{
    /// <summary>Connection limits and reconnect policy.</summary>
    public RpcClientOptions Rpc { get; init; } = new();

    /// <summary>How long a submitted extrinsic may take to reach a block. Default 2 minutes (10 finney blocks).</summary>
    public TimeSpan InclusionTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait for finality instead of inclusion. Default false (inclusion, as btcli's default).</summary>
    public bool WaitForFinalization { get; init; }

    /// <summary>
    /// Build blocks on a development chain (chopsticks in Manual mode) while waiting for inclusion: when the node
    /// offers <c>dev_newBlock</c>, one block is requested after each <see cref="DevBlockDelay"/> without inclusion.
    /// Null (default) = detect from <c>rpc_methods</c>; false = never.
    /// </summary>
    public bool? BuildDevBlocks { get; init; }

    /// <summary>How long to wait for a block before asking a development chain for one. Default 1 s.</summary>
    public TimeSpan DevBlockDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Tip in rao added to fee-paying extrinsics. Default 0.</summary>
    public ulong Tip { get; init; }
}

/// <summary>
/// Subtensor as a typed API: balances, subnets, registration, stake, axons, weights (with commit-reveal) and the
/// metagraph. Every call is encoded from the runtime's own metadata (re-read when the runtime upgrades), signed with
/// sr25519, submitted and watched until it is in a block; failures come back as <see cref="ChainDispatchException"/>
/// (included, module error named from metadata) or <see cref="ExtrinsicRejectedException"/> (refused by the pool).
/// Amounts are rao (1 TAO = 10⁹ rao). Thread-safe; one connection, reused.
/// </summary>
public sealed partial class SubtensorClient : IAsyncDisposable
{
    private const string Pallet = "SubtensorModule";
    private readonly SemaphoreSlim _metadataGate = new(1, 1);
    private readonly SubtensorClientOptions _options;
    private RuntimeMetadata _metadata;
    private RuntimeVersion _version;
    private byte[]? _genesis;
    private bool _devBlocks;

    private SubtensorClient(ChainClient chain, RuntimeMetadata metadata, RuntimeVersion version, SubtensorClientOptions options)
    {
        Chain = chain;
        _metadata = metadata;
        _version = version;
        _options = options;
    }

    /// <summary>The underlying chain client (raw storage, runtime APIs, RPC).</summary>
    public ChainClient Chain { get; }

    /// <summary>The metadata of the runtime as last seen.</summary>
    public RuntimeMetadata Metadata => Volatile.Read(ref _metadata);

    /// <summary>The runtime version as last seen.</summary>
    public RuntimeVersion RuntimeVersion => Volatile.Read(ref _version);

    /// <summary>The node address.</summary>
    public Uri Endpoint => Chain.Rpc.Endpoint;

    /// <summary>True when blocks are built on request while waiting (a development chain in Manual mode).</summary>
    public bool BuildsDevBlocks => _devBlocks;

    /// <summary>Connects, reads the runtime version and metadata, and checks that the runtime is subtensor.</summary>
    /// <exception cref="RpcConnectionException">The node cannot be reached.</exception>
    /// <exception cref="SubtensorStateException">The runtime has no SubtensorModule.</exception>
    public static async Task<SubtensorClient> ConnectAsync(Uri endpoint, SubtensorClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SubtensorClientOptions();
        var chain = await ChainClient.ConnectAsync(endpoint, options.Rpc, cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await chain.GetRuntimeVersionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var metadata = await chain.GetMetadataAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!metadata.Pallets.Any(p => p.Name == Pallet))
                throw new SubtensorStateException($"{endpoint} runs '{version.SpecName}' without a {Pallet}: not a Bittensor chain");
            var client = new SubtensorClient(chain, metadata, version, options);
            client._devBlocks = options.BuildDevBlocks ?? await OffersDevBlocksAsync(chain, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await chain.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<bool> OffersDevBlocksAsync(ChainClient chain, CancellationToken cancellationToken)
    {
        try
        {
            var methods = await chain.Rpc.RequestAsync("rpc_methods", [], cancellationToken: cancellationToken).ConfigureAwait(false);
            return methods.TryGetProperty("methods", out var list) && list.EnumerateArray().Any(m => m.GetString() == "dev_newBlock");
        }
        catch (RpcException)
        {
            return false;
        }
    }

    /// <summary>The best block's number.</summary>
    public async Task<uint> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        (await Chain.GetHeaderAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Number;

    /// <summary>
    /// The metadata valid at <paramref name="blockHash"/> (or the head): re-read when the runtime's spec version
    /// changed since the last look, so encodings follow runtime upgrades.
    /// </summary>
    public async Task<RuntimeMetadata> RefreshMetadataAsync(string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var version = await Chain.GetRuntimeVersionAsync(blockHash, cancellationToken).ConfigureAwait(false);
        if (version.SpecVersion == RuntimeVersion.SpecVersion && version.TransactionVersion == RuntimeVersion.TransactionVersion) return Metadata;
        await _metadataGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (version.SpecVersion != RuntimeVersion.SpecVersion || version.TransactionVersion != RuntimeVersion.TransactionVersion)
            {
                Volatile.Write(ref _metadata, await Chain.GetMetadataAsync(blockHash, cancellationToken).ConfigureAwait(false));
                Volatile.Write(ref _version, version);
            }
            return Metadata;
        }
        finally
        {
            _metadataGate.Release();
        }
    }

    /// <summary>Reads <c>Pallet.Item[keys]</c> at <paramref name="blockHash"/> (or the head), decoded; null for an absent Optional value.</summary>
    public Task<ScaleValue?> ReadAsync(string pallet, string item, ScaleValue[] keys, string? blockHash = null, CancellationToken cancellationToken = default) =>
        Chain.ReadStorageAsync(new StorageItem(Metadata, pallet, item), keys, blockHash, cancellationToken);

    /// <summary>Reads a <c>SubtensorModule</c> storage item.</summary>
    public Task<ScaleValue?> ReadSubtensorAsync(string item, ScaleValue[] keys, string? blockHash = null, CancellationToken cancellationToken = default) =>
        ReadAsync(Pallet, item, keys, blockHash, cancellationToken);

    /// <summary>
    /// Calls runtime API <paramref name="api"/>.<paramref name="method"/> with arguments encoded from the metadata and
    /// decodes the result with the declared return type (metadata V15+).
    /// </summary>
    /// <exception cref="MetadataLookupException">The runtime has no such API method.</exception>
    public async Task<ScaleValue> CallRuntimeApiAsync(string api, string method, ScaleValue[] arguments, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var metadata = Metadata;
        var definition = metadata.RuntimeApi(api).Method(method);
        if (definition.Inputs.Count != arguments.Length)
            throw new ArgumentException($"{api}_{method} takes {definition.Inputs.Count} arguments, not {arguments.Length}", nameof(arguments));
        var encoded = definition.Inputs.Zip(arguments).SelectMany(p => metadata.Types.Encode(p.First.TypeId, p.Second)).ToArray();
        var result = await Chain.StateCallAsync($"{api}_{method}", encoded, blockHash, cancellationToken).ConfigureAwait(false);
        return metadata.Types.Decode(definition.OutputTypeId, result);
    }

    /// <summary>True when the runtime offers <paramref name="api"/>.<paramref name="method"/>.</summary>
    public bool HasRuntimeApi(string api, string method) =>
        Metadata.Apis.FirstOrDefault(a => a.Name == api)?.Methods.Any(m => m.Name == method) == true;

    /// <summary>
    /// Signs <paramref name="call"/> (encoded call bytes) with <paramref name="signer"/>, submits it and waits for
    /// inclusion (or finality); returns its events. Throws when it failed on chain, was refused, or timed out.
    /// </summary>
    /// <exception cref="ChainDispatchException">Included but failed; the module error is named from the metadata.</exception>
    /// <exception cref="ExtrinsicRejectedException">Refused by the transaction pool (bad signature, no funds, custom subtensor checks).</exception>
    /// <exception cref="InclusionTimeoutException">Not in a block within <see cref="SubtensorClientOptions.InclusionTimeout"/>.</exception>
    public async Task<ExtrinsicOutcome> SubmitAsync(string operation, Sr25519Keypair signer, Func<RuntimeMetadata, byte[]> call, CancellationToken cancellationToken = default)
    {
        var metadata = await RefreshMetadataAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var version = RuntimeVersion;
        _genesis ??= Hex.Decode(await Chain.GetBlockHashAsync(0, cancellationToken).ConfigureAwait(false));
        var nonce = await Chain.GetNextNonceAsync(signer.Ss58Address, cancellationToken).ConfigureAwait(false);
        var context = new SigningContext(version.SpecVersion, version.TransactionVersion, _genesis, nonce, Era.Immortal, null, _options.Tip);
        var extrinsic = ExtrinsicBuilder.BuildSigned(metadata, call(metadata), signer, context);
        var hash = Hex.Encode(StorageHashing.Hash(StorageHasher.Blake2_256, extrinsic));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.InclusionTimeout);
        var watch = Chain.SubmitAndWatchAsync(metadata, extrinsic, _options.WaitForFinalization, deadline.Token);
        try
        {
            if (_devBlocks) await BuildUntilDoneAsync(watch, deadline.Token).ConfigureAwait(false);
            return (await watch.ConfigureAwait(false)).EnsureSuccess();
        }
        catch (RpcException e) when (e.Code is 1010 or 1011 or 1012 or 1013 or 1014)
        {
            throw new ExtrinsicRejectedException(operation, ExtrinsicRejectedException.Describe(e), e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InclusionTimeoutException(operation, hash, _options.InclusionTimeout);
        }
    }

    private async Task BuildUntilDoneAsync(Task watch, CancellationToken cancellationToken)
    {
        while (!watch.IsCompleted)
        {
            await Task.WhenAny(watch, Task.Delay(_options.DevBlockDelay, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (watch.IsCompleted) return;
            await BuildBlocksAsync(1, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Wraps <paramref name="call"/> in <c>Sudo.sudo</c> signed by the sudo key and checks the inner result from the
    /// <c>Sudo.Sudid</c> event (the outer extrinsic succeeds even when the inner call fails).
    /// </summary>
    /// <exception cref="ChainDispatchException">The inner call failed (its module error named).</exception>
    public async Task<ExtrinsicOutcome> SudoAsync(string operation, Sr25519Keypair sudoKey, Func<RuntimeMetadata, ScaleValue> call, CancellationToken cancellationToken = default)
    {
        var outcome = await SubmitAsync(operation, sudoKey, m => m.EncodeCall("Sudo", "sudo", call(m)), cancellationToken).ConfigureAwait(false);
        var sudid = outcome.Events.FirstOrDefault(e => e is { Pallet: "Sudo", Name: "Sudid" })
            ?? throw new RpcProtocolException($"{operation}: no Sudo.Sudid event in block {outcome.BlockHash}");
        var result = sudid.Fields is ScaleComposite { Fields.Count: > 0 } fields ? fields.Fields[0].Value : sudid.Fields;
        if (result.Unwrap() is ScaleVariant { Name: "Err" } err)
            throw ChainDispatchException.FromDispatchError(Metadata, err.Fields[0].Value, outcome.BlockHash);
        return outcome;
    }

    /// <summary>Builds <paramref name="count"/> blocks on a development chain (chopsticks <c>dev_newBlock</c>).</summary>
    /// <exception cref="RpcException">The node is not a development chain.</exception>
    public async Task BuildBlocksAsync(int count = 1, CancellationToken cancellationToken = default) =>
        await Chain.Rpc.RequestAsync("dev_newBlock", [new { count }], TimeSpan.FromSeconds(60 + 5 * count), cancellationToken).ConfigureAwait(false);

    /// <summary>Builds one block numbered <paramref name="height"/> on a development chain (chopsticks <c>unsafeBlockHeight</c>): the fast way over waits counted in blocks.</summary>
    public async Task JumpToBlockAsync(uint height, CancellationToken cancellationToken = default) =>
        await Chain.Rpc.RequestAsync("dev_newBlock", [new { count = 1, unsafeBlockHeight = height }], TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);

    /// <summary>Closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await Chain.DisposeAsync().ConfigureAwait(false);
        _metadataGate.Dispose();
    }
}
