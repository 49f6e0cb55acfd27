using BenchmarkDotNet.Attributes;
using Neuron3D.Bittensor.Subtensor;

namespace Neuron3D.Bench;

/// <summary>
/// A whole metagraph read from a live local chain: <see cref="SubtensorClient.GetMetagraphAsync"/> (block hash, header,
/// runtime-version check, <c>get_neurons_lite</c> state call, typed decode) over one reused connection. bench/metagraph.sh
/// starts the chain, creates the subnet with ../shared/localchain/lifecycle.mjs and measures @polkadot/api reading the same
/// subnet in the same run. Endpoint and netuid come from NEURON3D_BENCH_ENDPOINT and NEURON3D_BENCH_NETUID.
/// </summary>
[MemoryDiagnoser]
public class MetagraphReadBenchmarks
{
    private SubtensorClient _client = null!;
    private ushort _netuid;

    [GlobalSetup]
    public void Setup()
    {
        var endpoint = Environment.GetEnvironmentVariable("NEURON3D_BENCH_ENDPOINT")
            ?? throw new InvalidOperationException("set NEURON3D_BENCH_ENDPOINT (bench/metagraph.sh does)");
        _netuid = ushort.Parse(Environment.GetEnvironmentVariable("NEURON3D_BENCH_NETUID") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
        _client = SubtensorClient.ConnectAsync(new Uri(endpoint), new SubtensorClientOptions { BuildDevBlocks = false }).GetAwaiter().GetResult();
    }

    /// <summary>Warm: the best block has not changed, the client returns its snapshot after one chain_getBlockHash.</summary>
    [Benchmark]
    public int ReadMetagraph() => _client.GetMetagraphAsync(_netuid).GetAwaiter().GetResult().Neurons.Count;

    /// <summary>Cold: best block hash, the <c>get_neurons_lite</c> state call and the typed decode, nothing cached.</summary>
    [Benchmark]
    public int ReadNeuronsUncached()
    {
        var hash = _client.Chain.GetBlockHashAsync().GetAwaiter().GetResult();
        var bytes = _client.Chain.StateCallAsync(NeuronInfoLite.StateCallMethod, NeuronInfoLite.Arguments(_netuid), hash).GetAwaiter().GetResult();
        return NeuronInfoLite.DecodeList(_client.Metadata, bytes).Count;
    }

    [GlobalCleanup]
    public void Cleanup() => _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
