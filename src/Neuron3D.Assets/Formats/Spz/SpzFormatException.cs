namespace Neuron3D.Assets.Formats.Spz;

/// <summary>A SPZ file is malformed, exceeds a configured cap, or holds something this reader does not support.</summary>
public sealed class SpzFormatException : AssetFormatException
{
    public SpzFormatException(string message, Exception? innerException = null)
        : base("SPZ: " + message, innerException)
    {
    }
}
