namespace Neuron3D.Bittensor.Scale;

/// <summary>What was wrong with SCALE input; lets callers tell truncation from malformed data.</summary>
public enum ScaleDecodeError
{
    /// <summary>The input ended before the value did.</summary>
    Truncated,
    /// <summary>A compact integer used a longer mode than its value needs (SCALE requires the shortest form).</summary>
    NonCanonicalCompact,
    /// <summary>A value does not fit the target type (e.g. a compact above u64 read as u64).</summary>
    Overflow,
    /// <summary>A bool byte other than 0 or 1.</summary>
    InvalidBool,
    /// <summary>An Option tag other than 0 or 1.</summary>
    InvalidOptionTag,
    /// <summary>A Result tag other than 0 or 1.</summary>
    InvalidResultTag,
    /// <summary>A string that is not valid UTF-8, or a char that is not a Unicode scalar value.</summary>
    InvalidText,
    /// <summary>A length prefix larger than the remaining input could hold.</summary>
    InvalidLength,
    /// <summary>An enum index the type does not declare.</summary>
    UnknownVariant,
    /// <summary>Input left over after the value was complete.</summary>
    TrailingBytes,
    /// <summary>Input that is not what the format requires (wrong magic, unsupported version, unknown type id).</summary>
    InvalidFormat,
}

/// <summary>
/// SCALE input could not be decoded. <see cref="Offset"/> is the byte position (from the start of the input given to
/// the reader) where the offending value starts, so a bad byte can be found in a hex dump.
/// </summary>
public sealed class ScaleDecodeException : FormatException
{
    /// <summary>Creates the exception for an error of kind <paramref name="error"/> at byte <paramref name="offset"/>.</summary>
    public ScaleDecodeException(ScaleDecodeError error, int offset, string message)
        : base($"SCALE decode error ({error}) at byte {offset}: {message}")
    {
        Error = error;
        Offset = offset;
    }

    /// <summary>The kind of problem.</summary>
    public ScaleDecodeError Error { get; }

    /// <summary>Byte offset into the input where the bad value starts.</summary>
    public int Offset { get; }
}

/// <summary>A value cannot be SCALE-encoded as the requested type (out of range, wrong shape, missing field).</summary>
public sealed class ScaleEncodeException : ArgumentException
{
    /// <summary>Creates the exception; <paramref name="path"/> names the field or element (e.g. <c>dest.Id</c>).</summary>
    public ScaleEncodeException(string reason, string? path = null)
        : base(path is null or "" ? reason : $"{reason} (at {path})")
    {
        Reason = reason;
        Path = path;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>Where in the value the problem is, dotted field names and [index] for elements; null at the top.</summary>
    public string? Path { get; }
}
