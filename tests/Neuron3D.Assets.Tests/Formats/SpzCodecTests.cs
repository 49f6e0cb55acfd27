using System.Buffers.Binary;
using System.IO.Compression;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Splats;
using ZstdSharp;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>SPZ variants, quantisation rules (spec §4.2–4.3) and refusal of bad or hostile input.</summary>
public class SpzCodecTests
{
    public static TheoryData<SpzVariant, int> VariantsAndDegrees()
    {
        var data = new TheoryData<SpzVariant, int>();
        foreach (var variant in Enum.GetValues<SpzVariant>())
            for (var degree = 0; degree <= 3; degree++)
                data.Add(variant, degree);
        return data;
    }

    [Theory]
    [MemberData(nameof(VariantsAndDegrees))]
    public void Every_variant_round_trips_within_quantisation_bounds(SpzVariant variant, int degree)
    {
        var cloud = SplatSamples.Random(300, degree, seed: 10 + degree);
        var file = SpzCodec.Encode(cloud, new SpzWriteOptions { Variant = variant });
        var decoded = SpzCodec.Decode(file, out var info);
        Assert.Equal(variant, info.Variant);
        Assert.Equal((300, degree, 12), (info.PointCount, info.ShDegree, info.FractionalBits));
        SplatAssert.WithinSpzBounds(cloud, decoded, 12, smallestThree: variant is SpzVariant.UpstreamGzipV3 or SpzVariant.UpstreamV4);
        // Decoding is idempotent: the decoded values re-encode to the same bytes.
        Assert.Equal(SpzCodec.Encode(decoded, new SpzWriteOptions { Variant = variant }), SpzCodec.Encode(SpzCodec.Decode(file), new SpzWriteOptions { Variant = variant }));
    }

    [Fact]
    public void Detection_by_magic()
    {
        var cloud = SplatSamples.Random(3, 0, seed: 1);
        Assert.Equal(SpzVariant.Sn17Zstd, SpzCodec.Detect(SpzCodec.Encode(cloud)));
        Assert.Equal(SpzVariant.UpstreamGzipV2, SpzCodec.Detect(SpzCodec.Encode(cloud, new SpzWriteOptions { Variant = SpzVariant.UpstreamGzipV3 })));
        Assert.Equal(SpzVariant.UpstreamV4, SpzCodec.Detect(SpzCodec.Encode(cloud, new SpzWriteOptions { Variant = SpzVariant.UpstreamV4 })));
        Assert.Null(SpzCodec.Detect("ply\n"u8));
    }

    [Fact]
    public void Alpha_extremes_decode_to_infinities_and_back()
    {
        Assert.Equal(float.NegativeInfinity, SpzQuantization.DecodeAlpha(0));
        Assert.Equal(float.PositiveInfinity, SpzQuantization.DecodeAlpha(255));
        Assert.Equal(0, SpzQuantization.EncodeAlpha(float.NegativeInfinity));
        Assert.Equal(255, SpzQuantization.EncodeAlpha(float.PositiveInfinity));
        for (var b = 0; b < 256; b++) Assert.Equal(b, SpzQuantization.EncodeAlpha(SpzQuantization.DecodeAlpha((byte)b)));
    }

    [Fact]
    public void Every_colour_scale_and_sh_byte_is_a_fixed_point_of_decode_then_encode()
    {
        for (var b = 0; b < 256; b++)
        {
            Assert.Equal(b, SpzQuantization.EncodeColor(SpzQuantization.DecodeColor((byte)b)));
            Assert.Equal(b, SpzQuantization.EncodeScale(SpzQuantization.DecodeScale((byte)b)));
            if (b % 16 == 0) Assert.Equal(b, SpzQuantization.EncodeSh(SpzQuantization.DecodeSh((byte)b), 16));
            if (b % 8 == 0) Assert.Equal(b, SpzQuantization.EncodeSh(SpzQuantization.DecodeSh((byte)b), 8));
        }
    }

    public static TheoryData<float, int, byte> ShVectors => new()
    {
        { 0f, 8, 128 },          // round(0)+128 = 128, already on the bucket
        { 0.1f, 8, 144 },        // 12.8 → 13 + 128 = 141 → (141+4)/8·8 = 144
        { -0.1f, 16, 112 },      // −13 + 128 = 115 → (115+8)/16·16 = 112
        { 1.5f, 8, 255 },        // 192 + 128 = 320 → clamped
        { -1.5f, 16, 0 },        // −192 + 128 = −64 → truncating division → −48 → clamped to 0
    };

    [Theory]
    [MemberData(nameof(ShVectors))]
    public void Sh_quantisation_snaps_to_buckets(float value, int bucket, byte expected) =>
        Assert.Equal(expected, SpzQuantization.EncodeSh(value, bucket));

