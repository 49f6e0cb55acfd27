using System.Security.Cryptography;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Wallets;

/// <summary>
/// Where a regenerated key comes from (btcli <c>regen-coldkey</c> / <c>regen-hotkey</c>): a BIP39 mnemonic,
/// a <c>0x</c> seed (32-byte mini secret or 64-byte raw secret), or a secret URI such as <c>//Alice</c>.
/// <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class KeySource
{
    private enum Kind { Mnemonic, Seed, Uri }

    private readonly Kind _kind;
    private readonly string _secret;

    private KeySource(Kind kind, string secret)
    {
        _kind = kind;
        _secret = secret;
    }

    /// <summary>A BIP39 English mnemonic (12–24 words); the keyfile records it as <c>secretPhrase</c> and its mini secret as <c>secretSeed</c>.</summary>
    /// <exception cref="MnemonicException">Not a valid mnemonic (unknown word, wrong checksum or word count).</exception>
    public static KeySource FromMnemonic(string mnemonic)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        var normalized = string.Join(' ', mnemonic.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Mnemonic.Validate(normalized);
        return new KeySource(Kind.Mnemonic, normalized);
    }

    /// <summary>A hex seed, <c>0x</c> optional: 32 bytes = mini secret, 64 bytes = canonical raw secret (keyfile <c>secretSeed</c>).</summary>
    /// <exception cref="WalletInputException">Not hex of 32 or 64 bytes.</exception>
    public static KeySource FromSeed(string seedHex)
    {
        ArgumentNullException.ThrowIfNull(seedHex);
        var trimmed = seedHex.Trim();
        Span<byte> probe = stackalloc byte[Sr25519.SecretKeySize];
        try
        {
            if (!KeyfileData.TryParseHex(trimmed, probe, out var length) || length is not (Sr25519.MiniSecretSize or Sr25519.SecretKeySize))
                throw new WalletInputException("A seed is 0x followed by 64 hex digits (32-byte mini secret) or 128 hex digits (64-byte secret key).");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(probe);
        }
        return new KeySource(Kind.Seed, trimmed);
    }

    /// <summary>A secret URI, e.g. <c>//Alice</c> or <c>&lt;mnemonic&gt;//hot/0</c>; URI keys are stored by private key only.</summary>
    public static KeySource FromUri(string uri)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        return new KeySource(Kind.Uri, uri);
    }

    /// <summary>Expands the source into a keypair and the keyfile data btwallet writes for it.</summary>
    /// <exception cref="KeyUriException">A URI source does not parse.</exception>
    /// <exception cref="InvalidSecretKeyException">A 64-byte seed is not a canonical secret key.</exception>
    internal (Sr25519Keypair Keypair, KeyfileData Data) Materialize()
    {
        switch (_kind)
        {
            case Kind.Mnemonic:
            {
                using var mini = Mnemonic.ToMiniSecret(_secret);
                var keypair = Sr25519Keypair.FromMiniSecret(mini.Span);
                return (keypair, KeyfileData.FromKeypair(keypair, secretPhrase: _secret, secretSeed: mini.Span));
            }
            case Kind.Seed:
            {
                Span<byte> seed = stackalloc byte[Sr25519.SecretKeySize];
                try
                {
                    KeyfileData.TryParseHex(_secret, seed, out var length);
                    var bytes = seed[..length];
                    var keypair = length == Sr25519.MiniSecretSize ? Sr25519Keypair.FromMiniSecret(bytes) : Sr25519Keypair.FromSecretKey(bytes);
                    return (keypair, KeyfileData.FromKeypair(keypair, secretSeed: bytes));
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(seed);
                }
            }
            default:
            {
                var keypair = Sr25519Keypair.FromUri(_secret);
                return (keypair, KeyfileData.FromKeypair(keypair));
            }
        }
    }

    /// <summary>Names the kind of source only.</summary>
    public override string ToString() => $"KeySource({_kind}, ***)";
}
