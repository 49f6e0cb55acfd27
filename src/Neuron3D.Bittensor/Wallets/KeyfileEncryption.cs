using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Neuron3D.Bittensor.Interop;

namespace Neuron3D.Bittensor.Wallets;

/// <summary>How a keyfile's bytes are encoded, told apart by their first bytes (spec §2.3).</summary>
public enum KeyfileFormat
{
    /// <summary>Plain JSON (hotkeys and public files by default).</summary>
    Plaintext,
    /// <summary><c>$NACL</c> ‖ nonce ‖ secretbox: the current btcli / bittensor-wallet encryption.</summary>
    NaCl,
    /// <summary><c>$ANSIBLE_VAULT</c>: legacy, not read by Neuron3D.</summary>
    AnsibleVault,
    /// <summary><c>gAAAAA</c> Fernet token of the pre-2024 Python SDK: legacy, not read by Neuron3D.</summary>
    LegacyFernet,
}

/// <summary>Argon2i v1.3 cost. Only <see cref="Spec"/> is ever used for files; tests may pass a cheaper one in-process.</summary>
internal readonly record struct Argon2iCost(ulong OpsLimit, nuint MemLimitBytes)
{
    /// <summary>btwallet's <c>argon2i13::OPSLIMIT_SENSITIVE</c> / <c>MEMLIMIT_SENSITIVE</c>: t = 8, m = 512 MiB, p = 1.</summary>
    public static Argon2iCost Spec { get; } = new(8, 512u * 1024 * 1024);
}

/// <summary>
/// btcli's keyfile encryption (spec §2.3): file = ASCII <c>$NACL</c> ‖ 24-byte random nonce ‖
/// <c>crypto_secretbox_easy</c> (16-byte Poly1305 MAC ‖ XSalsa20 ciphertext), with the 32-byte key derived by
/// Argon2i v1.3 (t = 8, m = 512 MiB, p = 1) from the UTF-8 password and a fixed salt. One key derivation costs
/// about a second and half a GiB of memory by design.
/// </summary>
public static class KeyfileEncryption
{
    /// <summary>Bytes of the <c>$NACL</c> marker.</summary>
    public const int PrefixBytes = 5;
    /// <summary>Bytes of the XSalsa20 nonce that follows the marker.</summary>
    public const int NonceBytes = Sodium.SecretBoxNonceBytes;
    /// <summary>Bytes of the Poly1305 tag that precedes the ciphertext.</summary>
    public const int MacBytes = Sodium.SecretBoxMacBytes;
    /// <summary>Bytes of the derived secretbox key.</summary>
    public const int KeyBytes = Sodium.SecretBoxKeyBytes;
    /// <summary>Bytes an encrypted file adds to its plaintext (marker + nonce + tag = 45).</summary>
    public const int OverheadBytes = PrefixBytes + NonceBytes + MacBytes;

    private static ReadOnlySpan<byte> NaClPrefix => "$NACL"u8;
    private static ReadOnlySpan<byte> AnsiblePrefix => "$ANSIBLE_VAULT"u8;
    private static ReadOnlySpan<byte> FernetPrefix => "gAAAAA"u8;

    /// <summary>btwallet's NACL_SALT (16 bytes), the same for every keyfile.</summary>
    private static ReadOnlySpan<byte> Salt =>
        [0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc, 0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1];

    /// <summary>Tells the encoding of keyfile bytes from their prefix; anything unrecognised is plaintext JSON.</summary>
    public static KeyfileFormat DetectFormat(ReadOnlySpan<byte> fileBytes) =>
        fileBytes.StartsWith(NaClPrefix) ? KeyfileFormat.NaCl
        : fileBytes.StartsWith(AnsiblePrefix) ? KeyfileFormat.AnsibleVault
        : fileBytes.StartsWith(FernetPrefix) ? KeyfileFormat.LegacyFernet
        : KeyfileFormat.Plaintext;

    /// <summary>Derives the 32-byte secretbox key from a password with the spec's Argon2i parameters (~1 s, 512 MiB).</summary>
    public static void DeriveKey(ReadOnlySpan<char> password, Span<byte> key) => DeriveKey(password, key, Argon2iCost.Spec);

