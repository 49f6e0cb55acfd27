using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>
/// Python's <c>str()</c> / <c>repr()</c> of values as <c>model_dump()</c> produces them, rendered from their JSON form.
/// The body hash (spec §1.4) is SHA3 over these renderings, so they must match CPython character for character.
/// JSON cannot tell <c>1</c> from <c>1.0</c>, so floats are recognised by their token: our serializer always writes
/// a float with a <c>.</c> or an exponent (<see cref="PythonFloatConverter"/>), exactly like Python's <c>json.dumps</c>.
/// </summary>
public static class PythonRepr
{
    /// <summary><c>str(v)</c>: strings raw, everything else as <see cref="Repr"/>.</summary>
    public static string Str(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : Repr(value);

    /// <summary><c>repr(v)</c> of a JSON value: dict, list, str, int, float, bool, None.</summary>
    public static string Repr(JsonElement value)
    {
        var builder = new StringBuilder();
        AppendRepr(builder, value);
        return builder.ToString();
    }

    private static void AppendRepr(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var firstProperty = true;
                foreach (var property in value.EnumerateObject())
                {
                    if (!firstProperty) builder.Append(", ");
                    firstProperty = false;
                    AppendStringRepr(builder, property.Name);
                    builder.Append(": ");
                    AppendRepr(builder, property.Value);
                }
                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!firstItem) builder.Append(", ");
                    firstItem = false;
                    AppendRepr(builder, item);
                }
                builder.Append(']');
                break;
            case JsonValueKind.String:
                AppendStringRepr(builder, value.GetString()!);
                break;
            case JsonValueKind.Number:
                var token = value.GetRawText();
                if (token.AsSpan().IndexOfAny('.', 'e', 'E') >= 0) builder.Append(Float(value.GetDouble()));
                else builder.Append(System.Numerics.BigInteger.Parse(token, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.True:
                builder.Append("True");
                break;
            case JsonValueKind.False:
                builder.Append("False");
                break;
            case JsonValueKind.Null:
                builder.Append("None");
                break;
            default:
                throw new ArgumentException($"JSON value kind {value.ValueKind} has no Python repr", nameof(value));
        }
    }

    /// <summary>
    /// CPython's <c>repr(str)</c>: single quotes unless the text has <c>'</c> and no <c>"</c>; backslash escapes for
    /// the quote, <c>\\</c>, <c>\t \n \r</c>; <c>\xNN</c>/<c>\uNNNN</c>/<c>\UNNNNNNNN</c> for non-printable code points.
    /// Printability follows .NET's Unicode tables, which may lag CPython's for code points assigned very recently.
    /// </summary>
    public static void AppendStringRepr(StringBuilder builder, string text)
    {
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        builder.Append(quote);
        var index = 0;
        while (index < text.Length)
        {
            int codePoint;
            if (Rune.TryGetRuneAt(text, index, out var rune))
            {
                codePoint = rune.Value;
                index += rune.Utf16SequenceLength;
            }
            else
            {
                codePoint = text[index]; // lone surrogate: Python escapes it as \udXXX
                index++;
            }

            if (codePoint == quote || codePoint == '\\') builder.Append('\\').Append((char)codePoint);
            else if (codePoint == '\t') builder.Append("\\t");
            else if (codePoint == '\n') builder.Append("\\n");
            else if (codePoint == '\r') builder.Append("\\r");
            else if (codePoint < 0x20 || codePoint == 0x7f) builder.Append("\\x").Append(codePoint.ToString("x2", CultureInfo.InvariantCulture));
            else if (codePoint < 0x7f) builder.Append((char)codePoint);
            else if (IsPrintable(codePoint)) builder.Append(char.ConvertFromUtf32(codePoint));
            else if (codePoint <= 0xff) builder.Append("\\x").Append(codePoint.ToString("x2", CultureInfo.InvariantCulture));
            else if (codePoint <= 0xffff) builder.Append("\\u").Append(codePoint.ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append("\\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture));
        }
        builder.Append(quote);
    }

    private static bool IsPrintable(int codePoint)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF) return false;
        return Rune.GetUnicodeCategory(new Rune(codePoint)) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    /// <summary>
    /// CPython's <c>repr(float)</c>: the shortest digits that round-trip, positional when the decimal exponent is in
    /// [−4, 16), else scientific with a signed, at least two-digit exponent (<c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>).
    /// </summary>
    public static string Float(double value)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(buffer[..FormatFloat(value, buffer)]);
    }

