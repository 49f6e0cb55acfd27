using System.Security.Cryptography;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Splats;
using ZstdSharp;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>The SN17 fixtures and the spec's single-splat vector (spec §4.2, fixtures/sn17/README.md).</summary>
public class SpzFixtureTests
{
    private const int RobocopCount = 267_776;

    private static readonly Lazy<SplatCloud> Robocop = new(() => SpzCodec.Decode(Fixtures.RobocopSpz));

    /// <summary>The raw payload, decompressed by ZstdSharp directly (not through our codec).</summary>
    private static readonly Lazy<byte[]> RobocopPayload = new(() =>
    {
        using var decompressor = new Decompressor();
        return decompressor.Unwrap(Fixtures.RobocopSpz).ToArray();
    });

    [Fact]
    public void Robocop_file_and_payload_match_the_readme()
    {
        Assert.Equal(3_472_162, Fixtures.RobocopSpz.Length);
        Assert.Equal("39ea874fde8c65d5ad621d1a5c5c93df11cdf3473e924ff0a5d167593da95dd6", Convert.ToHexStringLower(SHA256.HashData(Fixtures.RobocopSpz)));
        Assert.Equal(5_087_760, RobocopPayload.Value.Length);
        Assert.Equal("35c2b3539614b003a02ed492b480d331a41a991af495845f87f5e63d4250b8d7", Convert.ToHexStringLower(SHA256.HashData(RobocopPayload.Value)));
        Assert.Equal("4e4753500200000000160400000c0000", Convert.ToHexStringLower(RobocopPayload.Value.AsSpan(0, 16)));
    }

    [Fact]
    public void Robocop_header_decodes_as_listed()
    {
        SpzCodec.Decode(Fixtures.RobocopSpz, out var info);
        Assert.Equal(new SpzInfo(SpzVariant.Sn17Zstd, 2, RobocopCount, 0, 12, false, 5_087_760), info);
        Assert.Equal(SpzVariant.Sn17Zstd, SpzCodec.Detect(Fixtures.RobocopSpz));
    }

    [Fact]
    public void Robocop_counts_infinite_alphas_and_position_ranges()
    {
        var cloud = Robocop.Value;
        Assert.Equal(RobocopCount, cloud.Count);
        Assert.Equal(0, cloud.ShDegree);
        Assert.Equal(13, cloud.OpacityLogits.Count(float.IsNegativeInfinity));
        Assert.Equal(62_319, cloud.OpacityLogits.Count(float.IsPositiveInfinity));
        (double Min, double Max) Range(int axis)
        {
            var values = Enumerable.Range(0, cloud.Count).Select(i => (double)cloud.Positions[3 * i + axis]).ToArray();
            return (Math.Round(values.Min(), 4), Math.Round(values.Max(), 4));
        }
        Assert.Equal((-0.3159, 0.3296), Range(0));
        Assert.Equal((-0.4990, 0.4983), Range(1));
        Assert.Equal((-0.1902, 0.2480), Range(2));
    }

    [Fact]
    public void Robocop_first_splat_matches_the_readme()
    {
        var cloud = Robocop.Value;
        Assert.Equal([-0.309326171875f, -0.03466796875f, -0.086669921875f], cloud.Positions[..3]);
        Assert.Equal([-7.0f, -6.9375f, -5.9375f], cloud.LogScales[..3]);
        Assert.Equal(MathF.Log(208 / 255f / (1 - 208 / 255f)), cloud.OpacityLogits[0]);
        Assert.Equal([(68 / 255f - 0.5f) / 0.15f, (67 / 255f - 0.5f) / 0.15f, (70 / 255f - 0.5f) / 0.15f], cloud.ShDc[..3]);
        float[] expectedWxyz = [0.79906f, -0.56863f, 0.03529f, 0.19216f];
        for (var k = 0; k < 4; k++) Assert.Equal(expectedWxyz[k], cloud.Rotations[k], 0.00001f);
    }

    [Fact]
    public void Robocop_last_splat_matches_the_readme()
    {
        var cloud = Robocop.Value;
        var i = RobocopCount - 1;
        Assert.Equal([1329 / 4096f, 978 / 4096f, 827 / 4096f], cloud.Positions[(3 * i)..(3 * i + 3)]);
        Assert.Equal(SpzQuantization.DecodeAlpha(93), cloud.OpacityLogits[i]);
        Assert.Equal([SpzQuantization.DecodeColor(135), SpzQuantization.DecodeColor(131), SpzQuantization.DecodeColor(130)], cloud.ShDc[(3 * i)..(3 * i + 3)]);
        Assert.Equal([52 / 16f - 10, 48 / 16f - 10, 78 / 16f - 10], cloud.LogScales[(3 * i)..(3 * i + 3)]);
        Assert.Equal(62 / 127.5f - 1, cloud.Rotations[4 * i + 1]);
        Assert.Equal(108 / 127.5f - 1, cloud.Rotations[4 * i + 2]);
        Assert.Equal(66 / 127.5f - 1, cloud.Rotations[4 * i + 3]);
    }

