using System.Security.Cryptography;

namespace Neuron3D.Bittensor.Keys;

/// <summary>
/// An sr25519 keypair (schnorrkel, as sp-core / btwallet / polkadot-js use it): secret scalar ‖ nonce held in
/// <see cref="SecretBytes"/>, plus the 32-byte public key. Dispose zeroes the secret.
/// </summary>
public sealed class Sr25519Keypair : IDisposable
{
    private readonly SecretBytes _secret; // canonical scalar (32 LE, < ℓ) ‖ nonce (32)
    private readonly byte[] _publicKey;

    private Sr25519Keypair(SecretBytes secret)
    {
        _secret = secret;
        _publicKey = new byte[Sr25519.PublicKeySize];
        try
        {
            Sr25519.BaseMultiply(secret.Span[..32], _publicKey);
        }
        catch
        {
            secret.Dispose();
            throw;
        }
        Ss58Address = Ss58.Encode(_publicKey);
    }

    /// <summary>Expands a 32-byte mini secret (keyfile <c>secretSeed</c>, spec §3.2, ExpansionMode::Ed25519).</summary>
    /// <exception cref="ArgumentException">The mini secret is not 32 bytes.</exception>
    public static Sr25519Keypair FromMiniSecret(ReadOnlySpan<byte> miniSecret32)
    {
        if (miniSecret32.Length != Sr25519.MiniSecretSize)
            throw new ArgumentException($"a mini secret is {Sr25519.MiniSecretSize} bytes, got {miniSecret32.Length}", nameof(miniSecret32));
        var secret = new SecretBytes(Sr25519.SecretKeySize);
        Sr25519.ExpandMiniSecret(miniSecret32, secret.WritableSpan);
        return new Sr25519Keypair(secret);
    }

    /// <summary>
    /// Loads the canonical 64-byte secret (keyfile <c>privateKey</c>, sp-core <c>to_raw_vec</c>): scalar (32 LE) ‖ nonce (32).
    /// </summary>
    /// <exception cref="InvalidSecretKeyException">Not 64 bytes, or the scalar is not canonical (≥ ℓ) or is zero —
    /// e.g. an ed25519-form key (spec §3.3) passed here by mistake.</exception>
    public static Sr25519Keypair FromSecretKey(ReadOnlySpan<byte> canonical64)
    {
        if (canonical64.Length != Sr25519.SecretKeySize)
            throw new InvalidSecretKeyException($"an sr25519 secret key is {Sr25519.SecretKeySize} bytes, got {canonical64.Length}");
        if (!Scalar25519.IsCanonical(canonical64[..32]))
            throw new InvalidSecretKeyException(
                "secret key scalar is not canonical (≥ group order); is this the ed25519 (×8, polkadot-js) form instead of the canonical keyfile form?");
        return new Sr25519Keypair(SecretBytes.CopyFrom(canonical64));
    }

    /// <summary>
    /// Loads the ed25519-form 64-byte secret used by polkadot-js, @scure/sr25519 and PKCS8 JSON exports:
    /// LE(scalar·8) ‖ nonce. The low three bits are dropped as schnorrkel does.
    /// </summary>
    /// <exception cref="InvalidSecretKeyException">Not 64 bytes, or scalar/8 is not canonical or is zero.</exception>
    public static Sr25519Keypair FromEd25519SecretKey(ReadOnlySpan<byte> ed64)
    {
        if (ed64.Length != Sr25519.SecretKeySize)
            throw new InvalidSecretKeyException($"an sr25519 secret key is {Sr25519.SecretKeySize} bytes, got {ed64.Length}");
        var secret = SecretBytes.CopyFrom(ed64);
        Scalar25519.DivideByCofactor(secret.WritableSpan[..32]);
        if (!Scalar25519.IsCanonical(secret.Span[..32]))
        {
            secret.Dispose();
            throw new InvalidSecretKeyException("ed25519-form secret key: scalar/8 is not canonical (≥ group order)");
        }
        return new Sr25519Keypair(secret);
    }

