using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Subnet17.Miner;

namespace Neuron3D.Subnet17.Network;

/// <summary>
/// The SN17 view of a subnet's metagraph read from a subtensor node through <see cref="SubtensorClient.GetMetagraphAsync"/>
/// (all neurons at one block; the client follows runtime upgrades and keeps the snapshot of an unchanged best block).
/// </summary>
public sealed class ChainMetagraphSource : IMetagraphSource, IAsyncDisposable
{
    private readonly SubtensorClient _client;
    private readonly bool _ownsClient;

    /// <param name="client">A connected client.</param>
    /// <param name="netuid">The subnet.</param>
    /// <param name="ownsClient">Dispose <paramref name="client"/> with this source.</param>
    public ChainMetagraphSource(SubtensorClient client, ushort netuid, bool ownsClient = false)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Netuid = netuid;
        _ownsClient = ownsClient;
    }

    /// <summary>The subnet read.</summary>
    public ushort Netuid { get; }

    /// <summary>Connects to <paramref name="endpoint"/> (reading the runtime's metadata), so an unreachable or wrong node fails here.</summary>
    /// <exception cref="RpcConnectionException">The node cannot be reached.</exception>
    public static async Task<ChainMetagraphSource> ConnectAsync(Uri endpoint, ushort netuid, CancellationToken cancellationToken, RpcClientOptions? options = null)
    {
        var client = await SubtensorClient.ConnectAsync(endpoint, new SubtensorClientOptions { Rpc = options ?? new RpcClientOptions() }, cancellationToken)
            .ConfigureAwait(false);
        return new ChainMetagraphSource(client, netuid, ownsClient: true);
    }

    /// <inheritdoc />
    /// <remarks>Rows are indexed by uid (row i has uid i), as <see cref="ValidatorSelector"/> expects.</remarks>
    public async Task<IReadOnlyList<NeuronView>> ReadNeuronsAsync(CancellationToken cancellationToken)
    {
        var metagraph = await _client.GetMetagraphAsync(Netuid, cancellationToken: cancellationToken).ConfigureAwait(false);
        var neurons = metagraph.Neurons;
        for (var i = 0; i < neurons.Count; i++)
            if (neurons[i].Uid != i)
                throw new FormatException($"{NeuronsLite.StateCallMethod} for netuid {Netuid} has uid {neurons[i].Uid} at row {i}: the uids are not 0…n-1");
        return neurons.Select(NeuronsLite.ToView).ToList();
    }

    /// <summary>Closes the connection when this source opened it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsClient) await _client.DisposeAsync().ConfigureAwait(false);
    }
}
