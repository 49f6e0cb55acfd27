using System.Security.Cryptography;
using Neuron3D.Bittensor.Interop;

namespace Neuron3D.Bittensor.Keys;

/// <summary>
/// sr25519: schnorrkel Schnorr signatures over Ristretto255 with Merlin transcripts, signing context "substrate"
/// (spec §3.6). Group arithmetic is libsodium's; this class holds the protocol.
/// </summary>
public static unsafe class Sr25519
{
    /// <summary>Public key length in bytes (compressed Ristretto255 point).</summary>
    public const int PublicKeySize = 32;
    /// <summary>Signature length in bytes: R (32) ‖ s (32, little-endian, top bit = schnorrkel marker).</summary>
    public const int SignatureSize = 64;
    /// <summary>Mini secret length in bytes.</summary>
    public const int MiniSecretSize = 32;
    /// <summary>Secret key length in bytes: scalar (32) ‖ nonce (32).</summary>
    public const int SecretKeySize = 64;

    /// <summary>Transcript after <c>SigningContext</c> + context "substrate": every signature starts from a copy.</summary>
    private static readonly MerlinTranscript SubstrateContext = CreateSubstrateContext();

    private static MerlinTranscript CreateSubstrateContext()
    {
        var t = new MerlinTranscript("SigningContext"u8);
        t.AppendMessage(""u8, "substrate"u8);
        return t;
    }

    /// <summary>
    /// Verifies a 64-byte sr25519 signature of <paramref name="message"/> by <paramref name="publicKey32"/>.
    /// Returns false, never throws, for any malformed input: wrong lengths, missing marker bit, non-canonical s,
    /// an undecodable or identity public key, or a signature that does not match.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey32, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature64)
    {
        if (publicKey32.Length != PublicKeySize || signature64.Length != SignatureSize) return false;
        if ((signature64[63] & 0x80) == 0) return false; // pre-schnorrkel-0.8 signatures lack the marker

        Span<byte> s = stackalloc byte[32];
        signature64[32..].CopyTo(s);
        s[31] &= 0x7f;
        if (!Scalar25519.IsCanonical(s)) return false;
        if (publicKey32.IndexOfAnyExcept((byte)0) < 0) return false; // identity key: s·B would verify anything

        Span<byte> k = stackalloc byte[32];
        var t = SubstrateContext;
        t.AppendMessage("sign-bytes"u8, message);
        t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        t.AppendMessage("sign:pk"u8, publicKey32);
        t.AppendMessage("sign:R"u8, signature64[..32]);
        t.ChallengeScalar("sign:c"u8, k);

        Span<byte> expectedR = stackalloc byte[32];
        return ComputeSbMinusKa(s, k, publicKey32, expectedR)
               && CryptographicOperations.FixedTimeEquals(expectedR, signature64[..32]);
    }

    /// <summary>R' = s·B − k·A. False when A is not a valid encoding. libsodium refuses identity products
    /// (s = 0 or k = 0, probability 2^-252 for honest signatures); those cases are computed the long way.</summary>
    private static bool ComputeSbMinusKa(ReadOnlySpan<byte> s, ReadOnlySpan<byte> k, ReadOnlySpan<byte> publicKey, Span<byte> result)
    {
        Sodium.EnsureInitialized();
        Span<byte> sB = stackalloc byte[32];
        Span<byte> kA = stackalloc byte[32];
        fixed (byte* ps = s, pk = k, pa = publicKey, psb = sB, pka = kA, pr = result)
        {
            var sBok = Sodium.crypto_scalarmult_ristretto255_base(psb, ps) == 0;
            var kAok = Sodium.crypto_scalarmult_ristretto255(pka, pk, pa) == 0;
            if (sBok && kAok) return Sodium.crypto_core_ristretto255_sub(pr, psb, pka) == 0;
            if (Sodium.crypto_core_ristretto255_is_valid_point(pa) != 1) return false;
            if (!kAok) kA.Clear(); // k·A is the identity
            if (!sBok) sB.Clear(); // s·B is the identity
            return Sodium.crypto_core_ristretto255_sub(pr, psb, pka) == 0;
        }
    }

    /// <summary>Signs with secret scalar ‖ nonce <paramref name="secretKey64"/> whose public key is <paramref name="publicKey32"/>.</summary>
    internal static void Sign(ReadOnlySpan<byte> secretKey64, ReadOnlySpan<byte> publicKey32, ReadOnlySpan<byte> message, Span<byte> signature64)
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        Sign(secretKey64, publicKey32, message, random, signature64);
        CryptographicOperations.ZeroMemory(random);
    }

    /// <summary>Signing with the transcript RNG's 32 random bytes given: deterministic, for byte-exact tests against
    /// another implementation. Production code must use the overload that draws them from the OS.</summary>
    internal static void Sign(ReadOnlySpan<byte> secretKey64, ReadOnlySpan<byte> publicKey32, ReadOnlySpan<byte> message,
        ReadOnlySpan<byte> random32, Span<byte> signature64)
    {
        var t = SubstrateContext;
        t.AppendMessage("sign-bytes"u8, message);
        t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        t.AppendMessage("sign:pk"u8, publicKey32);

        Span<byte> wide = stackalloc byte[64];
        Span<byte> r = stackalloc byte[32];
        Span<byte> k = stackalloc byte[32];
        try
        {
            t.WitnessBytes("signing"u8, secretKey64[32..], random32, wide);
            Scalar25519.ReduceWide(wide, r);
            var bigR = signature64[..32];
            BaseMultiply(r, bigR);
            t.AppendMessage("sign:R"u8, bigR);
            t.ChallengeScalar("sign:c"u8, k);
            Scalar25519.MulAdd(k, secretKey64[..32], r, signature64[32..]);
            signature64[63] |= 0x80;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wide);
            CryptographicOperations.ZeroMemory(r);
        }
    }

    /// <summary>point = scalar·B (compressed). The scalar must be non-zero mod ℓ.</summary>
    internal static void BaseMultiply(ReadOnlySpan<byte> scalar, Span<byte> point)
    {
        Sodium.EnsureInitialized();
        fixed (byte* ps = scalar, pp = point)
            if (Sodium.crypto_scalarmult_ristretto255_base(pp, ps) != 0)
                throw new InvalidSecretKeyException("secret scalar is zero modulo the group order");
    }

    /// <summary>
    /// schnorrkel ExpansionMode::Ed25519 (spec §3.2): h = SHA-512(mini); scalar = clamp(h[0..32]) / 8; nonce = h[32..64].
    /// </summary>
    internal static void ExpandMiniSecret(ReadOnlySpan<byte> miniSecret32, Span<byte> secretKey64)
    {
        if (miniSecret32.Length != MiniSecretSize)
            throw new ArgumentException($"a mini secret is {MiniSecretSize} bytes, got {miniSecret32.Length}", nameof(miniSecret32));
        SHA512.HashData(miniSecret32, secretKey64);
        secretKey64[0] &= 248;
        secretKey64[31] &= 63;
        secretKey64[31] |= 64;
        Scalar25519.DivideByCofactor(secretKey64[..32]);
    }
}