    internal static void DeriveKey(ReadOnlySpan<char> password, Span<byte> key, Argon2iCost cost)
    {
        if (key.Length != KeyBytes) throw new ArgumentException($"key must be {KeyBytes} bytes", nameof(key));
        var passwordBytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(password.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(password, passwordBytes);
            unsafe
            {
                fixed (byte* k = key)
                fixed (byte* p = passwordBytes)
                fixed (byte* s = Salt)
                {
                    if (Sodium.crypto_pwhash(k, (ulong)key.Length, p, (ulong)length, s, cost.OpsLimit, cost.MemLimitBytes,
                            Sodium.PwHashAlgArgon2i13) != 0)
                        throw new InsufficientMemoryException(
                            $"Argon2i key derivation failed: it needs {cost.MemLimitBytes / (1024 * 1024)} MiB of free memory.");
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
            ArrayPool<byte>.Shared.Return(passwordBytes);
        }
    }

    /// <summary>Encrypts keyfile plaintext with a fresh random nonce; returns the complete file bytes.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<char> password) =>
        Encrypt(plaintext, password, Argon2iCost.Spec);

    internal static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<char> password, Argon2iCost cost)
    {
        Span<byte> nonce = stackalloc byte[NonceBytes];
        RandomNumberGenerator.Fill(nonce);
        Span<byte> key = stackalloc byte[KeyBytes];
        try
        {
            DeriveKey(password, key, cost);
            return Seal(plaintext, key, nonce);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Builds the file bytes from an already derived key and a given nonce (the spec vector fixes both).</summary>
    internal static unsafe byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce)
    {
        if (key.Length != KeyBytes) throw new ArgumentException($"key must be {KeyBytes} bytes", nameof(key));
        if (nonce.Length != NonceBytes) throw new ArgumentException($"nonce must be {NonceBytes} bytes", nameof(nonce));
        var file = new byte[OverheadBytes + plaintext.Length];
        NaClPrefix.CopyTo(file);
        nonce.CopyTo(file.AsSpan(PrefixBytes));
        // libsodium wants a valid pointer even for an empty message.
        ReadOnlySpan<byte> message = plaintext.IsEmpty ? stackalloc byte[1] : plaintext;
        fixed (byte* c = &file[PrefixBytes + NonceBytes])
        fixed (byte* m = message)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            if (Sodium.crypto_secretbox_easy(c, m, (ulong)plaintext.Length, n, k) != 0)
                throw new CryptographicException("crypto_secretbox_easy failed");
        }
        return file;
    }

    /// <summary>
    /// Length of the plaintext inside NaCl file bytes, for sizing the buffer given to <see cref="Decrypt(ReadOnlySpan{byte}, ReadOnlySpan{char}, Span{byte})"/>.
    /// Legacy formats raise <see cref="LegacyKeyfileFormatException"/>; truncated or plaintext input raises
    /// <see cref="KeyfileDecryptionException"/>.
    /// </summary>
    public static int GetPlaintextLength(ReadOnlySpan<byte> fileBytes)
    {
        switch (DetectFormat(fileBytes))
        {
            case KeyfileFormat.NaCl:
                if (fileBytes.Length < OverheadBytes)
                    throw new KeyfileDecryptionException(
                        $"NaCl keyfile data is truncated: {fileBytes.Length} bytes, at least {OverheadBytes} expected.");
                return fileBytes.Length - OverheadBytes;
            case KeyfileFormat.Plaintext:
                throw new KeyfileDecryptionException("The keyfile data is not encrypted (no $NACL marker).");
            case var legacy:
                throw new LegacyKeyfileFormatException(legacy, null);
        }
    }

    /// <summary>
    /// Decrypts NaCl keyfile bytes into <paramref name="plaintext"/> (exactly <see cref="GetPlaintextLength"/> bytes).
    /// A wrong password or damaged data raises <see cref="KeyfileDecryptionException"/>.
    /// </summary>
    public static void Decrypt(ReadOnlySpan<byte> fileBytes, ReadOnlySpan<char> password, Span<byte> plaintext) =>
        Decrypt(fileBytes, password, plaintext, Argon2iCost.Spec);

    internal static void Decrypt(ReadOnlySpan<byte> fileBytes, ReadOnlySpan<char> password, Span<byte> plaintext, Argon2iCost cost)
    {
        var length = GetPlaintextLength(fileBytes);
        if (plaintext.Length != length)
            throw new ArgumentException($"plaintext buffer must be {length} bytes", nameof(plaintext));
        Span<byte> key = stackalloc byte[KeyBytes];
        try
        {
            DeriveKey(password, key, cost);
            if (!TryOpen(fileBytes, key, plaintext))
                throw new KeyfileDecryptionException("Could not decrypt the keyfile: wrong password, or the file is damaged.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Opens NaCl file bytes with an already derived key; false when the MAC does not verify.</summary>
    internal static unsafe bool TryOpen(ReadOnlySpan<byte> fileBytes, ReadOnlySpan<byte> key, Span<byte> plaintext)
    {
        var length = GetPlaintextLength(fileBytes);
        if (plaintext.Length != length) throw new ArgumentException($"plaintext buffer must be {length} bytes", nameof(plaintext));
        var nonce = fileBytes.Slice(PrefixBytes, NonceBytes);
        var box = fileBytes[(PrefixBytes + NonceBytes)..];
        // libsodium wants a valid pointer even for an empty message.
        Span<byte> empty = stackalloc byte[1];
        var target = plaintext.Length == 0 ? empty : plaintext;
        fixed (byte* m = target)
        fixed (byte* c = box)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            if (Sodium.crypto_secretbox_open_easy(m, c, (ulong)box.Length, n, k) == 0) return true;
        }
        CryptographicOperations.ZeroMemory(plaintext);
        return false;
    }
}
