namespace Neuron3D.Assets.Formats.Ply;

/// <summary>
/// A PLY file is malformed, exceeds a configured cap, or lacks what the caller needs (e.g. a 3DGS property).
/// Carries where the problem is: the header line, or the element/row/property of the body.
/// </summary>
public sealed class PlyFormatException : AssetFormatException
{
    public PlyFormatException(string message, int? headerLine = null, string? element = null, long? row = null, string? property = null, Exception? innerException = null)
        : base(Describe(message, headerLine, element, row, property), innerException)
    {
        HeaderLine = headerLine;
        Element = element;
        Row = row;
        Property = property;
    }

    /// <summary>1-based header line at fault, when the header is at fault.</summary>
    public int? HeaderLine { get; }

    /// <summary>Element (e.g. "vertex", "face") at fault, when known.</summary>
    public string? Element { get; }

    /// <summary>0-based row of <see cref="Element"/> at fault, when the body is at fault.</summary>
    public long? Row { get; }

    /// <summary>Property at fault (e.g. "opacity"), when known.</summary>
    public string? Property { get; }

    private static string Describe(string message, int? headerLine, string? element, long? row, string? property)
    {
        var where = new List<string>(4);
        if (headerLine is { } line) where.Add($"header line {line}");
        if (element is not null) where.Add($"element '{element}'");
        if (row is { } r) where.Add($"row {r}");
        if (property is not null) where.Add($"property '{property}'");
        return where.Count == 0 ? "PLY: " + message : $"PLY ({string.Join(", ", where)}): {message}";
    }
}
