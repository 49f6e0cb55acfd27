using System.IO.Compression;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Storage;

namespace Neuron3D.Bench;

/// <summary>
/// Metadata-driven SCALE decoding of a synthetic 256-neuron <c>NeuronInfoRuntimeApi_get_neurons_lite</c> result
/// (the metagraph's bulk read) and storage-key building. bench/chain.sh runs @polkadot/types on the same blob shape,
/// typed from the same V15 metadata (tools/js/chain-bench.mjs), and prints the ratio.
/// </summary>
[MemoryDiagnoser]
public class ChainBenchmarks
{
    /// <summary>Neurons in the synthetic result; tools/js/chain-bench.mjs builds the same 256.</summary>
    public const int Neurons = 256;

    private RuntimeMetadata _metadata = null!;
    private uint _outputType;
    private byte[] _blob = null!;
    private StorageItem _alpha = null!;
    private readonly byte[] _hotkey = Enumerable.Repeat((byte)7, 32).ToArray();

    [GlobalSetup]
    public void Setup()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Neuron3D.slnx"))) root = root.Parent;
        var fixture = Path.Combine(root?.FullName ?? throw new InvalidOperationException("repository root not found"),
            "tests", "Neuron3D.Bittensor.Tests", "Metadata", "Fixtures", "localnet-293-v15-at-version.scale.gz");
        using var gzip = new GZipStream(File.OpenRead(fixture), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        _metadata = RuntimeMetadata.ParseMetadataAtVersionResult(bytes.ToArray())!;
        _outputType = _metadata.RuntimeApi("NeuronInfoRuntimeApi").Method("get_neurons_lite").OutputTypeId;

        static string Fill(int b) => "0x" + Convert.ToHexStringLower(Enumerable.Repeat((byte)b, 32).ToArray());
        var neurons = new JsonArray();
        for (var i = 0; i < Neurons; i++)
        {
            neurons.Add(JsonNode.Parse($$"""
                {"hotkey":"{{Fill(i & 0xff)}}","coldkey":"{{Fill((i + 1) & 0xff)}}","uid":{{i}},"netuid":17,"active":true,
                 "axon_info":{"block":{{1000 + i}},"version":1,"ip":2130706434,"port":{{8091 + i}},"ip_type":4,"protocol":4,"placeholder1":0,"placeholder2":0},
                 "prometheus_info":{"block":0,"version":0,"ip":0,"port":0,"ip_type":0},
                 "stake":[["{{Fill((i + 1) & 0xff)}}",{{1_000_000_000_000 + i}}]],"rank":0,"emission":{{1_000_000_000 + i}},"incentive":{{i * 100}},
                 "consensus":{{i * 50}},"trust":0,"validator_trust":0,"dividends":0,"last_update":{{5000 + i}},"validator_permit":{{(i < 64 ? "true" : "false")}},"pruning_score":65535}
                """));
        }
        _blob = _metadata.Types.Encode(_outputType, _metadata.Types.FromJson(_outputType, neurons));
        _alpha = new StorageItem(_metadata, "SubtensorModule", "Alpha");
    }

    [Benchmark(Description = "decode 256 NeuronInfoLite")]
    public ScaleValue DecodeNeuronsLite() => _metadata.Types.Decode(_outputType, _blob);

    [Benchmark(Description = "Alpha(hot, cold, netuid) key")]
    public byte[] AlphaKey() => _alpha.Key(_hotkey, _hotkey, 17);
}
