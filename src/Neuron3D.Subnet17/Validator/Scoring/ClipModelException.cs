namespace Neuron3D.Subnet17.Validator.Scoring;

/// <summary>
/// A CLIP model directory (<c>--validation.clip_model</c>) cannot be used: a file is missing or unreadable, or an
/// encoder's inputs/outputs do not have the shapes <see cref="ClipModel"/> needs. <see cref="Path"/> names the file.
/// </summary>
public sealed class ClipModelException : Exception
{
    /// <summary>Creates the error for <paramref name="path"/>; the message says what is wrong and how to fix it.</summary>
    public ClipModelException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The file or directory at fault.</summary>
    public string Path { get; }
}