    [Fact]
    public void Robocop_reencodes_to_the_identical_payload()
    {
        var expected = RobocopPayload.Value;
        var actual = SpzCodec.EncodePayload(Robocop.Value);
        Assert.Equal(expected.Length, actual.Length);
        // Name the first differing attribute plane rather than dumping 5 MB.
        string[] planes = ["header", "positions", "alphas", "colours", "scales", "rotations"];
        int[] ends = [16, 16 + 9 * RobocopCount, 16 + 10 * RobocopCount, 16 + 13 * RobocopCount, 16 + 16 * RobocopCount, 16 + 19 * RobocopCount];
        var mismatch = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(mismatch == expected.Length, mismatch == expected.Length ? "" : $"first difference at byte {mismatch}, in the {planes[Array.FindIndex(ends, e => mismatch < e)]} plane");
    }

    [Fact]
    public void Robocop_sn17_encoding_is_one_frame_with_content_size_that_decodes_back()
    {
        var encoded = SpzCodec.Encode(Robocop.Value);
        Assert.Equal(SpzVariant.Sn17Zstd, SpzCodec.Detect(encoded));
        using var decompressor = new Decompressor();
        Assert.Equal(5_087_760UL, Decompressor.GetDecompressedSize(encoded));
        Assert.Equal(RobocopPayload.Value, decompressor.Unwrap(encoded).ToArray());
    }

    /// <summary>The spec's §4.2 single-splat vector, 35 bytes uncompressed.</summary>
    private const string SingleSplatPayloadHex =
        "4e4753500200000001000000000c0000" // header: NGSP, v2, N = 1, degree 0, 12 fractional bits
        + "9a010000fcff001000" // positions 410, −1024, 4096
        + "80" + "80ad61" + "505b00" + "808080"; // alpha, colours, scales, rotation xyz

    private static SplatCloud SingleSplat()
    {
        var cloud = new SplatCloud(1, 0);
        float[] position = [0.1f, -0.25f, 1.0f], scale = [-5.0f, -4.3f, -10.5f], dc = [0.0f, 1.2f, -0.8f], rotation = [1, 0, 0, 0];
        position.CopyTo(cloud.Positions, 0);
        scale.CopyTo(cloud.LogScales, 0);
        dc.CopyTo(cloud.ShDc, 0);
        rotation.CopyTo(cloud.Rotations, 0);
        cloud.OpacityLogits[0] = 0f;
        return cloud;
    }

    [Fact]
    public void Single_splat_vector_is_reproduced_byte_exactly()
    {
        var payload = SpzCodec.EncodePayload(SingleSplat());
        Assert.Equal(35, payload.Length);
        Assert.Equal(SingleSplatPayloadHex, Convert.ToHexStringLower(payload));
    }

    [Fact]
    public void Single_splat_vector_wrapped_for_the_wire_decompresses_to_the_vector()
    {
        var file = SpzCodec.Encode(SingleSplat());
        Assert.Equal(35UL, Decompressor.GetDecompressedSize(file));
        using var decompressor = new Decompressor();
        Assert.Equal(SingleSplatPayloadHex, Convert.ToHexStringLower(decompressor.Unwrap(file)));
    }

    [Fact]
    public void Single_splat_vector_decodes_to_the_quantised_values()
    {
        var cloud = SpzCodec.DecodePayload(Convert.FromHexString(SingleSplatPayloadHex));
        Assert.Equal([410 / 4096f, -0.25f, 1f], cloud.Positions);
        Assert.Equal([80 / 16f - 10, 91 / 16f - 10, -10f], cloud.LogScales);
        const float xyz = 128 / 127.5f - 1; // the identity is stored half a step off zero
        Assert.Equal([MathF.Sqrt(1 - 3 * xyz * xyz), xyz, xyz, xyz], cloud.Rotations);
        Assert.Equal(MathF.Log(128 / 255f / (1 - 128 / 255f)), cloud.OpacityLogits[0]);
    }

    [Fact]
    public void Hamburger_ply_round_trips_through_spz_within_quantisation_bounds()
    {
        var original = PlySplatReader.Read(Fixtures.HamburgerPly);
        Assert.Equal(52_709, original.Count);
        var spz = SpzCodec.Encode(original);
        var ply = PlySplatWriter.Write(SpzCodec.Decode(spz), new PlySplatWriteOptions { IncludeNormals = false });
        var back = PlySplatReader.Read(ply);
        SplatAssert.WithinSpzBounds(original, back, fractionalBits: 12);
    }
}
