using System.Buffers;
using System.Globalization;
using System.Text;

namespace Neuron3D.Bittensor.Axon.Signing;

/// <summary>The signed messages of the synapse protocol (spec §1.5, §1.6) and the signature's hex form.</summary>
public static class SynapseSignature
{
    /// <summary>Signature length in bytes (sr25519).</summary>
    public const int Length = 64;

    private static readonly byte[] BytesPrefix = "<Bytes>"u8.ToArray();
    private static readonly byte[] BytesSuffix = "</Bytes>"u8.ToArray();

    /// <summary>
    /// The dendrite's message: <c>{nonce}.{dendrite_hotkey}.{axon_hotkey}.{uuid}.{body_hash}</c> as UTF-8.
    /// </summary>
    public static byte[] DendriteMessage(long nonce, string dendriteHotkey, string axonHotkey, string uuid, string bodyHash) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{nonce}.{dendriteHotkey}.{axonHotkey}.{uuid}.{bodyHash}"));

    /// <summary>Signs and returns <c>"0x"</c> + 128 lowercase hex characters.</summary>
    public static string SignToHex(ISynapseSigner signer, ReadOnlySpan<byte> message)
    {
        Span<byte> signature = stackalloc byte[Length];
        signer.Sign(message, signature);
        return "0x" + Convert.ToHexStringLower(signature);
    }

    /// <summary>Parses <c>0x</c> + 128 hex characters (either case); false for anything else.</summary>
    public static bool TryParseHex(string? text, Span<byte> signature)
    {
        if (text is null || text.Length != 2 + 2 * Length || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return false;
        return Convert.FromHexString(text.AsSpan(2), signature, out _, out var written) == OperationStatus.Done && written == Length;
    }

    /// <summary>
    /// Verifies a signature over the raw message or, as the Python verifier also accepts, over
    /// <c>&lt;Bytes&gt;</c> + message + <c>&lt;/Bytes&gt;</c>.
    /// </summary>
    public static bool VerifyEitherForm(ISynapseSignatureVerifier verifier, string hotkey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (verifier.Verify(hotkey, message, signature)) return true;
        var wrappedLength = BytesPrefix.Length + message.Length + BytesSuffix.Length;
        var rented = ArrayPool<byte>.Shared.Rent(wrappedLength);
        try
        {
            BytesPrefix.CopyTo(rented, 0);
            message.CopyTo(rented.AsSpan(BytesPrefix.Length));
            BytesSuffix.CopyTo(rented, BytesPrefix.Length + message.Length);
            return verifier.Verify(hotkey, rented.AsSpan(0, wrappedLength), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
