namespace Neuron3D.Assets.Formats.Obj;

/// <summary>An OBJ file is malformed or exceeds a configured cap; <see cref="Line"/> says where.</summary>
public sealed class ObjFormatException : AssetFormatException
{
    public ObjFormatException(string message, long? line = null, Exception? innerException = null)
        : base(line is { } l ? $"OBJ (line {l}): {message}" : "OBJ: " + message, innerException)
    {
        Line = line;
    }

    /// <summary>1-based line at fault, when a line is at fault.</summary>
    public long? Line { get; }
}
