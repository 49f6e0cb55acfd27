using System.Globalization;
using System.Text;

namespace Neuron3D.Assets.Formats.Ply;

/// <summary>
/// The exact input rules of the SN17 SPZ compressor (`pyspz.compress`, spec §4.1): a PLY that breaks any of them is
/// refused by the subnet's pipeline even if it is a valid PLY. Miners check their output with this before sending.
/// </summary>
public static class Sn17PlyConstraints
{
    /// <summary>Largest vertex count the compressor accepts.</summary>
    public const int MaxVertexCount = PlyReadOptions.Sn17MaxVertexCount;

    /// <summary>Throws unless <paramref name="ply"/> satisfies every compressor rule.</summary>
    /// <exception cref="PlyFormatException">Names the rule broken and the header line.</exception>
    public static void Validate(ReadOnlySpan<byte> ply)
    {
        var position = 0;
        var names = new List<string>();
        long vertexCount = 0;
        for (var lineNumber = 1; ; lineNumber++)
        {
            var newline = ply[position..].IndexOf((byte)'\n');
            if (newline < 0) throw new PlyFormatException("file ends inside the header (no `end_header` line)", lineNumber);
            var line = ply.Slice(position, newline);
            position += newline + 1;
            if (line.IndexOf((byte)'\r') >= 0) throw new PlyFormatException("CR in header: lines must end with LF only", lineNumber);
            var text = Encoding.ASCII.GetString(line);
            switch (lineNumber)
            {
                case 1:
                    if (text != "ply") throw new PlyFormatException("line 1 must be exactly `ply`", lineNumber);
                    continue;
                case 2:
                    if (text != "format binary_little_endian 1.0") throw new PlyFormatException("line 2 must be exactly `format binary_little_endian 1.0`", lineNumber);
                    continue;
                case 3:
                    const string prefix = "element vertex ";
                    if (!text.StartsWith(prefix, StringComparison.Ordinal)
                        || !long.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out vertexCount))
                        throw new PlyFormatException("line 3 must be `element vertex <count>`", lineNumber);
                    if (vertexCount is <= 0 or > MaxVertexCount)
                        throw new PlyFormatException($"vertex count {vertexCount} is outside 1..{MaxVertexCount}", lineNumber, "vertex");
                    continue;
            }
            if (text == "end_header") break;
            var words = text.Split(' ');
            if (words.Length != 3 || words[0] != "property" || words[1] != "float")
                throw new PlyFormatException($"only `property float <name>` lines may follow the vertex element, got `{text}`", lineNumber, "vertex");
            names.Add(words[2]);
        }
        foreach (var required in PlySplatReader.RequiredProperties)
            if (!names.Contains(required)) throw new PlyFormatException("required property is missing", element: "vertex", property: required);
        var rest = 0;
        while (rest < PlySplatReader.MaxShRestProperties && names.Contains($"f_rest_{rest}")) rest++;
        if (rest % 3 != 0) throw new PlyFormatException($"{rest} `f_rest_*` properties: not a multiple of 3", element: "vertex");
        var bodyBytes = vertexCount * names.Count * sizeof(float);
        if (ply.Length - position < bodyBytes)
            throw new PlyFormatException($"body has {ply.Length - position} bytes, {bodyBytes} needed for {vertexCount} rows", element: "vertex");
    }
}
