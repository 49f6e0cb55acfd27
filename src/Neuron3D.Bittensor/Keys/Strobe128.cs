using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Neuron3D.Bittensor.Keys;

/// <summary>The 1600-bit Keccak state as 25 little-endian lanes, stored inline so a transcript copies by value.</summary>
[InlineArray(25)]
internal struct KeccakState
{
    private ulong _lane0;
}

/// <summary>Keccak-f[1600], the permutation under STROBE (FIPS 202 §3, 24 rounds).</summary>
internal static class KeccakF1600
{
    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    // ρ rotation offsets and π lane order, walked along the (x, y) → (y, 2x + 3y) cycle starting at lane 1.
    private static ReadOnlySpan<byte> RhoOffsets => [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
    private static ReadOnlySpan<byte> PiLanes => [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    /// <summary>Permutes <paramref name="a"/> in place. Lanes are host-endian; callers byte-view them on little-endian hosts.</summary>
    public static void Permute(Span<ulong> a)
    {
        if (a.Length != 25) throw new ArgumentException("Keccak-f[1600] needs 25 lanes", nameof(a));
        Span<ulong> c = stackalloc ulong[5];
        var rc = RoundConstants;
        var rho = RhoOffsets;
        var pi = PiLanes;
        for (var round = 0; round < 24; round++)
        {
            // θ
            for (var x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5) a[y + x] ^= d;
            }
            // ρ and π
            var current = a[1];
            for (var i = 0; i < 24; i++)
            {
                var j = pi[i];
                var next = a[j];
                a[j] = BitOperations.RotateLeft(current, rho[i]);
                current = next;
            }
            // χ
            for (var y = 0; y < 25; y += 5)
            {
                ulong a0 = a[y], a1 = a[y + 1], a2 = a[y + 2], a3 = a[y + 3], a4 = a[y + 4];
                a[y] = a0 ^ (~a1 & a2);
                a[y + 1] = a1 ^ (~a2 & a3);
                a[y + 2] = a2 ^ (~a3 & a4);
                a[y + 3] = a3 ^ (~a4 & a0);
                a[y + 4] = a4 ^ (~a0 & a1);
            }
            // ι
            a[0] ^= rc[round];
        }
    }

    /// <summary>Permutes a state whose bytes are the FIPS 202 byte string (lane i = bytes 8i..8i+7 little-endian).</summary>
    public static void PermuteBytes(ref KeccakState state)
    {
        Span<ulong> lanes = state;
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < 25; i++) lanes[i] = BinaryPrimitives.ReverseEndianness(lanes[i]);
        Permute(lanes);
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < 25; i++) lanes[i] = BinaryPrimitives.ReverseEndianness(lanes[i]);
    }
}

/// <summary>
/// STROBE-128/1600 in the reduced form Merlin uses (strobe v1.0.2, security 128 → rate 166 bytes):
/// only the AD, meta-AD, PRF and KEY operations, with the "more" (continue previous operation) flag.
/// A value type: copying it forks the duplex state, which Merlin's transcript RNG relies on.
/// </summary>
internal struct Strobe128
{
    private const int Rate = 166;
    private const byte FlagI = 1, FlagA = 1 << 1, FlagC = 1 << 2, FlagM = 1 << 4;

    private KeccakState _state;
    private byte _position;
    private byte _positionBegin;
    private byte _currentFlags;

    [UnscopedRef]
    private Span<byte> Bytes => MemoryMarshal.AsBytes((Span<ulong>)_state);

    /// <summary>Initialises STROBE with its domain header, then meta-ADs <paramref name="protocolLabel"/>.</summary>
    public Strobe128(ReadOnlySpan<byte> protocolLabel)
    {
        var bytes = Bytes;
        ReadOnlySpan<byte> header = [1, Rate + 2, 1, 0, 1, 96, .. "STROBEv1.0.2"u8];
        header.CopyTo(bytes);
        KeccakF1600.PermuteBytes(ref _state);
        MetaAd(protocolLabel, more: false);
    }

    public void MetaAd(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagM | FlagA, more);
        Absorb(data);
    }

    public void Ad(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagA, more);
        Absorb(data);
    }

    public void Prf(Span<byte> output, bool more)
    {
        BeginOperation(FlagI | FlagA | FlagC, more);
        Squeeze(output);
    }

    public void Key(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagA | FlagC, more);
        Overwrite(data);
    }

    /// <summary>Zeroes the duplex state (it may hold key material, e.g. a transcript that absorbed a secret).</summary>
    public void Clear()
    {
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(Bytes);
        _position = _positionBegin = _currentFlags = 0;
    }

    private void RunF()
    {
        var bytes = Bytes;
        bytes[_position] ^= _positionBegin;
        bytes[_position + 1] ^= 0x04;
        bytes[Rate + 1] ^= 0x80;
        KeccakF1600.PermuteBytes(ref _state);
        _position = 0;
        _positionBegin = 0;
    }

    private void Absorb(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            Bytes[_position] ^= b;
            if (++_position == Rate) RunF();
        }
    }

    private void Overwrite(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            Bytes[_position] = b;
            if (++_position == Rate) RunF();
        }
    }

    private void Squeeze(Span<byte> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            var bytes = Bytes;
            output[i] = bytes[_position];
            bytes[_position] = 0;
            if (++_position == Rate) RunF();
        }
    }

    private void BeginOperation(byte flags, bool more)
    {
        if (more)
        {
            if (flags != _currentFlags)
                throw new InvalidOperationException($"STROBE: cannot continue operation 0x{_currentFlags:x2} with 0x{flags:x2}");
            return;
        }
        var oldBegin = _positionBegin;
        _positionBegin = (byte)(_position + 1);
        _currentFlags = flags;
        Absorb([oldBegin, flags]);
        // Cipher and key operations start on a fresh block.
        if ((flags & FlagC) != 0 && _position != 0) RunF();
    }
}
