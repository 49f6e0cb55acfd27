using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>
/// SN17's verifiable duel pairing (spec sn17-404gen.md §3.6): h = BLAKE3(utf8("{nonce}:{prompt}")), left =
/// u32_be(h[0..4]) mod 256, right = u32_be(h[4..8]) mod 256. Anyone who sees a published duel's nonce and prompt can
/// check that the validator did not pick the opponents.
/// </summary>
public static class DuelPairing
{
    /// <summary>The uid space SN17 pairs over (NEURONS_LIMIT): every subnet has 256 slots.</summary>
    public const int UidSpace = 256;

    private const int StackLimit = 1024;

    /// <summary>The 32-byte BLAKE3 digest of utf8("{nonce}:{prompt}").</summary>
    public static void Hash(long nonce, string prompt, Span<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (digest.Length != 32) throw new ArgumentException("a BLAKE3 digest is 32 bytes", nameof(digest));
        var text = string.Create(CultureInfo.InvariantCulture, $"{nonce}:{prompt}");
        var length = Encoding.UTF8.GetByteCount(text);
        byte[]? rented = null;
        // Image prompts are whole base64 images (megabytes): rent rather than allocate for them.
        var utf8 = length <= StackLimit ? stackalloc byte[StackLimit] : rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, utf8);
            Blake3.Hasher.Hash(utf8[..written], digest);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The two uids that <paramref name="nonce"/> and <paramref name="prompt"/> select (they may be equal; callers reject that).</summary>
    public static (int Left, int Right) Pair(long nonce, string prompt)
    {
        Span<byte> digest = stackalloc byte[32];
        Hash(nonce, prompt, digest);
        return ((int)(BinaryPrimitives.ReadUInt32BigEndian(digest) % UidSpace),
                (int)(BinaryPrimitives.ReadUInt32BigEndian(digest[4..]) % UidSpace));
    }
}
