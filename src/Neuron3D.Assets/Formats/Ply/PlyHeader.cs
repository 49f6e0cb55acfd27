using System.Globalization;

namespace Neuron3D.Assets.Formats.Ply;

/// <summary>How a PLY body is encoded.</summary>
public enum PlyEncoding
{
    /// <summary>`format ascii 1.0`: whitespace-separated decimal numbers, one row per line.</summary>
    Ascii,

    /// <summary>`format binary_little_endian 1.0`, the 3DGS/SN17 encoding.</summary>
    BinaryLittleEndian,

    /// <summary>`format binary_big_endian 1.0`.</summary>
    BinaryBigEndian,
}

/// <summary>The scalar types PLY defines (both the classic and the sized spellings are accepted).</summary>
public enum PlyScalarType
{
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Float32,
    Float64,
}

/// <summary>One `property` line: a scalar, or a list (count type + item type).</summary>
public sealed record PlyProperty(string Name, PlyScalarType Type, PlyScalarType? ListCountType = null)
{
    /// <summary>True for `property list …`.</summary>
    public bool IsList => ListCountType is not null;
}

/// <summary>One `element` line with its properties, in file order.</summary>
public sealed record PlyElement(string Name, int Count, IReadOnlyList<PlyProperty> Properties)
{
    /// <summary>Index of the property named <paramref name="name"/>, or −1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Properties.Count; i++)
            if (Properties[i].Name == name) return i;
        return -1;
    }
}

/// <summary>A parsed PLY header: encoding, elements in file order and where the body starts.</summary>
public sealed record PlyHeader(PlyEncoding Encoding, IReadOnlyList<PlyElement> Elements, int BodyOffset, int LineCount)
{
    /// <summary>Parses the header at the start of <paramref name="file"/>, enforcing <paramref name="options"/>' caps.</summary>
    /// <exception cref="PlyFormatException">Not a PLY header, or a cap is exceeded.</exception>
    public static PlyHeader Parse(ReadOnlySpan<byte> file, PlyReadOptions options)
    {
        PlyEncoding? encoding = null;
        var elements = new List<(string Name, int Count, List<PlyProperty> Properties)>();
        var position = 0;
        var lineNumber = 0;
        while (true)
        {
            lineNumber++;
            var window = file[..Math.Min(file.Length, options.MaxHeaderBytes)];
            var newline = window[position..].IndexOf((byte)'\n');
            if (newline < 0)
                throw file.Length > options.MaxHeaderBytes
                    ? new PlyFormatException($"header is longer than the {options.MaxHeaderBytes}-byte cap", lineNumber)
                    : new PlyFormatException("file ends inside the header (no `end_header` line)", lineNumber);
            var lineBytes = file.Slice(position, newline);
            position += newline + 1;
            if (lineBytes.Length > 0 && lineBytes[^1] == (byte)'\r') lineBytes = lineBytes[..^1];
            foreach (var b in lineBytes)
                if (b is < 0x20 and not (byte)'\t' || b >= 0x7F)
                    throw new PlyFormatException("header contains a non-ASCII or control byte", lineNumber);
            var line = System.Text.Encoding.ASCII.GetString(lineBytes);
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

            if (lineNumber == 1)
            {
                if (line.Trim() != "ply") throw new PlyFormatException("first line must be `ply`", lineNumber);
                continue;
            }
            if (words.Length == 0) continue;
            switch (words[0])
            {
                case "format":
                    if (encoding is not null) throw new PlyFormatException("second `format` line", lineNumber);
                    if (words.Length != 3 || words[2] != "1.0") throw new PlyFormatException($"expected `format <encoding> 1.0`, got `{line}`", lineNumber);
                    encoding = words[1] switch
                    {
                        "ascii" => PlyEncoding.Ascii,
                        "binary_little_endian" => PlyEncoding.BinaryLittleEndian,
                        "binary_big_endian" => PlyEncoding.BinaryBigEndian,
                        _ => throw new PlyFormatException($"unknown encoding `{words[1]}`", lineNumber),
                    };
                    break;
                case "comment":
                case "obj_info":
                    break;
                case "element":
                    if (words.Length != 3) throw new PlyFormatException($"expected `element <name> <count>`, got `{line}`", lineNumber);
                    if (!long.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > int.MaxValue)
                        throw new PlyFormatException($"element count `{words[2]}` is not a count below 2^31", lineNumber, words[1]);
                    foreach (var e in elements)
                        if (e.Name == words[1]) throw new PlyFormatException("element declared twice", lineNumber, words[1]);
                    elements.Add((words[1], (int)count, []));
                    break;
                case "property":
                    if (elements.Count == 0) throw new PlyFormatException("`property` before any `element`", lineNumber);
                    var current = elements[^1];
                    PlyProperty property;
                    if (words.Length == 5 && words[1] == "list")
                        property = new PlyProperty(words[4], ParseType(words[3], lineNumber), ParseType(words[2], lineNumber));
                    else if (words.Length == 3)
                        property = new PlyProperty(words[2], ParseType(words[1], lineNumber));
                    else
                        throw new PlyFormatException($"expected `property <type> <name>` or `property list <count type> <item type> <name>`, got `{line}`", lineNumber, current.Name);
                    if (property.ListCountType is PlyScalarType.Float32 or PlyScalarType.Float64)
                        throw new PlyFormatException("list count type must be an integer type", lineNumber, current.Name, property: property.Name);
                    foreach (var p in current.Properties)
                        if (p.Name == property.Name) throw new PlyFormatException("property declared twice", lineNumber, current.Name, property: property.Name);
                    current.Properties.Add(property);
                    break;
                case "end_header":
                    if (encoding is null) throw new PlyFormatException("no `format` line before `end_header`", lineNumber);
                    var list = new List<PlyElement>(elements.Count);
                    foreach (var e in elements) list.Add(new PlyElement(e.Name, e.Count, e.Properties));
                    return new PlyHeader(encoding.Value, list, position, lineNumber);
                default:
                    throw new PlyFormatException($"unknown header keyword `{words[0]}`", lineNumber);
            }
        }
    }