    /// <summary>Writes <see cref="Float"/> into <paramref name="destination"/> (32 chars suffice) and returns the length.</summary>
    public static int FormatFloat(double value, Span<char> destination)
    {
        if (double.IsNaN(value)) return Copy("nan", destination);
        if (double.IsPositiveInfinity(value)) return Copy("inf", destination);
        if (double.IsNegativeInfinity(value)) return Copy("-inf", destination);

        // .NET's "R" gives the same shortest round-trip digits as CPython; only the layout differs.
        Span<char> roundTrip = stackalloc char[32];
        value.TryFormat(roundTrip, out var written, "R", CultureInfo.InvariantCulture);
        ReadOnlySpan<char> text = roundTrip[..written];

        var length = 0;
        if (text[0] == '-')
        {
            destination[length++] = '-';
            text = text[1..];
        }

        var exponentAt = text.IndexOf('E');
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];

        Span<char> digits = stackalloc char[24];
        var digitCount = 0;
        var pointPosition = mantissa.IndexOf('.');
        if (pointPosition < 0) pointPosition = mantissa.Length;
        foreach (var c in mantissa)
            if (c != '.') digits[digitCount++] = c;

        // decimalPoint = position of the decimal point relative to the first significant digit.
        var leadingZeros = 0;
        while (leadingZeros < digitCount - 1 && digits[leadingZeros] == '0') leadingZeros++;
        var significant = digits[leadingZeros..digitCount];
        var decimalPoint = pointPosition - leadingZeros + exponent;
        var significantLength = significant.Length;
        while (significantLength > 1 && significant[significantLength - 1] == '0') significantLength--;
        significant = significant[..significantLength];

        if (significant is ['0'])
            return length + Copy("0.0", destination[length..]);

        var scientificExponent = decimalPoint - 1;
        if (scientificExponent is >= -4 and < 16)
        {
            if (decimalPoint <= 0)
            {
                destination[length++] = '0';
                destination[length++] = '.';
                for (var i = 0; i < -decimalPoint; i++) destination[length++] = '0';
                significant.CopyTo(destination[length..]);
                length += significant.Length;
            }
            else if (decimalPoint >= significant.Length)
            {
                significant.CopyTo(destination[length..]);
                length += significant.Length;
                for (var i = significant.Length; i < decimalPoint; i++) destination[length++] = '0';
                destination[length++] = '.';
                destination[length++] = '0';
            }
            else
            {
                significant[..decimalPoint].CopyTo(destination[length..]);
                length += decimalPoint;
                destination[length++] = '.';
                significant[decimalPoint..].CopyTo(destination[length..]);
                length += significant.Length - decimalPoint;
            }
            return length;
        }

        destination[length++] = significant[0];
        if (significant.Length > 1)
        {
            destination[length++] = '.';
            significant[1..].CopyTo(destination[length..]);
            length += significant.Length - 1;
        }
        destination[length++] = 'e';
        destination[length++] = scientificExponent < 0 ? '-' : '+';
        var magnitude = Math.Abs(scientificExponent);
        if (magnitude < 10) destination[length++] = '0';
        magnitude.TryFormat(destination[length..], out var exponentDigits, default, CultureInfo.InvariantCulture);
        return length + exponentDigits;
    }

    /// <summary>Parses Python's <c>float(text)</c> forms used in headers (<c>12.0</c>, <c>1e-05</c>, <c>inf</c>).</summary>
    public static bool TryParseFloat(string text, out double value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "inf" or "+inf" or "infinity" or "+infinity": value = double.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = double.NegativeInfinity; return true;
            case "nan" or "+nan" or "-nan": value = double.NaN; return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static int Copy(string text, Span<char> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
