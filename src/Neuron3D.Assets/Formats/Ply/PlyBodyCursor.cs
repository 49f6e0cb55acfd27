using System.Buffers.Binary;
using System.Globalization;

namespace Neuron3D.Assets.Formats.Ply;

/// <summary>
/// Reads the values of a PLY body one by one in any of the three encodings, with bounds checks that turn every
/// truncation or unparsable token into a <see cref="PlyFormatException"/> naming the element, row and property.
/// </summary>
internal ref struct PlyBodyCursor
{
    private readonly ReadOnlySpan<byte> _file;
    private readonly PlyEncoding _encoding;
    private int _position;
    private int _line;

    public PlyBodyCursor(ReadOnlySpan<byte> file, PlyHeader header)
    {
        _file = file;
        _encoding = header.Encoding;
        _position = header.BodyOffset;
        _line = header.LineCount + 1;
    }

    /// <summary>Element being read, for error messages.</summary>
    public string Element { get; set; } = "";

    /// <summary>Row being read, for error messages.</summary>
    public long Row { get; set; }

    /// <summary>Bytes after the cursor.</summary>
    public readonly int Remaining => _file.Length - _position;

    /// <summary>The unread rest of the file (binary fast paths read rows straight from it).</summary>
    public readonly ReadOnlySpan<byte> Rest => _file[_position..];

    /// <summary>Moves a binary cursor forward by <paramref name="bytes"/> already validated by the caller.</summary>
    public void Advance(int bytes) => _position += bytes;

    /// <summary>
    /// Refuses, before anything is allocated for it, an element whose declared rows cannot fit in the remaining bytes
    /// even at their smallest (binary: every scalar and list count; ASCII: one digit and one separator per value).
    /// </summary>
    public readonly void EnsureRowsCanFit(PlyElement element)
    {
        long minimumRow = 0;
        foreach (var p in element.Properties)
            minimumRow += _encoding == PlyEncoding.Ascii ? 2 : PlyHeader.SizeOf(p.ListCountType ?? p.Type);
        // An ASCII file's last value may end without a separator.
        long needed = element.Count * minimumRow - (_encoding == PlyEncoding.Ascii && element.Count > 0 && minimumRow > 0 ? 1 : 0);
        if (needed > Remaining)
            throw new PlyFormatException(
                $"declares {element.Count} rows of at least {minimumRow} bytes but only {Remaining} bytes remain in the file",
                element: element.Name);
    }

    /// <summary>Reads one scalar of <paramref name="type"/> as a double (exact for every PLY type).</summary>
    public double Read(PlyScalarType type, string property)
    {
        if (_encoding == PlyEncoding.Ascii) return ReadAscii(type, property);
        var size = PlyHeader.SizeOf(type);
        if (Remaining < size) throw Truncated(property);
        var value = ReadBinary(_file.Slice(_position, size), type, _encoding == PlyEncoding.BinaryBigEndian);
        _position += size;
        return value;
    }

    /// <summary>Reads a list's entry count and checks it against <paramref name="maxLength"/>.</summary>
    public int ReadListCount(PlyScalarType countType, string property, int maxLength)
    {
        var count = Read(countType, property);
        if (count < 0 || count > maxLength)
            throw new PlyFormatException($"list length {count} is outside 0..{maxLength}", element: Element, row: Row, property: property);
        return (int)count;
    }

    /// <summary>Reads and discards every row of <paramref name="element"/>.</summary>
    public void Skip(PlyElement element, PlyReadOptions options)
    {
        EnsureRowsCanFit(element);
        Element = element.Name;
        if (element.Properties.Count == 0) return;
        var allScalar = true;
        var stride = 0;
        foreach (var p in element.Properties)
        {
            allScalar &= !p.IsList;
            stride += PlyHeader.SizeOf(p.Type);
        }
        if (allScalar && _encoding != PlyEncoding.Ascii)
        {
            _position += element.Count * stride; // fits: checked by EnsureRowsCanFit
            return;
        }
        for (long row = 0; row < element.Count; row++)
        {
            Row = row;
            foreach (var p in element.Properties)
            {
                if (p.ListCountType is { } countType)
                {
                    var n = ReadListCount(countType, p.Name, options.MaxListLength);
                    for (var i = 0; i < n; i++) Read(p.Type, p.Name);
                }
                else
                {
                    Read(p.Type, p.Name);
                }
            }
        }
    }

    /// <summary>Decodes one binary scalar from exactly <see cref="PlyHeader.SizeOf"/> bytes.</summary>
    public static double ReadBinary(ReadOnlySpan<byte> bytes, PlyScalarType type, bool bigEndian) => type switch
    {
        PlyScalarType.Float32 => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(bytes) : BinaryPrimitives.ReadSingleLittleEndian(bytes),
        PlyScalarType.Float64 => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(bytes) : BinaryPrimitives.ReadDoubleLittleEndian(bytes),
        PlyScalarType.UInt8 => bytes[0],
        PlyScalarType.Int8 => (sbyte)bytes[0],
        PlyScalarType.Int16 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(bytes) : BinaryPrimitives.ReadInt16LittleEndian(bytes),
        PlyScalarType.UInt16 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        PlyScalarType.Int32 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes),
        _ => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
    };

    private double ReadAscii(PlyScalarType type, string property)
    {
        while (_position < _file.Length && _file[_position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            if (_file[_position] == (byte)'\n') _line++;
            _position++;
        }
        var start = _position;
        while (_position < _file.Length && _file[_position] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            _position++;
        if (start == _position) throw Truncated(property);
        var token = _file[start.._position];

        if (type is PlyScalarType.Float32 or PlyScalarType.Float64)
        {
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)) return real;
            if (TryParseNonFinite(token, out real)) return real;
            throw BadToken(token, "a real number", property);
        }
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            throw BadToken(token, "an integer", property);
        var (min, max) = type switch
        {
            PlyScalarType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            PlyScalarType.UInt8 => (0L, byte.MaxValue),
            PlyScalarType.Int16 => (short.MinValue, short.MaxValue),
            PlyScalarType.UInt16 => (0L, ushort.MaxValue),
            PlyScalarType.Int32 => (int.MinValue, int.MaxValue),
            _ => (0L, (long)uint.MaxValue),
        };
        if (integer < min || integer > max) throw BadToken(token, $"an integer in {min}..{max}", property);
        return integer;
    }

    // Python and C writers spell non-finite floats "inf", "-inf", "nan"; .NET only parses "Infinity"/"NaN".
    private static bool TryParseNonFinite(ReadOnlySpan<byte> token, out double value)
    {
        var negative = token.Length > 0 && token[0] == (byte)'-';
        var body = token.Length > 0 && token[0] is (byte)'-' or (byte)'+' ? token[1..] : token;
        if (body.Length is 3 or 8 && (System.Text.Ascii.EqualsIgnoreCase(body, "inf"u8) || System.Text.Ascii.EqualsIgnoreCase(body, "infinity"u8)))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (System.Text.Ascii.EqualsIgnoreCase(body, "nan"u8))
        {
            value = double.NaN;
            return true;
        }
        value = 0;
        return false;
    }

    private readonly PlyFormatException Truncated(string property) =>
        new(_encoding == PlyEncoding.Ascii ? $"file ends early (line {_line})" : "file ends early", element: Element, row: Row, property: property);

    private readonly PlyFormatException BadToken(ReadOnlySpan<byte> token, string expected, string property)
    {
        var shown = System.Text.Encoding.ASCII.GetString(token[..Math.Min(token.Length, 32)]);
        return new PlyFormatException($"`{shown}` on line {_line} is not {expected}", element: Element, row: Row, property: property);
    }
}
