using System.Buffers.Binary;
using System.Text;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>3DGS PLY (spec §4.1): the SN17 layout, tolerant reading, and typed errors for bad files.</summary>
public class PlySplatTests
{
    [Fact]
    public void Hamburger_reads_as_listed_and_rewrites_byte_identically()
    {
        var cloud = PlySplatReader.Read(Fixtures.HamburgerPly);
        Assert.Equal(52_709, cloud.Count);
        Assert.Equal(0, cloud.ShDegree);
        // The fixture has exactly the pyspz.decompress layout, so writing it without normals gives the same bytes.
        Assert.Equal(Fixtures.HamburgerPly, PlySplatWriter.Write(cloud, new PlySplatWriteOptions { IncludeNormals = false }));
    }

    [Fact]
    public void Writer_emits_the_reference_generator_header()
    {
        var bytes = PlySplatWriter.Write(SplatSamples.Random(2, 1, seed: 1));
        var header = Encoding.ASCII.GetString(bytes, 0, bytes.AsSpan().IndexOf("end_header\n"u8) + "end_header\n".Length);
        var expected = "ply\nformat binary_little_endian 1.0\nelement vertex 2\n"
            + string.Concat(new[] { "x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2" }
                .Concat(Enumerable.Range(0, 9).Select(i => $"f_rest_{i}"))
                .Concat(["opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"])
                .Select(n => $"property float {n}\n"))
            + "end_header\n";
        Assert.Equal(expected, header);
        Assert.Equal(header.Length + 2 * 26 * 4, bytes.Length); // 3 + 3 + 3 + 9 + 1 + 3 + 4 floats per splat
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Writer_output_passes_the_sn17_compressor_rules_and_reads_back_exactly(int degree, bool normals)
    {
        var cloud = SplatSamples.Random(50, degree, seed: degree);
        var bytes = PlySplatWriter.Write(cloud, new PlySplatWriteOptions { IncludeNormals = normals });
        Sn17PlyConstraints.Validate(bytes);
        SplatAssert.Equal(cloud, PlySplatReader.Read(bytes));
        using var stream = new MemoryStream();
        PlySplatWriter.Write(cloud, stream, new PlySplatWriteOptions { IncludeNormals = normals });
        Assert.Equal(bytes, stream.ToArray());
    }

    [Fact]
    public void F_rest_is_channel_major_in_the_file_and_coefficient_major_in_the_cloud()
    {
        var cloud = new SplatCloud(1, 1);
        for (var k = 0; k < 9; k++) cloud.ShRest[k] = k; // [c0.r c0.g c0.b c1.r …]
        var bytes = PlySplatWriter.Write(cloud, new PlySplatWriteOptions { IncludeNormals = false });
        var body = bytes[(bytes.AsSpan().IndexOf("end_header\n"u8) + "end_header\n".Length)..];
        var fileRest = Enumerable.Range(0, 9).Select(i => BinaryPrimitives.ReadSingleLittleEndian(body.AsSpan((6 + i) * 4))).ToArray();
        Assert.Equal([0f, 3, 6, 1, 4, 7, 2, 5, 8], fileRest); // f_rest_0..2 = red of c0..c2, …
    }

    private static byte[] Ply(string header, params byte[][] body) =>
        [.. Encoding.ASCII.GetBytes(header), .. body.SelectMany(b => b)];

    private static byte[] Floats(bool bigEndian, params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
            if (bigEndian) BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(4 * i), values[i]);
            else BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        return bytes;
    }

    private const string ShuffledProperties =
        "property float rot_3\nproperty float rot_2\nproperty float rot_1\nproperty float rot_0\nproperty float opacity\n"
        + "property float scale_2\nproperty float scale_1\nproperty float scale_0\nproperty float f_dc_2\nproperty float f_dc_1\n"
        + "property float f_dc_0\nproperty float z\nproperty float y\nproperty float x\n";

