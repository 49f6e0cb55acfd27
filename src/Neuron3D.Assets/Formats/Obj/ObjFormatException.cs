namespace Neuron3D.Assets.Formats.Obj;

/// <summary>An OBJ file is malformed, exceeds a configured cap, or holds something this reader does not support.</summary>
public sealed class ObjFormatException : AssetFormatException
{
    public ObjFormatException(string message, Exception? innerException = null)
        : base("OBJ: " + message, innerException)
    {
    }
}