    [Fact]
    public void Positions_wrap_past_the_fixed_point_range_without_clamping()
    {
        Span<byte> bytes = stackalloc byte[3];
        SpzQuantization.EncodePosition(2048f, 4096f, bytes); // 2048·4096 = 2^23: sign bit set after wrap
        Assert.Equal(-2048f, SpzQuantization.DecodePosition(bytes, 1 / 4096f));
    }

    [Fact]
    public void Smallest_three_packs_the_largest_index_in_the_top_bits()
    {
        Span<byte> bytes = stackalloc byte[4];
        SpzQuantization.EncodeRotationSmallestThree([1f, 0f, 0f, 0f], bytes); // identity: w (index 3) is largest
        Assert.Equal(3u << 30, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        SpzQuantization.EncodeRotationSmallestThree([0f, -1f, 0f, 0f], bytes); // −x largest: index 0, all negated
        // Upstream's sign bit is (c < 0) xor negate, so the zeros of a negated quaternion carry sign bits 9, 19, 29.
        Assert.Equal(0x20080200u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Span<float> q = stackalloc float[4];
        SpzQuantization.DecodeRotationSmallestThree(bytes, q);
        Assert.Equal([0f, 1f, 0f, 0f], q.ToArray());
    }

    [Fact]
    public void Zero_quaternion_is_written_as_the_identity()
    {
        Span<byte> bytes = stackalloc byte[3];
        SpzQuantization.EncodeRotationFirstThree([0f, 0f, 0f, 0f], bytes);
        Assert.Equal([128, 128, 128], bytes.ToArray());
    }

    [Fact]
    public void Empty_cloud_round_trips_in_every_variant()
    {
        foreach (var variant in Enum.GetValues<SpzVariant>())
        {
            var decoded = SpzCodec.Decode(SpzCodec.Encode(new SplatCloud(0, 2), new SpzWriteOptions { Variant = variant }));
            Assert.Equal((0, 2), (decoded.Count, decoded.ShDegree));
        }
    }

    private static byte[] Zstd(byte[] payload)
    {
        using var compressor = new Compressor(1);
        return compressor.Wrap(payload).ToArray();
    }

    private static byte[] Gzip(byte[] payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(payload);
        return output.ToArray();
    }

    private static byte[] Header(uint version, uint count, byte degree, byte fractionalBits = 12)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x5053474E);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), version);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), count);
        header[12] = degree;
        header[13] = fractionalBits;
        return header;
    }

    public static TheoryData<byte[], string> BadSn17Files => new()
    {
        { [], "unrecognised container" },
        { "NGSP"u8.ToArray(), "uncompressed" },
        { Zstd([1, 2, 3]), "ends after 3 of 16 bytes" },
        { Zstd([.. Header(2, 1, 0).AsSpan(0, 4), 9, 0, 0, 0, .. Header(2, 1, 0).AsSpan(8)]), "version 9" },
        { Zstd([0, 0, 0, 0, .. Header(2, 1, 0).AsSpan(4)]), "magic" },
        { Zstd(Header(2, 1, 4)), "SH degree 4" },
        { Zstd(Header(2, 10_000_001, 0)), "exceed the cap" },
        { Zstd([.. Header(2, 2, 0), .. new byte[19]]), "implies 54" },
        { Zstd([.. Header(2, 1, 0), .. new byte[20]]), "zstd frame declares 36 bytes" },
        { Gzip([.. Header(2, 1, 0), .. new byte[20]]), "trailing data" },
        { Gzip([.. Header(3, 2, 0), .. new byte[20]]), "ends after 20 of 40 bytes" },
        { [.. Zstd([.. Header(2, 1, 0), .. new byte[19]]), .. Zstd([1])], "second frame" },
        { [0x28, 0xB5, 0x2F, 0xFD, 0xFF, 0xFF, 0xFF], "corrupt zstd" },
        { [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF], "corrupt gzip" },
    };

    [Theory]
    [MemberData(nameof(BadSn17Files))]
    public void Bad_files_raise_SpzFormatException(byte[] file, string message)
    {
        var e = Assert.Throws<SpzFormatException>(() => SpzCodec.Decode(file));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_inflated()
    {
        // 16-byte header claiming 10M points, followed by ~64 MB of zeros that compress to a few kB.
        var bomb = Zstd([.. Header(2, 9_999_999, 3), .. new byte[64 << 20]]);
        Assert.True(bomb.Length < 64 << 10);
        var options = new SpzReadOptions { MaxPoints = 1_000_000 };
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Contains("exceed the cap", Assert.Throws<SpzFormatException>(() => SpzCodec.Decode(bomb, options)).Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20, "the reader allocated megabytes for a refused file");
    }

    [Fact]
    public void A_frame_whose_declared_size_disagrees_with_its_header_is_refused_before_inflating()
    {
        var file = Zstd([.. Header(2, 1_000_000, 0), .. new byte[1000]]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Contains("zstd frame declares 1016 bytes", Assert.Throws<SpzFormatException>(() => SpzCodec.Decode(file)).Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20);
    }

    [Fact]
    public void Version_4_table_of_contents_is_checked()
    {
        var file = SpzCodec.Encode(SplatSamples.Random(50, 1, seed: 4), new SpzWriteOptions { Variant = SpzVariant.UpstreamV4 });
        var wrongStreams = (byte[])file.Clone();
        wrongStreams[15] = 5;
        Assert.Contains("need 6", Assert.Throws<SpzFormatException>(() => SpzCodec.Decode(wrongStreams)).Message);
        var wrongSize = (byte[])file.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(wrongSize.AsSpan(32 + 8), 1);
        Assert.Contains("declares 1 bytes", Assert.Throws<SpzFormatException>(() => SpzCodec.Decode(wrongSize)).Message);
        var hugeCompressed = (byte[])file.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(hugeCompressed.AsSpan(32), ulong.MaxValue);
        Assert.Contains("runs past the end", Assert.Throws<SpzFormatException>(() => SpzCodec.Decode(hugeCompressed)).Message);
        Assert.Contains("bytes follow the last stream", Assert.Throws<SpzFormatException>(() => SpzCodec.Decode([.. file, 0])).Message);
        Assert.Contains("shorter than its 32-byte header", Assert.Throws<SpzFormatException>(() => SpzCodec.Decode(file.AsSpan(0, 20))).Message);
    }

    [Fact]
    public void Version_1_half_float_positions_are_read()
    {
        var planes = new byte[16 + 6 + 1 + 3 + 3 + 3];
        Header(1, 1, 0).CopyTo(planes, 0);
        BinaryPrimitives.WriteHalfLittleEndian(planes.AsSpan(16), (Half)0.5f);
        BinaryPrimitives.WriteHalfLittleEndian(planes.AsSpan(18), (Half)(-2f));
        BinaryPrimitives.WriteHalfLittleEndian(planes.AsSpan(20), (Half)1024f);
        Assert.Equal([0.5f, -2f, 1024f], SpzCodec.Decode(Gzip(planes)).Positions);
    }

    [Fact]
    public void Degree_4_version_4_files_keep_degrees_0_to_3()
    {
        var cloud = SplatSamples.Random(20, 3, seed: 8);
        var file = SpzCodec.Encode(cloud, new SpzWriteOptions { Variant = SpzVariant.UpstreamV4 });
        // Rebuild the SH stream as degree 4: 24 coefficients per channel, the first 15 those of degree 3.
        var decoded = SpzCodec.Decode(file);
        var degree3 = new byte[20 * 45];
        var degree4 = new byte[20 * 72];
        var streams = Streams(file);
        Assert.Equal(6, streams.Count);
        streams[5].CopyTo(degree3, 0);
        for (var i = 0; i < 20; i++) degree3.AsSpan(45 * i, 45).CopyTo(degree4.AsSpan(72 * i));
        streams[5] = degree4;
        var rebuilt = BuildV4(20, 4, streams);
        var fromDegree4 = SpzCodec.Decode(rebuilt, out var info);
        Assert.Equal(4, info.ShDegree);
        SplatAssert.Equal(decoded, fromDegree4);
    }

    private static List<byte[]> Streams(byte[] file)
    {
        var count = file[15];
        var streams = new List<byte[]>();
        long offset = 32 + 16 * count;
        using var decompressor = new Decompressor();
        for (var s = 0; s < count; s++)
        {
            var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(32 + 16 * s));
            streams.Add(decompressor.Unwrap(file.AsSpan((int)offset, (int)size)).ToArray());
            offset += size;
        }
        return streams;
    }

    private static byte[] BuildV4(uint count, byte degree, List<byte[]> streams)
    {
        var compressed = streams.Select(Zstd).ToList();
        var output = new List<byte>();
        var header = new byte[32 + 16 * streams.Count];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x5053474E);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), count);
        header[12] = degree;
        header[13] = 12;
        header[15] = (byte)streams.Count;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 32);
        for (var s = 0; s < streams.Count; s++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(32 + 16 * s), (ulong)compressed[s].Length);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(40 + 16 * s), (ulong)streams[s].Length);
        }
        output.AddRange(header);
        foreach (var c in compressed) output.AddRange(c);
        return [.. output];
    }
}
