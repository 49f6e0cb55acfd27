namespace Neuron3D.Assets.Formats.Glb;

/// <summary>A GLB file is malformed, exceeds a configured cap, or holds something this reader does not support.</summary>
public sealed class GlbFormatException : AssetFormatException
{
    public GlbFormatException(string message, Exception? innerException = null)
        : base("GLB: " + message, innerException)
    {
    }
}
