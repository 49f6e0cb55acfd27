using System.Buffers.Binary;
using System.IO.Hashing;
using Neuron3D.Bittensor.Interop;
using Neuron3D.Bittensor.Metadata;

namespace Neuron3D.Bittensor.Storage;

/// <summary>
/// Substrate's storage hashers. Twox = xxHash64 run with seeds 0, 1, 2, 3 (as many as needed for 8, 16 or 32
/// bytes), each u64 written little-endian; Blake2 = BLAKE2b with a 16- or 32-byte digest (libsodium).
/// </summary>
public static class StorageHashing
{
    /// <summary>Bytes of the hash part a hasher writes before the key (0 for Identity).</summary>
    public static int HashLength(StorageHasher hasher) => hasher switch
    {
        StorageHasher.Blake2_128 or StorageHasher.Blake2_128Concat or StorageHasher.Twox128 => 16,
        StorageHasher.Blake2_256 or StorageHasher.Twox256 => 32,
        StorageHasher.Twox64Concat => 8,
        StorageHasher.Identity => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(hasher), hasher, "unknown storage hasher"),
    };

    /// <summary>True when the key itself follows the hash, so it can be read back from a storage key.</summary>
    public static bool IsReversible(StorageHasher hasher) =>
        hasher is StorageHasher.Blake2_128Concat or StorageHasher.Twox64Concat or StorageHasher.Identity;

    /// <summary>Length of <paramref name="hasher"/>'s output for a key of <paramref name="keyLength"/> bytes.</summary>
    public static int OutputLength(StorageHasher hasher, int keyLength) =>
        HashLength(hasher) + (IsReversible(hasher) ? keyLength : 0);

    /// <summary>Hashes <paramref name="key"/> (its SCALE encoding) with <paramref name="hasher"/> into a new array.</summary>
    public static byte[] Hash(StorageHasher hasher, ReadOnlySpan<byte> key)
    {
        var output = new byte[OutputLength(hasher, key.Length)];
        Hash(hasher, key, output);
        return output;
    }

    /// <summary>Writes the hasher's output for <paramref name="key"/> to <paramref name="destination"/>; returns its length.</summary>
    public static int Hash(StorageHasher hasher, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        var length = OutputLength(hasher, key.Length);
        if (destination.Length < length) throw new ArgumentException($"destination needs {length} bytes", nameof(destination));
        switch (hasher)
        {
            case StorageHasher.Blake2_128:
            case StorageHasher.Blake2_256:
                Blake2b(key, destination[..HashLength(hasher)]);
                break;
            case StorageHasher.Blake2_128Concat:
                Blake2b(key, destination[..16]);
                key.CopyTo(destination[16..]);
                break;
            case StorageHasher.Twox128:
            case StorageHasher.Twox256:
                Twox(key, destination[..HashLength(hasher)]);
                break;
            case StorageHasher.Twox64Concat:
                Twox(key, destination[..8]);
                key.CopyTo(destination[8..]);
                break;
            case StorageHasher.Identity:
                key.CopyTo(destination);
                break;
        }
        return length;
    }

    /// <summary>xxHash64 with seeds 0..n−1 for n = <paramref name="destination"/>.Length / 8, little-endian each.</summary>
    public static void Twox(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        for (var seed = 0; seed < destination.Length / 8; seed++)
            BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(seed * 8, 8), XxHash64.HashToUInt64(data, seed));
    }

    /// <summary>Unkeyed BLAKE2b with a digest of <paramref name="destination"/>.Length (16..64) bytes.</summary>
    public static unsafe void Blake2b(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        fixed (byte* output = destination)
        fixed (byte* input = data)
        {
            if (Sodium.crypto_generichash(output, (nuint)destination.Length, input, (ulong)data.Length, null, 0) != 0)
                throw new InvalidOperationException($"BLAKE2b with a {destination.Length}-byte digest failed");
        }
    }
}
