using System.Security.Cryptography;

namespace Neuron3D.Bittensor.Keys;

/// <summary>
/// Secret key material (mini secrets, private keys, seeds) in a pinned buffer that the GC never moves or copies,
/// zeroed on <see cref="Dispose"/>. <see cref="ToString"/> never reveals the content. Always use with <c>using</c>.
/// </summary>
public sealed class SecretBytes : IDisposable
{
    private readonly byte[] _buffer;
    private bool _disposed;

    internal SecretBytes(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _buffer = GC.AllocateArray<byte>(length, pinned: true);
    }

    /// <summary>Copies <paramref name="source"/> into a new secret buffer (the caller still owns and should clear the source).</summary>
    public static SecretBytes CopyFrom(ReadOnlySpan<byte> source)
    {
        var secret = new SecretBytes(source.Length);
        source.CopyTo(secret._buffer);
        return secret;
    }

    /// <summary>The secret bytes. Throws <see cref="ObjectDisposedException"/> after <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _buffer;
        }
    }

    /// <summary>Length in bytes (still valid after dispose).</summary>
    public int Length => _buffer.Length;

    /// <summary>Writable view for the key code that fills a fresh buffer.</summary>
    internal Span<byte> WritableSpan
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _buffer;
        }
    }

    /// <summary>The raw buffer, disposed or not: lets tests observe that Dispose zeroed it.</summary>
    internal ReadOnlySpan<byte> BufferForTests => _buffer;

    /// <summary>Never shows the content.</summary>
    public override string ToString() => "SecretBytes(***)";

    /// <summary>Zeroes the buffer; idempotent.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        CryptographicOperations.ZeroMemory(_buffer);
        _disposed = true;
    }
}
