using System.Security.Cryptography;
using Neuron3D.Bittensor.Interop;

namespace Neuron3D.Bittensor.Keys;

/// <summary>
/// SS58 addresses (spec §3.4): Base58(prefix ‖ public key ‖ BLAKE2b-512("SS58PRE" ‖ prefix ‖ key)[0..2]).
/// Prefix 0..63 is one byte, 64..16383 two bytes; 42 is Bittensor (and generic Substrate); 46 and 47 are reserved.
/// </summary>
public static unsafe class Ss58
{
    /// <summary>Bittensor's (and generic Substrate's) address format.</summary>
    public const ushort BittensorPrefix = 42;
    /// <summary>Largest encodable prefix (14 bits).</summary>
    public const ushort MaxPrefix = 16383;

    private const int KeySize = 32;
    private const int ChecksumSize = 2;

    /// <summary>Encodes a 32-byte public key (AccountId) with <paramref name="prefix"/>.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The prefix is above 16383 or reserved (46, 47).</exception>
    public static string Encode(ReadOnlySpan<byte> publicKey, ushort prefix = BittensorPrefix)
    {
        if (publicKey.Length != KeySize)
            throw new ArgumentException($"an SS58 account key is {KeySize} bytes, got {publicKey.Length}", nameof(publicKey));
        if (prefix > MaxPrefix || IsReserved(prefix))
            throw new ArgumentOutOfRangeException(nameof(prefix), prefix, "SS58 prefix must be 0..16383 and not reserved (46, 47)");

        Span<byte> payload = stackalloc byte[2 + KeySize + ChecksumSize];
        int prefixLength;
        if (prefix < 64)
        {
            payload[0] = (byte)prefix;
            prefixLength = 1;
        }
        else
        {
            payload[0] = (byte)(((prefix & 0b1111_1100) >> 2) | 0b0100_0000);
            payload[1] = (byte)((prefix >> 8) | ((prefix & 0b11) << 6));
            prefixLength = 2;
        }
        publicKey.CopyTo(payload[prefixLength..]);
        var body = payload[..(prefixLength + KeySize)];
        Checksum(body, payload.Slice(body.Length, ChecksumSize));
        return Base58.Encode(payload[..(body.Length + ChecksumSize)]);
    }

    /// <summary>Decodes an address of any prefix to its 32-byte public key.</summary>
    /// <exception cref="Ss58FormatException">Bad Base58 character, wrong length, bad checksum or reserved prefix.</exception>
    public static byte[] Decode(string address) => Decode(address, out _);

    /// <summary>Decodes an address to its 32-byte public key and its prefix.</summary>
    /// <exception cref="Ss58FormatException">Bad Base58 character, wrong length, bad checksum or reserved prefix.</exception>
    public static byte[] Decode(string address, out ushort prefix)
    {
        var error = TryDecodeCore(address, out var publicKey, out prefix);
        return error is null ? publicKey : throw new Ss58FormatException(error);
    }

    /// <summary>Decodes without throwing; false for anything <see cref="Decode(string)"/> would reject.</summary>
    public static bool TryDecode(string address, out byte[] publicKey, out ushort prefix)
        => TryDecodeCore(address, out publicKey, out prefix) is null;

    private static bool IsReserved(int prefix) => prefix is 46 or 47;

    /// <summary>Returns null on success, else the reason (never echoes more than the offending character).</summary>
    private static string? TryDecodeCore(string? address, out byte[] publicKey, out ushort prefix)
    {
        publicKey = [];
        prefix = 0;
        if (string.IsNullOrEmpty(address)) return "SS58 address is empty";
        if (!Base58.TryDecode(address, out var data, out var badIndex))
            return $"SS58 address has invalid Base58 character '{address[badIndex]}' at position {badIndex}";
        if (data.Length is not (1 + KeySize + ChecksumSize or 2 + KeySize + ChecksumSize))
            return $"SS58 address decodes to {data.Length} bytes; a {KeySize}-byte account needs {1 + KeySize + ChecksumSize} (one-byte prefix) or {2 + KeySize + ChecksumSize} (two-byte prefix)";

        int prefixLength;
        int decodedPrefix;
        switch (data[0])
        {
            case < 64:
                prefixLength = 1;
                decodedPrefix = data[0];
                break;
            case < 128:
                prefixLength = 2;
                var lower = ((data[0] << 2) | (data[1] >> 6)) & 0xff;
                var upper = data[1] & 0b0011_1111;
                decodedPrefix = lower | (upper << 8);
                if (decodedPrefix < 64)
                    return $"SS58 address uses the two-byte form for prefix {decodedPrefix}, which must be one byte";
                break;
            default:
                return $"SS58 address has an invalid prefix byte 0x{data[0]:x2}";
        }
        if (data.Length != prefixLength + KeySize + ChecksumSize)
            return $"SS58 address decodes to {data.Length} bytes; a {KeySize}-byte account with a {prefixLength}-byte prefix needs {prefixLength + KeySize + ChecksumSize} bytes";
        if (IsReserved(decodedPrefix)) return $"SS58 prefix {decodedPrefix} is reserved";

        Span<byte> expected = stackalloc byte[ChecksumSize];
        Checksum(data.AsSpan(0, prefixLength + KeySize), expected);
        if (!expected.SequenceEqual(data.AsSpan(prefixLength + KeySize)))
            return "SS58 address checksum does not match (mistyped address?)";

        publicKey = data.AsSpan(prefixLength, KeySize).ToArray();
        prefix = (ushort)decodedPrefix;
        return null;
    }

    private static void Checksum(ReadOnlySpan<byte> body, Span<byte> checksum)
    {
        Sodium.EnsureInitialized();
        Span<byte> input = stackalloc byte[7 + body.Length];
        "SS58PRE"u8.CopyTo(input);
        body.CopyTo(input[7..]);
        Span<byte> hash = stackalloc byte[64];
        fixed (byte* i = input, h = hash)
            if (Sodium.crypto_generichash(h, 64, i, (ulong)input.Length, null, 0) != 0)
                throw new CryptographicException("BLAKE2b failed");
        hash[..ChecksumSize].CopyTo(checksum);
    }
}
