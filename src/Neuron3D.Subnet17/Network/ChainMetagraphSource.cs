using Neuron3D.Bittensor.Chain;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Subnet17.Miner;

namespace Neuron3D.Subnet17.Network;

/// <summary>
/// The miner's metagraph read from a subtensor node: the lite neurons of one subnet
/// (<see cref="NeuronsLite"/>), all read at one block. The runtime metadata, needed to decode the typed result,
/// is fetched once and again only when the runtime's spec version changes (runtime upgrades).
/// </summary>
public sealed class ChainMetagraphSource : IMetagraphSource, IAsyncDisposable
{
    private readonly ChainClient _chain;
    private readonly bool _ownsChain;
    private readonly SemaphoreSlim _metadataGate = new(1, 1);
    private RuntimeMetadata? _metadata;
    private uint _metadataSpecVersion;

    /// <param name="chain">A connected client.</param>
    /// <param name="netuid">The subnet.</param>
    /// <param name="ownsChain">Dispose <paramref name="chain"/> with this source.</param>
    public ChainMetagraphSource(ChainClient chain, ushort netuid, bool ownsChain = false)
    {
        _chain = chain ?? throw new ArgumentNullException(nameof(chain));
        Netuid = netuid;
        _ownsChain = ownsChain;
    }

    /// <summary>The subnet read.</summary>
    public ushort Netuid { get; }

    /// <summary>Connects to <paramref name="endpoint"/> and reads the metadata once, so an unreachable or wrong node fails here.</summary>
    /// <exception cref="RpcConnectionException">The node cannot be reached.</exception>
    public static async Task<ChainMetagraphSource> ConnectAsync(Uri endpoint, ushort netuid, CancellationToken cancellationToken, RpcClientOptions? options = null)
    {
        var chain = await ChainClient.ConnectAsync(endpoint, options, cancellationToken).ConfigureAwait(false);
        var source = new ChainMetagraphSource(chain, netuid, ownsChain: true);
        try
        {
            var head = await chain.GetBlockHashAsync(null, cancellationToken).ConfigureAwait(false);
            await source.MetadataAtAsync(head, cancellationToken).ConfigureAwait(false);
            return source;
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Rows are indexed by uid (row i has uid i), as <see cref="ValidatorSelector"/> expects.</remarks>
    public async Task<IReadOnlyList<NeuronView>> ReadNeuronsAsync(CancellationToken cancellationToken)
    {
        var head = await _chain.GetBlockHashAsync(null, cancellationToken).ConfigureAwait(false);
        var metadata = await MetadataAtAsync(head, cancellationToken).ConfigureAwait(false);
        var result = await _chain.StateCallAsync(NeuronsLite.StateCallMethod, NeuronsLite.Arguments(Netuid), head, cancellationToken).ConfigureAwait(false);
        var neurons = NeuronsLite.Decode(metadata, result);
        for (var i = 0; i < neurons.Count; i++)
            if (neurons[i].Uid != i)
                throw new FormatException($"{NeuronsLite.StateCallMethod} for netuid {Netuid} has uid {neurons[i].Uid} at row {i}: the uids are not 0…n-1");
        return neurons;
    }

    private async Task<RuntimeMetadata> MetadataAtAsync(string blockHash, CancellationToken cancellationToken)
    {
        var version = await _chain.GetRuntimeVersionAsync(blockHash, cancellationToken).ConfigureAwait(false);
        await _metadataGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_metadata is null || _metadataSpecVersion != version.SpecVersion)
            {
                _metadata = await _chain.GetMetadataAsync(blockHash, cancellationToken).ConfigureAwait(false);
                _metadataSpecVersion = version.SpecVersion;
            }
            return _metadata;
        }
        finally
        {
            _metadataGate.Release();
        }
    }

    /// <summary>Closes the connection when this source opened it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsChain) await _chain.DisposeAsync().ConfigureAwait(false);
        _metadataGate.Dispose();
    }
}
