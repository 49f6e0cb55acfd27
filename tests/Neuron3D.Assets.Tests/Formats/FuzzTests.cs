using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CsCheck;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Formats.Glb;
using Neuron3D.Assets.Formats.Obj;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Splats;
using Xunit.Abstractions;
using ZstdSharp;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>
/// Mutation fuzzing of every reader (≥ 100,000 inputs in total): each mutated valid seed must end in an asset or in
/// that format's typed exception — no other exception, no input slower than <see cref="PerInputLimit"/> or allocating
/// more than <see cref="PerInputAllocationLimit"/> (readers run under reduced caps, as a validator would configure them).
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(2);

    /// <summary>Seeds are at most a few kB; no mutation of them may make a reader allocate more than this.</summary>
    private const long PerInputAllocationLimit = 32 << 20;

    private static readonly PlyReadOptions PlyCaps = new() { MaxVertexCount = 100_000, MaxFaceCount = 100_000, MaxTriangleCount = 200_000, MaxInputBytes = 1 << 20 };
    private static readonly SpzReadOptions SpzCaps = new() { MaxPoints = 100_000, MaxInputBytes = 1 << 20 };
    private static readonly ObjReadOptions ObjCaps = new() { MaxVertexCount = 100_000, MaxTriangleCount = 200_000, MaxInputBytes = 1 << 20 };
    private static readonly GlbReadOptions GlbCaps = new() { MaxVertexCount = 100_000, MaxTriangleCount = 200_000, MaxInputBytes = 1 << 20 };

    private static readonly byte[][] PlySeeds =
    [
        PlySplatWriter.Write(SplatSamples.Random(12, 1, seed: 1)),
        PlySplatWriter.Write(SplatSamples.Random(5, 0, seed: 2), new PlySplatWriteOptions { IncludeNormals = false }),
        PlyMeshWriter.Write(MeshSamples.Cube()),
        PlyMeshWriter.Write(MeshSamples.Random(6, 4, colors: true, normals: true, seed: 3), new PlyMeshWriteOptions { ColorEncoding = PlyColorEncoding.Float32 }),
        Encoding.ASCII.GetBytes("ply\nformat ascii 1.0\ncomment hand-made\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
            + "property float f_dc_0\nproperty float f_dc_1\nproperty float f_dc_2\nproperty float opacity\nproperty float scale_0\nproperty float scale_1\n"
            + "property float scale_2\nproperty float rot_0\nproperty float rot_1\nproperty float rot_2\nproperty float rot_3\nproperty uchar red\n"
            + "element face 1\nproperty list uchar int vertex_indices\nend_header\n"
            + "0 0 0 1 2 3 0 -5 -5 -5 1 0 0 0 255\n1 0 0 1 2 3 inf -5 -5 -5 1 0 0 0 0\n0 1 0 1 2 3 -inf -5 -5 -5 1 0 0 0 7\n3 0 1 2\n"),
        BigEndianSplatPly(),
    ];

    private static readonly byte[][] SpzSeeds =
    [
        SpzCodec.Encode(SplatSamples.Random(10, 1, seed: 4)),
        SpzCodec.Encode(SplatSamples.Random(6, 0, seed: 5), new SpzWriteOptions { Variant = SpzVariant.UpstreamGzipV2 }),
        SpzCodec.Encode(SplatSamples.Random(6, 2, seed: 6), new SpzWriteOptions { Variant = SpzVariant.UpstreamGzipV3 }),
        SpzCodec.Encode(SplatSamples.Random(8, 3, seed: 7), new SpzWriteOptions { Variant = SpzVariant.UpstreamV4 }),
    ];

    private static readonly byte[][] SpzPayloadSeeds =
    [
        SpzCodec.EncodePayload(SplatSamples.Random(7, 0, seed: 8)),
        SpzCodec.EncodePayload(SplatSamples.Random(4, 3, seed: 9), version: 3),
    ];

    private static readonly byte[][] ObjSeeds =
    [
        ObjMeshWriter.Write(MeshSamples.Cube()),
        ObjMeshWriter.Write(MeshSamples.Random(6, 4, colors: true, normals: true, seed: 10)),
        Encoding.ASCII.GetBytes("# quad\nv 0 0 0\nv 1 0 0 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvt 1 1\nvn 0 0 1\ng g\nusemtl m\nf 1/1/1 2/2/1 3/1/1 4/2/1\nf -4//1 -3//1 -2//1\n"),
    ];

    private static readonly byte[][] GlbSeeds =
    [
        GlbMeshWriter.Write(MeshSamples.Cube()),
        GlbMeshWriter.Write(MeshSamples.Random(5, 3, colors: true, normals: true, seed: 11)),
        GlbMeshWriter.Write(new([1, 2, 3], [])),
    ];

    private static byte[] BigEndianSplatPly()
    {
        var header = "ply\nformat binary_big_endian 1.0\nelement vertex 2\n"
            + string.Concat(PlySplatReader.RequiredProperties.Select(n => $"property float {n}\n")) + "end_header\n";
        var body = new byte[2 * 14 * 4];
        for (var k = 0; k < 28; k++) BinaryPrimitives.WriteSingleBigEndian(body.AsSpan(4 * k), k * 0.25f);
        return [.. Encoding.ASCII.GetBytes(header), .. body];
    }

    /// <summary>Runs <paramref name="read"/> on mutations of the seeds; only <typeparamref name="TError"/> may escape.</summary>
    private void Fuzz<TError>(string name, byte[][] seeds, int inputs, Action<byte[]> read, Func<byte[], byte[]>? wrap = null, bool seedsAreValid = true)
        where TError : Exception
    {
        if (seedsAreValid)
            foreach (var seed in seeds) read(wrap is null ? seed : wrap(seed));
        var rejected = 0L;
        var total = Stopwatch.StartNew();
        Mutation.Of(seeds.Length).Sample(
            input =>
            {
                var bytes = Mutation.Apply(seeds[input.Seed], input.Mutations, seeds);
                if (wrap is not null) bytes = wrap(bytes);
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                try
                {
                    read(bytes);
                }
                catch (TError)
                {
                    Interlocked.Increment(ref rejected);
                }
                Assert.True(clock.Elapsed < PerInputLimit, $"{name}: one input took {clock.Elapsed.TotalMilliseconds:F0} ms");
                var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                Assert.True(allocated < PerInputAllocationLimit, $"{name}: one input of {bytes.Length} bytes allocated {allocated} bytes");
            },
            iter: inputs,
            print: input => $"seed {input.Seed}, mutations {string.Join(", ", input.Mutations)}");
        output.WriteLine($"{name}: {inputs} inputs, {rejected} rejected with {typeof(TError).Name}, {total.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Ply_readers_survive_mutations()
    {
        Fuzz<PlyFormatException>("PLY splats", PlySeeds.Where(s => s.AsSpan().IndexOf("f_dc_0"u8) >= 0).ToArray(), 15_000, b => PlySplatReader.Read(b, PlyCaps));
        Fuzz<PlyFormatException>("PLY meshes", PlySeeds, 15_000, b => PlyMeshReader.Read(b, PlyCaps));
        Fuzz<PlyFormatException>("PLY SN17 rules", PlySeeds[..2], 5_000, b => Sn17PlyConstraints.Validate(b));
    }

    [Fact]
    public void Spz_decoder_survives_mutations()
    {
        Fuzz<SpzFormatException>("SPZ files", SpzSeeds, 15_000, b => SpzCodec.Decode(b, SpzCaps));
        // Mutating inside the compression reaches the header and plane checks only rarely; these mutate the payload.
        Fuzz<SpzFormatException>("SPZ payloads", SpzPayloadSeeds, 5_000, b => SpzCodec.DecodePayload(b, SpzCaps));
        Fuzz<SpzFormatException>("SPZ payloads in zstd", SpzPayloadSeeds, 5_000, b => SpzCodec.Decode(b, SpzCaps), Zstd);
        Fuzz<SpzFormatException>("SPZ payloads in gzip", SpzPayloadSeeds, 5_000, b => SpzCodec.Decode(b, SpzCaps), Gzip);
    }

    [Fact]
    public void Obj_reader_survives_mutations() =>
        Fuzz<ObjFormatException>("OBJ", ObjSeeds, 20_000, b => ObjMeshReader.Read(b, ObjCaps));

    [Fact]
    public void Glb_reader_survives_mutations()
    {
        Fuzz<GlbFormatException>("GLB files", GlbSeeds, 10_000, b => GlbMeshReader.Read(b, GlbCaps));
        // Mutating the JSON chunk and re-wrapping it in a consistent container reaches SharpGLTF's parser and validator.
        var seed = GlbSeeds[1];
        Fuzz<GlbFormatException>("GLB JSON", [JsonChunk(seed)], 10_000, b => GlbMeshReader.Read(b, GlbCaps), json => Glb(json, BinChunk(seed)));
    }

    [Fact]
    public void Facade_raises_only_asset_format_errors_for_mutated_files_of_any_format()
    {
        var seeds = PlySeeds.Concat(SpzSeeds).Concat(ObjSeeds).Concat(GlbSeeds).ToArray();
        var options = new AssetReadOptions { Ply = PlyCaps, Spz = SpzCaps, Obj = ObjCaps, Glb = GlbCaps };
        Fuzz<AssetFormatException>("AssetFile", seeds, 5_000, b =>
        {
            try
            {
                AssetFile.ReadSplats(b, "asset.obj", options);
            }
            catch (NotSupportedException)
            {
                AssetFile.ReadMesh(b, "asset.obj", options);
            }
        }, seedsAreValid: false);
    }

    private static byte[] Zstd(byte[] payload)
    {
        using var compressor = new Compressor(1);
        return compressor.Wrap(payload).ToArray();
    }

    private static byte[] Gzip(byte[] payload)
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(payload);
        return stream.ToArray();
    }

    private static byte[] JsonChunk(byte[] glb) => glb.AsSpan(20, BinaryPrimitives.ReadInt32LittleEndian(glb.AsSpan(12))).ToArray();

    private static byte[] BinChunk(byte[] glb)
    {
        var jsonEnd = 20 + BinaryPrimitives.ReadInt32LittleEndian(glb.AsSpan(12));
        return glb.AsSpan(jsonEnd + 8, BinaryPrimitives.ReadInt32LittleEndian(glb.AsSpan(jsonEnd))).ToArray();
    }

    /// <summary>A GLB container with correct lengths and 4-byte padding around the given chunks.</summary>
    private static byte[] Glb(byte[] json, byte[] bin)
    {
        var jsonPadded = (json.Length + 3) / 4 * 4;
        var binPadded = (bin.Length + 3) / 4 * 4;
        var file = new byte[12 + 8 + jsonPadded + 8 + binPadded];
        BinaryPrimitives.WriteUInt32LittleEndian(file, 0x46546C67);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), (uint)file.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(12), (uint)jsonPadded);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), 0x4E4F534A);
        json.CopyTo(file, 20);
        file.AsSpan(20 + json.Length, jsonPadded - json.Length).Fill((byte)' ');
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20 + jsonPadded), (uint)binPadded);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24 + jsonPadded), 0x004E4942);
        bin.CopyTo(file, 28 + jsonPadded);
        return file;
    }
}
