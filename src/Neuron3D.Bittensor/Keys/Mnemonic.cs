using System.Security.Cryptography;
using System.Text;

namespace Neuron3D.Bittensor.Keys;

/// <summary>
/// BIP39 English mnemonics as Substrate uses them (spec §3.1): words ↔ entropy with checksum, and the substrate-bip39
/// mini secret = PBKDF2-HMAC-SHA512(entropy, "mnemonic" + passphrase, 2048)[0..32] — over the entropy, not the sentence.
/// </summary>
public static class Mnemonic
{
    private const int Pbkdf2Iterations = 2048;
    private static readonly int[] AllowedWordCounts = [12, 15, 18, 21, 24];

    private static readonly Lazy<(string[] Words, Dictionary<string, int> Index)> WordList = new(LoadWordList);

    private static (string[], Dictionary<string, int>) LoadWordList()
    {
        using var stream = typeof(Mnemonic).Assembly.GetManifestResourceStream("Neuron3D.Bittensor.Keys.bip39-english.txt")
                           ?? throw new InvalidOperationException("embedded BIP39 English wordlist is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2048) throw new InvalidOperationException($"BIP39 wordlist has {words.Length} words, expected 2048");
        var index = new Dictionary<string, int>(2048, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++) index.Add(words[i], i);
        return (words, index);
    }

    /// <summary>A new mnemonic of <paramref name="words"/> words (12, 15, 18, 21 or 24) from the OS CSPRNG.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unsupported word count.</exception>
    public static string Generate(int words = 12)
    {
        if (Array.IndexOf(AllowedWordCounts, words) < 0)
            throw new ArgumentOutOfRangeException(nameof(words), words, "BIP39 word count must be 12, 15, 18, 21 or 24");
        Span<byte> entropy = stackalloc byte[words * 4 / 3];
        RandomNumberGenerator.Fill(entropy);
        try
        {
            return FromEntropy(entropy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    /// <summary>The mnemonic for 16, 20, 24, 28 or 32 bytes of entropy (checksum = first ENT/32 bits of SHA-256).</summary>
    internal static string FromEntropy(ReadOnlySpan<byte> entropy)
    {
        var wordCount = entropy.Length * 3 / 4;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(entropy, hash);
        var words = WordList.Value.Words;
        var builder = new StringBuilder(wordCount * 9);
        for (var w = 0; w < wordCount; w++)
        {
            var index = 0;
            for (var bit = w * 11; bit < w * 11 + 11; bit++)
                index = (index << 1) | GetBit(bit < entropy.Length * 8 ? entropy : hash, bit < entropy.Length * 8 ? bit : bit - entropy.Length * 8);
            if (w > 0) builder.Append(' ');
            builder.Append(words[index]);
        }
        return builder.ToString();
    }

    /// <summary>Throws when <paramref name="phrase"/> is not a valid BIP39 English mnemonic.</summary>
    /// <exception cref="MnemonicException">Wrong word count, unknown word (named with its position), or checksum mismatch.</exception>
    public static void Validate(string phrase) => CryptographicOperations.ZeroMemory(ToEntropy(phrase));

    /// <summary>The entropy bytes (16..32) encoded by <paramref name="phrase"/> (words separated by any whitespace).</summary>
    /// <exception cref="MnemonicException">Wrong word count, unknown word, or checksum mismatch.</exception>
    public static byte[] ToEntropy(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (Array.IndexOf(AllowedWordCounts, words.Length) < 0)
            throw new MnemonicException($"mnemonic has {words.Length} words; BIP39 needs 12, 15, 18, 21 or 24");

        var index = WordList.Value.Index;
        var totalBits = words.Length * 11;
        var entropyBits = totalBits * 32 / 33;
        var entropy = new byte[entropyBits / 8];
        byte checksum = 0;
        for (var w = 0; w < words.Length; w++)
        {
            if (!index.TryGetValue(words[w], out var value))
                throw new MnemonicException($"mnemonic word {w + 1} \"{words[w]}\" is not in the BIP39 English wordlist");
            for (var b = 10; b >= 0; b--)
            {
                var bit = w * 11 + (10 - b);
                var set = (value >> b) & 1;
                if (bit < entropyBits) entropy[bit >> 3] |= (byte)(set << (7 - (bit & 7)));
                else checksum = (byte)((checksum << 1) | set);
            }
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(entropy, hash);
        var checksumBits = totalBits - entropyBits;
        if (hash[0] >> (8 - checksumBits) != checksum)
        {
            CryptographicOperations.ZeroMemory(entropy);
            throw new MnemonicException("mnemonic checksum does not match (a word is wrong or the order is changed)");
        }
        return entropy;
    }

    /// <summary>
    /// The 32-byte substrate mini secret (keyfile <c>secretSeed</c>) for <paramref name="phrase"/> and BIP39
    /// <paramref name="passphrase"/> (the <c>///password</c> of a URI; wallets use "").
    /// </summary>
    /// <exception cref="MnemonicException">The phrase is not a valid mnemonic.</exception>
    public static SecretBytes ToMiniSecret(string phrase, string passphrase = "")
    {
        using var seed = ToSeed64(phrase, passphrase);
        return SecretBytes.CopyFrom(seed.Span[..32]);
    }

    /// <summary>The full 64-byte PBKDF2 output (substrate-bip39 <c>seed_from_entropy</c>); the mini secret is its first half.</summary>
    internal static SecretBytes ToSeed64(string phrase, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var entropy = ToEntropy(phrase);
        var salt = Encoding.UTF8.GetBytes("mnemonic" + passphrase);
        var seed = new SecretBytes(64);
        Rfc2898DeriveBytes.Pbkdf2(entropy, salt, seed.WritableSpan, Pbkdf2Iterations, HashAlgorithmName.SHA512);
        CryptographicOperations.ZeroMemory(entropy);
        CryptographicOperations.ZeroMemory(salt);
        return seed;
    }

    private static int GetBit(ReadOnlySpan<byte> data, int bit) => (data[bit >> 3] >> (7 - (bit & 7))) & 1;
}
