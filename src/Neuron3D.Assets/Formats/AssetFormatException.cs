namespace Neuron3D.Assets.Formats;

/// <summary>
/// Base of every "this file is not a valid asset" error raised by the format readers
/// (<see cref="Ply.PlyFormatException"/>, <see cref="Spz.SpzFormatException"/>, <see cref="Obj.ObjFormatException"/>,
/// <see cref="Glb.GlbFormatException"/>). Callers that accept untrusted files (validators) catch this one type:
/// a reader never lets any other exception escape for bad input bytes.
/// </summary>
public abstract class AssetFormatException : FormatException
{
    protected AssetFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
