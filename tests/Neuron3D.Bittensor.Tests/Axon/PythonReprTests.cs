using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>Python's str()/repr() renderings that the body hash depends on; expectations printed by CPython 3.</summary>
public sealed class PythonReprTests
{
    public static TheoryData<double, string> Floats => new()
    {
        { 1.0, "1.0" }, { 0.1, "0.1" }, { 1e-05, "1e-05" }, { 1e+20, "1e+20" }, { 12.0, "12.0" }, { 0.0012, "0.0012" },
        { 1e16, "1e+16" }, { 1e15, "1000000000000000.0" }, { 123456789012345678.0, "1.2345678901234568e+17" },
        { -0.0, "-0.0" }, { 0.0, "0.0" }, { 0.0001, "0.0001" }, { 1.5e300, "1.5e+300" }, { 5e-324, "5e-324" }, { 2.5, "2.5" },
        { -3.75e-7, "-3.75e-07" }, { 9999999999999998.0, "9999999999999998.0" }, { 0.30000000000000004, "0.30000000000000004" },
        { 1.0 / 3, "0.3333333333333333" }, { 1e22, "1e+22" }, { 1.7976931348623157e308, "1.7976931348623157e+308" },
        { 100.0, "100.0" }, { 123.456, "123.456" }, { double.PositiveInfinity, "inf" }, { double.NegativeInfinity, "-inf" },
        { double.NaN, "nan" },
    };

    [Theory]
    [MemberData(nameof(Floats))]
    public void Float_repr_matches_CPython(double value, string expected) => Assert.Equal(expected, PythonRepr.Float(value));

    [Fact]
    public void Float_repr_round_trips_and_always_reads_as_a_float()
    {
        Gen.Double.Where(double.IsFinite).Sample(value =>
        {
            var text = PythonRepr.Float(value);
            Assert.Equal(value, double.Parse(text, CultureInfo.InvariantCulture));
            Assert.True(text.AsSpan().IndexOfAny('.', 'e') >= 0, text);
            Assert.DoesNotContain('E', text);
        });
    }

    public static TheoryData<string, string> Strings => new()
    {
        { "abc", "'abc'" },
        { "it's", "\"it's\"" },
        { "say \"hi\"", "'say \"hi\"'" },
        { "both ' and \"", "'both \\' and \"'" },
        { "tab\there", "'tab\\there'" },
        { "nl\n\r", "'nl\\n\\r'" },
        { "back\\slash", "'back\\\\slash'" },
        { "\u0000\u001f\u007f", "'\\x00\\x1f\\x7f'" },
        { "\u00e9 \u00fc \u00a0 \u00ad", "'\u00e9 \u00fc \\xa0 \\xad'" },
        { "\u200b", "'\\u200b'" },
        { "\ud835\udd18", "'\ud835\udd18'" },
        { "\u65e5\u672c", "'\u65e5\u672c'" },
        { "\u2028", "'\\u2028'" },
        { "\ue000", "'\\ue000'" },
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_repr_matches_CPython(string text, string expected)
    {
        var builder = new StringBuilder();
        PythonRepr.AppendStringRepr(builder, text);
        Assert.Equal(expected, builder.ToString());
    }

    public static TheoryData<string, string> JsonValues => new()
    {
        // spec §1.4 examples, then str() of top-level strings (raw) and scalars
        { "[1, 2, 3]", "[1, 2, 3]" },
        { "[\"a\", \"b\"]", "['a', 'b']" },
        { "{\"a\": 1, \"b\": [1.5, \"x\"]}", "{'a': 1, 'b': [1.5, 'x']}" },
        { "[0.25, 1e-05, 1e+20]", "[0.25, 1e-05, 1e+20]" },
        { "\"raw text\"", "raw text" },
        { "5", "5" },
        { "5.0", "5.0" },
        { "true", "True" },
        { "false", "False" },
        { "null", "None" },
        { "{\"x\": null, \"y\": true, \"z\": []}", "{'x': None, 'y': True, 'z': []}" },
        { "123456789012345678901234567890", "123456789012345678901234567890" },
    };

    [Theory]
    [MemberData(nameof(JsonValues))]
    public void Str_of_model_dump_values_matches_CPython(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, PythonRepr.Str(document.RootElement));
    }

    [Theory]
    [InlineData("12.0", 12.0)]
    [InlineData("1e-05", 1e-05)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    public void Header_floats_parse_like_Python_float(string text, double expected)
    {
        Assert.True(PythonRepr.TryParseFloat(text, out var value));
        Assert.Equal(expected, value);
    }
}