    private static readonly float[] ShuffledRow = [14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

    private static void AssertShuffledRowRead(SplatCloud cloud)
    {
        Assert.Equal([1f, 2, 3], cloud.Positions);
        Assert.Equal([4f, 5, 6], cloud.ShDc);
        Assert.Equal(10f, cloud.OpacityLogits[0]);
        Assert.Equal([7f, 8, 9], cloud.LogScales);
        Assert.Equal([11f, 12, 13, 14], cloud.Rotations);
    }

    [Fact]
    public void Any_property_order_is_read_by_name()
    {
        var file = Ply("ply\nformat binary_little_endian 1.0\nelement vertex 1\n" + ShuffledProperties + "end_header\n", Floats(false, ShuffledRow));
        AssertShuffledRowRead(PlySplatReader.Read(file));
    }

    [Fact]
    public void Big_endian_is_read()
    {
        var file = Ply("ply\nformat binary_big_endian 1.0\nelement vertex 1\n" + ShuffledProperties + "end_header\n", Floats(true, ShuffledRow));
        AssertShuffledRowRead(PlySplatReader.Read(file));
    }

    [Fact]
    public void Ascii_with_comments_crlf_other_types_and_extra_elements_is_read()
    {
        var header = "ply\r\nformat ascii 1.0\r\ncomment made by hand\r\nelement camera 1\r\nproperty list uchar int ids\r\nproperty double fov\r\n"
            + "element vertex 1\r\n" + ShuffledProperties.Replace("property float x", "property double x").Replace("\n", "\r\n")
            + "property uchar red\r\nelement face 1\r\nproperty list uchar int vertex_indices\r\nend_header\r\n";
        var body = "2 7 8 49.1\r\n14 13 12 11 inf 9 8 7 6 5 4 3 2 1 255\r\n3 0 0 0\r\n";
        var cloud = PlySplatReader.Read(Encoding.ASCII.GetBytes(header + body));
        Assert.Equal(float.PositiveInfinity, cloud.OpacityLogits[0]);
        Assert.Equal([1f, 2, 3], cloud.Positions);
        Assert.Equal([11f, 12, 13, 14], cloud.Rotations);
    }

    [Fact]
    public void Normals_and_unknown_properties_are_ignored()
    {
        var file = Ply("ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty float nx\nproperty float ny\nproperty float nz\n"
            + ShuffledProperties + "property float custom\nend_header\n", Floats(false, [0, 0, 1, .. ShuffledRow, 99]));
        AssertShuffledRowRead(PlySplatReader.Read(file));
    }

    [Fact]
    public void Sh_degree_follows_the_f_rest_count_rounded_down_to_a_whole_degree()
    {
        // 6 f_rest values (2 per channel) are not a whole degree-1 set (3 per channel): degree 0, as the SN17 tools.
        var rest = string.Concat(Enumerable.Range(0, 6).Select(i => $"property float f_rest_{i}\n"));
        var file = Ply("ply\nformat binary_little_endian 1.0\nelement vertex 1\n" + ShuffledProperties + rest + "end_header\n", Floats(false, [.. ShuffledRow, 1, 2, 3, 4, 5, 6]));
        Assert.Equal(0, PlySplatReader.Read(file).ShDegree);
    }

    public static TheoryData<string, string, string> MalformedFiles => new()
    {
        { "", "header line 1", "file ends inside the header" },
        { "plx\nformat ascii 1.0\nend_header\n", "header line 1", "`ply`" },
        { "ply\nformat binary_middle_endian 1.0\nend_header\n", "header line 2", "unknown encoding" },
        { "ply\nformat ascii 1.0\nelement vertex -1\nend_header\n", "header line 3", "not a count" },
        { "ply\nformat ascii 1.0\nelement vertex 99999999999\nend_header\n", "header line 3", "not a count" },
        { "ply\nformat ascii 1.0\nproperty float x\nend_header\n", "header line 3", "before any `element`" },
        { "ply\nformat ascii 1.0\nelement vertex 1\nproperty half x\nend_header\n", "header line 4", "unknown scalar type" },
        { "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float x\nend_header\n", "property 'x'", "declared twice" },
        { "ply\nformat ascii 1.0\nelement vertex 0\nproperty float x\nend_header\n", "property 'y'", "missing" },
        { "ply\nformat ascii 1.0\nelement face 0\nend_header\n", "PLY:", "no `vertex` element" },
        { "ply\nformat ascii 1.0\nelement vertex 0\nwhat\nend_header\n", "header line 4", "unknown header keyword" },
        { "ply\nformat ascii 1.0\nelement vertex 20000000\nend_header\n", "element 'vertex'", "exceed the cap" },
        { "ply\nformat ascii 1.0\nelement vertex 1\nproperty list uchar float x\nend_header\n", "property 'x'", "scalar, not a list" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Malformed_headers_raise_a_typed_error_that_says_where(string file, string where, string what)
    {
        var e = Assert.Throws<PlyFormatException>(() => PlySplatReader.Read(Encoding.ASCII.GetBytes(file)));
        Assert.Contains(where, e.Message);
        Assert.Contains(what, e.Message);
    }

    private static string Header(string encoding, int count, string extra = "") =>
        $"ply\nformat {encoding} 1.0\nelement vertex {count}\n" + ShuffledProperties + extra + "end_header\n";

    [Fact]
    public void Truncated_binary_body_is_refused_before_allocating()
    {
        var e = Assert.Throws<PlyFormatException>(() => PlySplatReader.Read(Ply(Header("binary_little_endian", 1000), Floats(false, ShuffledRow))));
        Assert.Equal("vertex", e.Element);
        Assert.Contains("rows of at least 56 bytes", e.Message);
    }

    [Fact]
    public void Bad_ascii_token_names_row_property_and_line()
    {
        var e = Assert.Throws<PlyFormatException>(() => PlySplatReader.Read(Encoding.ASCII.GetBytes(Header("ascii", 2) + "14 13 12 11 10 9 8 7 6 5 4 3 2 1\n14 13 12 eleven 10 9 8 7 6 5 4 3 2 1\n")));
        Assert.Equal(("vertex", 1L, "rot_0"), (e.Element, e.Row, e.Property));
        Assert.Contains("line 20", e.Message);
    }

    [Fact]
    public void Ascii_integer_out_of_its_type_range_is_refused()
    {
        var file = Header("ascii", 1, "property uchar red\n") + "14 13 12 11 10 9 8 7 6 5 4 3 2 1 256\n";
        var e = Assert.Throws<PlyFormatException>(() => PlySplatReader.Read(Encoding.ASCII.GetBytes(file)));
        Assert.Equal("red", e.Property);
    }

    [Fact]
    public void List_longer_than_the_cap_is_refused()
    {
        var file = Header("ascii", 1, "property list uchar float extra\n") + "14 13 12 11 10 9 8 7 6 5 4 3 2 1 200" + string.Concat(Enumerable.Repeat(" 0", 200)) + "\n";
        var e = Assert.Throws<PlyFormatException>(() => PlySplatReader.Read(Encoding.ASCII.GetBytes(file), new PlyReadOptions { MaxListLength = 100 }));
        Assert.Equal("extra", e.Property);
    }

    [Fact]
    public void Vertex_cap_is_configurable()
    {
        var bytes = PlySplatWriter.Write(SplatSamples.Random(10, 0, seed: 3));
        Assert.Throws<PlyFormatException>(() => PlySplatReader.Read(bytes, new PlyReadOptions { MaxVertexCount = 9 }));
        Assert.Equal(10, PlySplatReader.Read(bytes, new PlyReadOptions { MaxVertexCount = 10 }).Count);
    }

    [Fact]
    public void Oversized_input_and_header_are_refused()
    {
        var bytes = PlySplatWriter.Write(SplatSamples.Random(10, 0, seed: 3));
        Assert.Throws<PlyFormatException>(() => PlySplatReader.Read(bytes, new PlyReadOptions { MaxInputBytes = bytes.Length - 1 }));
        Assert.Throws<PlyFormatException>(() => PlySplatReader.Read(new MemoryStream(bytes), new PlyReadOptions { MaxInputBytes = bytes.Length - 1 }));
        var e = Assert.Throws<PlyFormatException>(() => PlySplatReader.Read(bytes, new PlyReadOptions { MaxHeaderBytes = 100 }));
        Assert.Contains("100-byte cap", e.Message);
    }

    public static TheoryData<string, string> Sn17Violations => new()
    {
        { "ply\r\nformat binary_little_endian 1.0\n", "CR in header" },
        { "ply \nformat binary_little_endian 1.0\n", "exactly `ply`" },
        { "ply\nformat ascii 1.0\n", "line 2 must be" },
        { "ply\nformat binary_little_endian 1.0\nelement vertex 0\nend_header\n", "outside 1..10485760" },
        { "ply\nformat binary_little_endian 1.0\nelement vertex 10485761\nend_header\n", "outside 1..10485760" },
        { "ply\nformat binary_little_endian 1.0\ncomment x\n", "line 3 must be" },
        { "ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty double x\nend_header\n", "only `property float <name>`" },
        { "ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty float x\nelement face 0\nend_header\n", "only `property float <name>`" },
        { "ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty float x\nend_header\n", "property 'y'" },
    };

    [Theory]
    [MemberData(nameof(Sn17Violations))]
    public void Sn17_compressor_rules_are_enforced(string file, string message)
    {
        var e = Assert.Throws<PlyFormatException>(() => Sn17PlyConstraints.Validate(Encoding.ASCII.GetBytes(file)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Sn17_rules_refuse_f_rest_not_a_multiple_of_three_and_short_bodies()
    {
        var rest = string.Concat(Enumerable.Range(0, 4).Select(i => $"property float f_rest_{i}\n"));
        var withRest = Ply(Header("binary_little_endian", 1, rest), Floats(false, [.. ShuffledRow, 1, 2, 3, 4]));
        Assert.Contains("not a multiple of 3", Assert.Throws<PlyFormatException>(() => Sn17PlyConstraints.Validate(withRest)).Message);
        var shortBody = Ply(Header("binary_little_endian", 2), Floats(false, ShuffledRow));
        Assert.Contains("needed for 2 rows", Assert.Throws<PlyFormatException>(() => Sn17PlyConstraints.Validate(shortBody)).Message);
        Sn17PlyConstraints.Validate(Fixtures.HamburgerPly);
    }
}
