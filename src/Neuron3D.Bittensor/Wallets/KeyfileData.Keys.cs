using System.Buffers;
using System.Security.Cryptography;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Wallets;

public sealed partial class KeyfileData
{
    /// <summary>
    /// The full keyfile for <paramref name="keypair"/>. <paramref name="secretPhrase"/> and <paramref name="secretSeed"/>
    /// are recorded when the key was made from them (btwallet does the same), so the file can be reloaded from them.
    /// </summary>
    public static KeyfileData FromKeypair(Sr25519Keypair keypair, string? secretPhrase = null, ReadOnlySpan<byte> secretSeed = default)
    {
        ArgumentNullException.ThrowIfNull(keypair);
        var publicHex = Hex(keypair.PublicKey);
        using var secret = keypair.ExportSecretKey();
        return new KeyfileData
        {
            AccountId = publicHex,
            PublicKey = publicHex,
            PrivateKey = Hex(secret.Span),
            SecretPhrase = secretPhrase,
            // btwallet writes the raw bytes after "0x" when they happen to be UTF-8 (~2^-32 odds); hex is what
            // every reader, btwallet included, can parse back, so Neuron3D always writes hex.
            SecretSeed = secretSeed.IsEmpty ? null : Hex(secretSeed),
            Ss58Address = keypair.Ss58Address,
        };
    }

    /// <summary>Public-only keyfile data (what coldkeypub.txt holds) for a 32-byte public key.</summary>
    public static KeyfileData FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Sr25519.PublicKeySize)
            throw new WalletInputException($"A public key is {Sr25519.PublicKeySize} bytes, got {publicKey.Length}.");
        var publicHex = Hex(publicKey);
        return new KeyfileData { AccountId = publicHex, PublicKey = publicHex, Ss58Address = Ss58.Encode(publicKey) };
    }

    /// <summary>
    /// Loads the keypair with btwallet's precedence: <c>secretPhrase</c> → <c>secretSeed</c> (32-byte mini secret or
    /// 64-byte raw secret) → <c>privateKey</c>. Other fields are not cross-checked, as in btwallet. Public-only data
    /// and unusable secrets raise <see cref="KeyfileFormatException"/>.
    /// </summary>
    public Sr25519Keypair ToKeypair(string? keyfilePath = null)
    {
        try
        {
            if (SecretPhrase is not null)
            {
                using var mini = Mnemonic.ToMiniSecret(SecretPhrase);
                return Sr25519Keypair.FromMiniSecret(mini.Span);
            }
            if (SecretSeed is not null)
                return FromSecretHex(SecretSeed, "secretSeed", allowMiniSecret: true, keyfilePath);
            if (PrivateKey is not null)
                return FromSecretHex(PrivateKey, "privateKey", allowMiniSecret: false, keyfilePath);
        }
        catch (Exception e) when (e is MnemonicException or InvalidSecretKeyException)
        {
            throw new KeyfileFormatException($"{Describe(keyfilePath)} holds an unusable secret: {e.Message}", keyfilePath, e);
        }
        throw new KeyfileFormatException($"{Describe(keyfilePath)} holds public data only; the secret key is not in it.", keyfilePath);
    }

    /// <summary>
    /// The 32-byte public key the data names: from <c>ss58Address</c> (btwallet's public-only load), else
    /// <c>publicKey</c>, else <c>accountId</c>. Secret fields are not expanded.
    /// </summary>
    public byte[] GetPublicKey(string? keyfilePath = null)
    {
        if (Ss58Address is not null)
        {
            if (Ss58.TryDecode(Ss58Address, out var fromAddress, out _) && fromAddress.Length == Sr25519.PublicKeySize) return fromAddress;
            throw new KeyfileFormatException($"{Describe(keyfilePath)} has an invalid ss58Address \"{Ss58Address}\".", keyfilePath);
        }
        var hex = PublicKey ?? AccountId
            ?? throw new KeyfileFormatException($"{Describe(keyfilePath)} names no public key or address.", keyfilePath);
        var bytes = new byte[Sr25519.PublicKeySize];
        if (!TryParseHex(hex, bytes, out var length) || length != bytes.Length)
            throw new KeyfileFormatException($"{Describe(keyfilePath)} has a public key that is not 0x + 64 hex digits.", keyfilePath);
        return bytes;
    }

    /// <summary>The SS58 address (prefix 42) the data names; see <see cref="GetPublicKey"/>.</summary>
    public string GetAddress(string? keyfilePath = null) => Ss58Address is not null && Ss58.TryDecode(Ss58Address, out _, out _)
        ? Ss58Address
        : Ss58.Encode(GetPublicKey(keyfilePath));

    private static Sr25519Keypair FromSecretHex(string hex, string field, bool allowMiniSecret, string? keyfilePath)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Sr25519.SecretKeySize);
        try
        {
            if (!TryParseHex(hex, buffer.AsSpan(0, Sr25519.SecretKeySize), out var length))
                throw new KeyfileFormatException($"{Describe(keyfilePath)}: {field} is not hex of 32 or 64 bytes.", keyfilePath);
            var bytes = buffer.AsSpan(0, length);
            return length switch
            {
                Sr25519.MiniSecretSize when allowMiniSecret => Sr25519Keypair.FromMiniSecret(bytes),
                Sr25519.SecretKeySize => Sr25519Keypair.FromSecretKey(bytes),
                _ => throw new KeyfileFormatException(
                    $"{Describe(keyfilePath)}: {field} is {length} bytes; expected {(allowMiniSecret ? "32 or " : "")}64.", keyfilePath),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, Sr25519.SecretKeySize));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses optional-0x hex into <paramref name="destination"/>; false for odd length, bad digits or overflow.</summary>
    internal static bool TryParseHex(ReadOnlySpan<char> text, Span<byte> destination, out int length)
    {
        length = 0;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) text = text[2..];
        if (text.Length % 2 != 0 || text.Length / 2 > destination.Length) return false;
        if (Convert.FromHexString(text, destination, out _, out length) != OperationStatus.Done) return false;
        return true;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
