using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Splats;
using ZstdSharp;

namespace Neuron3D.Bench;

/// <summary>
/// SPZ and PLY throughput on the SN17 robocop fixture (267,776 splats). bench/assets-formats.sh runs this next to
/// the `zstd` CLI on the same raw payload and prints MB/s and ratios.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class AssetFormatBenchmarks
{
    private byte[] _spz = [];
    private byte[] _payload = [];
    private byte[] _ply = [];
    private SplatCloud _cloud = null!;

    [GlobalSetup]
    public void Setup()
    {
        _spz = File.ReadAllBytes(FixturePath("robocop_with_hammer_in_one_hand.spz"));
        using var decompressor = new Decompressor();
        _payload = decompressor.Unwrap(_spz).ToArray();
        _cloud = SpzCodec.Decode(_spz);
        _ply = PlySplatWriter.Write(_cloud, new PlySplatWriteOptions { IncludeNormals = false });
    }

    /// <summary>Full SN17 decode: zstd frame → payload → quantised planes → float cloud.</summary>
    [Benchmark]
    public SplatCloud SpzDecode() => SpzCodec.Decode(_spz);

    /// <summary>Full SN17 encode at pyspz's default zstd level 1.</summary>
    [Benchmark]
    public byte[] SpzEncode() => SpzCodec.Encode(_cloud);

    /// <summary>Only the zstd part of decoding (ZstdSharp single-shot), to separate it from quantisation.</summary>
    [Benchmark]
    public int ZstdSharpDecompressOnly()
    {
        using var decompressor = new Decompressor();
        return decompressor.Unwrap(_spz).Length;
    }

    /// <summary>Only the zstd part of encoding (ZstdSharp level 1).</summary>
    [Benchmark]
    public int ZstdSharpCompressOnly()
    {
        using var compressor = new Compressor(1);
        return compressor.Wrap(_payload).Length;
    }

    /// <summary>Binary 3DGS PLY read of the robocop splats (14,995,818 bytes).</summary>
    [Benchmark]
    public SplatCloud PlyRead() => PlySplatReader.Read(_ply);

    /// <summary>Binary 3DGS PLY write of the robocop splats.</summary>
    [Benchmark]
    public byte[] PlyWrite() => PlySplatWriter.Write(_cloud, new PlySplatWriteOptions { IncludeNormals = false });

    private static string FixturePath(string name)
    {
        var shared = Environment.GetEnvironmentVariable("NEURON3D_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Neuron3D.slnx")))
                {
                    shared = Path.Combine(dir.FullName, "..", "shared");
                    break;
                }
        }
        return Path.Combine(shared ?? throw new InvalidOperationException("set NEURON3D_SHARED"), "fixtures", "sn17", name);
    }
}
