namespace Neuron3D.Assets.Formats;

/// <summary>Reads a whole stream into memory while refusing to go past a byte cap (untrusted inputs).</summary>
internal static class InputBytes
{
    /// <summary>
    /// Returns the stream's remaining bytes. <paramref name="tooLarge"/> builds the format's typed exception when
    /// the stream is (or turns out to be) longer than <paramref name="maxBytes"/>.
    /// </summary>
    public static byte[] ReadAll(Stream stream, long maxBytes, Func<string, Exception> tooLarge)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek)
        {
            var length = stream.Length - stream.Position;
            if (length > maxBytes) throw tooLarge($"input is {length} bytes, above the {maxBytes}-byte cap");
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > maxBytes) throw tooLarge($"input is longer than the {maxBytes}-byte cap");
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>Async variant of <see cref="ReadAll"/> for files: checks the length first, then reads.</summary>
    public static async Task<byte[]> ReadFileAsync(string path, long maxBytes, Func<string, Exception> tooLarge, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes) throw tooLarge($"{path} is {length} bytes, above the {maxBytes}-byte cap");
        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