    /// <summary>
    /// Builds a keypair from a secret URI (spec §3.5), exactly as sp-core / btwallet <c>create_from_uri</c>:
    /// <c>[phrase | 0x&lt;64 hex mini secret&gt;][//hard | /soft]*[///password]</c>; an empty phrase means the dev phrase,
    /// so <c>//Alice</c> is the well-known dev account. Soft junctions give a random nonce (the public key is deterministic).
    /// </summary>
    /// <exception cref="KeyUriException">The URI does not parse, or its phrase/seed is invalid (inner exception says why).</exception>
    public static Sr25519Keypair FromUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var parsed = KeyUri.Parse(uri);
        Sr25519Keypair current;
        if (parsed.Phrase.StartsWith("0x", StringComparison.Ordinal))
        {
            var hex = parsed.Phrase.AsSpan(2).Trim();
            Span<byte> seed = stackalloc byte[Sr25519.MiniSecretSize];
            try
            {
                if (hex.Length != 2 * Sr25519.MiniSecretSize || Convert.FromHexString(hex, seed, out _, out _) != System.Buffers.OperationStatus.Done)
                    throw new KeyUriException("key URI seed must be 0x followed by 64 hex digits (a 32-byte mini secret)");
                current = FromMiniSecret(seed);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(seed);
            }
        }
        else
        {
            try
            {
                using var mini = Mnemonic.ToMiniSecret(parsed.Phrase, parsed.Password ?? "");
                current = FromMiniSecret(mini.Span);
            }
            catch (MnemonicException e)
            {
                throw new KeyUriException("key URI phrase is not a valid mnemonic: " + e.Message, e);
            }
        }
        foreach (var junction in parsed.Junctions)
        {
            var next = junction.IsHard ? current.DeriveHard(junction.ChainCode) : current.DeriveSoft(junction.ChainCode);
            current.Dispose();
            current = next;
        }
        return current;
    }

    /// <summary>The 32-byte public key (a fresh copy; also the AccountId).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The public key as SS58 with Bittensor's prefix 42.</summary>
    public string Ss58Address { get; }

    /// <summary>The canonical 64-byte secret: scalar (32 LE) ‖ nonce (32), as keyfile <c>privateKey</c>.</summary>
    public SecretBytes ExportSecretKey() => SecretBytes.CopyFrom(_secret.Span);

    /// <summary>The ed25519-form 64-byte secret: LE(scalar·8) ‖ nonce, as polkadot-js / PKCS8 exports use.</summary>
    public SecretBytes ExportEd25519SecretKey()
    {
        var result = SecretBytes.CopyFrom(_secret.Span);
        Scalar25519.MultiplyByCofactor(result.WritableSpan[..32]);
        return result;
    }

    /// <summary>
    /// Hard derivation (<c>//junction</c>): new mini secret = Merlin challenge over the chain code and the secret scalar
    /// (schnorrkel <c>hard_derive_mini_secret_key</c>), expanded as in <see cref="FromMiniSecret"/>.
    /// </summary>
    public Sr25519Keypair DeriveHard(ReadOnlySpan<byte> chainCode32)
    {
        RequireChainCode(chainCode32);
        var t = new MerlinTranscript("SchnorrRistrettoHDKD"u8);
        Span<byte> mini = stackalloc byte[Sr25519.MiniSecretSize];
        try
        {
            t.AppendMessage("sign-bytes"u8, ReadOnlySpan<byte>.Empty);
            t.AppendMessage("chain-code"u8, chainCode32);
            t.AppendMessage("secret-key"u8, _secret.Span[..32]);
            t.ChallengeBytes("HDKD-hard"u8, mini);
            return FromMiniSecret(mini);
        }
        finally
        {
            t.Clear();
            CryptographicOperations.ZeroMemory(mini);
        }
    }

    /// <summary>
    /// Soft derivation (<c>/junction</c>): scalar' = scalar + t, public' = public + t·B with t the Merlin challenge over
    /// the chain code and public key (schnorrkel <c>derived_key_simple</c>); anyone can derive the same public key.
    /// The new nonce is drawn from the transcript RNG, so two derivations differ only in their nonce.
    /// </summary>
    public Sr25519Keypair DeriveSoft(ReadOnlySpan<byte> chainCode32)
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        try
        {
            return DeriveSoft(chainCode32, random);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(random);
        }
    }

    /// <summary>Soft derivation with the nonce RNG's 32 random bytes given: deterministic, for byte-exact tests.</summary>
    internal Sr25519Keypair DeriveSoft(ReadOnlySpan<byte> chainCode32, ReadOnlySpan<byte> random32)
    {
        RequireChainCode(chainCode32);
        var secret = new SecretBytes(Sr25519.SecretKeySize);
        var t = new MerlinTranscript("SchnorrRistrettoHDKD"u8);
        Span<byte> tweak = stackalloc byte[32];
        Span<byte> nextChainCode = stackalloc byte[32];
        try
        {
            var source = _secret.Span;
            t.AppendMessage("sign-bytes"u8, ReadOnlySpan<byte>.Empty);
            t.AppendMessage("chain-code"u8, chainCode32);
            t.AppendMessage("public-key"u8, _publicKey);
            t.ChallengeScalar("HDKD-scalar"u8, tweak);
            t.ChallengeBytes("HDKD-chaincode"u8, nextChainCode); // unused by sp-core, but it advances the transcript
            t.WitnessBytes("HDKD-nonce"u8, source[32..], source, random32, secret.WritableSpan[32..]);
            Scalar25519.Add(source[..32], tweak, secret.WritableSpan[..32]);
            return new Sr25519Keypair(secret);
        }
        catch
        {
            secret.Dispose();
            throw;
        }
        finally
        {
            t.Clear();
            CryptographicOperations.ZeroMemory(tweak);
        }
    }

    /// <summary>Signs <paramref name="message"/> (any length, signed as is) in context "substrate": 64 bytes R ‖ s, marker bit set.
    /// Randomized: two signatures of one message differ, both verify.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signature = new byte[Sr25519.SignatureSize];
        Sr25519.Sign(_secret.Span, _publicKey, message, signature);
        return signature;
    }

    /// <summary>Signing with the transcript RNG's 32 random bytes given: deterministic, for byte-exact tests.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> random32)
    {
        var signature = new byte[Sr25519.SignatureSize];
        Sr25519.Sign(_secret.Span, _publicKey, message, random32, signature);
        return signature;
    }

    /// <summary>Verifies a signature against this keypair's public key; see <see cref="Sr25519.Verify"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => Sr25519.Verify(_publicKey, message, signature);

    /// <summary>Zeroes the secret; later use of secret operations throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _secret.Dispose();

    /// <summary>Shows the address only.</summary>
    public override string ToString() => $"Sr25519Keypair({Ss58Address})";

    private static void RequireChainCode(ReadOnlySpan<byte> chainCode32)
    {
        if (chainCode32.Length != 32)
            throw new ArgumentException($"a chain code is 32 bytes, got {chainCode32.Length}", nameof(chainCode32));
    }
}