    /// <summary>The element named <paramref name="name"/>, or null.</summary>
    public PlyElement? Find(string name)
    {
        foreach (var e in Elements)
            if (e.Name == name) return e;
        return null;
    }

    /// <summary>Size in bytes of one value of <paramref name="type"/> in a binary body.</summary>
    public static int SizeOf(PlyScalarType type) => type switch
    {
        PlyScalarType.Int8 or PlyScalarType.UInt8 => 1,
        PlyScalarType.Int16 or PlyScalarType.UInt16 => 2,
        PlyScalarType.Int32 or PlyScalarType.UInt32 or PlyScalarType.Float32 => 4,
        _ => 8,
    };

    /// <summary>The canonical header spelling of <paramref name="type"/> (`float`, `uchar`, `int` …).</summary>
    public static string NameOf(PlyScalarType type) => type switch
    {
        PlyScalarType.Int8 => "char",
        PlyScalarType.UInt8 => "uchar",
        PlyScalarType.Int16 => "short",
        PlyScalarType.UInt16 => "ushort",
        PlyScalarType.Int32 => "int",
        PlyScalarType.UInt32 => "uint",
        PlyScalarType.Float32 => "float",
        _ => "double",
    };

    private static PlyScalarType ParseType(string word, int lineNumber) => word switch
    {
        "char" or "int8" => PlyScalarType.Int8,
        "uchar" or "uint8" => PlyScalarType.UInt8,
        "short" or "int16" => PlyScalarType.Int16,
        "ushort" or "uint16" => PlyScalarType.UInt16,
        "int" or "int32" => PlyScalarType.Int32,
        "uint" or "uint32" => PlyScalarType.UInt32,
        "float" or "float32" => PlyScalarType.Float32,
        "double" or "float64" => PlyScalarType.Float64,
        _ => throw new PlyFormatException($"unknown scalar type `{word}`", lineNumber),
    };
}
