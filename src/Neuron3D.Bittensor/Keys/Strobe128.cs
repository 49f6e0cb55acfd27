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

    /// <summary>Permutes <paramref name="a"/> in place (rounds unrolled into locals: the JIT keeps lanes in registers). Lanes are host-endian; callers byte-view them on little-endian hosts.</summary>
    public static void Permute(Span<ulong> a)
    {
        if (a.Length != 25) throw new ArgumentException("Keccak-f[1600] needs 25 lanes", nameof(a));
        var rc = RoundConstants;
        ulong a0 = a[0];
        ulong a1 = a[1];
        ulong a2 = a[2];
        ulong a3 = a[3];
        ulong a4 = a[4];
        ulong a5 = a[5];
        ulong a6 = a[6];
        ulong a7 = a[7];
        ulong a8 = a[8];
        ulong a9 = a[9];
        ulong a10 = a[10];
        ulong a11 = a[11];
        ulong a12 = a[12];
        ulong a13 = a[13];
        ulong a14 = a[14];
        ulong a15 = a[15];
        ulong a16 = a[16];
        ulong a17 = a[17];
        ulong a18 = a[18];
        ulong a19 = a[19];
        ulong a20 = a[20];
        ulong a21 = a[21];
        ulong a22 = a[22];
        ulong a23 = a[23];
        ulong a24 = a[24];
        for (var round = 0; round < 24; round++)
        {
            // θ
            var c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            var c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            var c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            var c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            var c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            var d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            var d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            var d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            var d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            var d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            // ρ and π: lane (x, y) rotated into position (y, 2x + 3y)
            var b0 = (a0 ^ d0);
            var b1 = BitOperations.RotateLeft((a6 ^ d1), 44);
            var b2 = BitOperations.RotateLeft((a12 ^ d2), 43);
            var b3 = BitOperations.RotateLeft((a18 ^ d3), 21);
            var b4 = BitOperations.RotateLeft((a24 ^ d4), 14);
            var b5 = BitOperations.RotateLeft((a3 ^ d3), 28);
            var b6 = BitOperations.RotateLeft((a9 ^ d4), 20);
            var b7 = BitOperations.RotateLeft((a10 ^ d0), 3);
            var b8 = BitOperations.RotateLeft((a16 ^ d1), 45);
            var b9 = BitOperations.RotateLeft((a22 ^ d2), 61);
            var b10 = BitOperations.RotateLeft((a1 ^ d1), 1);
            var b11 = BitOperations.RotateLeft((a7 ^ d2), 6);
            var b12 = BitOperations.RotateLeft((a13 ^ d3), 25);
            var b13 = BitOperations.RotateLeft((a19 ^ d4), 8);
            var b14 = BitOperations.RotateLeft((a20 ^ d0), 18);
            var b15 = BitOperations.RotateLeft((a4 ^ d4), 27);
            var b16 = BitOperations.RotateLeft((a5 ^ d0), 36);
            var b17 = BitOperations.RotateLeft((a11 ^ d1), 10);
            var b18 = BitOperations.RotateLeft((a17 ^ d2), 15);
            var b19 = BitOperations.RotateLeft((a23 ^ d3), 56);
            var b20 = BitOperations.RotateLeft((a2 ^ d2), 62);
            var b21 = BitOperations.RotateLeft((a8 ^ d3), 55);
            var b22 = BitOperations.RotateLeft((a14 ^ d4), 39);
            var b23 = BitOperations.RotateLeft((a15 ^ d0), 41);
            var b24 = BitOperations.RotateLeft((a21 ^ d1), 2);
            // χ and ι
            a0 = b0 ^ (~b1 & b2);
            a1 = b1 ^ (~b2 & b3);
            a2 = b2 ^ (~b3 & b4);
            a3 = b3 ^ (~b4 & b0);
            a4 = b4 ^ (~b0 & b1);
            a5 = b5 ^ (~b6 & b7);
            a6 = b6 ^ (~b7 & b8);
            a7 = b7 ^ (~b8 & b9);
            a8 = b8 ^ (~b9 & b5);
            a9 = b9 ^ (~b5 & b6);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            a0 ^= rc[round];
        }
        a[0] = a0;
        a[1] = a1;
        a[2] = a2;
        a[3] = a3;
        a[4] = a4;
        a[5] = a5;
        a[6] = a6;
        a[7] = a7;
        a[8] = a8;
        a[9] = a9;
        a[10] = a10;
        a[11] = a11;
        a[12] = a12;
        a[13] = a13;
        a[14] = a14;
        a[15] = a15;
        a[16] = a16;
        a[17] = a17;
        a[18] = a18;
        a[19] = a19;
        a[20] = a20;
        a[21] = a21;
        a[22] = a22;
        a[23] = a23;
        a[24] = a24;
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
        // STROBE domain header: [1, R + 2, 1, 0, 1, 12·8] ‖ "STROBEv1.0.2"
        ReadOnlySpan<byte> header = [1, Rate + 2, 1, 0, 1, 96, 0x53, 0x54, 0x52, 0x4f, 0x42, 0x45, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x32];
        header.CopyTo(Bytes);
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

    // The three duplex primitives work a block at a time: up to the rate boundary, then permute.

    private void Absorb(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var block = Bytes.Slice(_position, Math.Min(data.Length, Rate - _position));
            for (var i = 0; i < block.Length; i++) block[i] ^= data[i];
            Advance(block.Length);
            data = data[block.Length..];
        }
    }

    private void Overwrite(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var block = Bytes.Slice(_position, Math.Min(data.Length, Rate - _position));
            data[..block.Length].CopyTo(block);
            Advance(block.Length);
            data = data[block.Length..];
        }
    }

    private void Squeeze(Span<byte> output)
    {
        while (!output.IsEmpty)
        {
            var block = Bytes.Slice(_position, Math.Min(output.Length, Rate - _position));
            block.CopyTo(output);
            block.Clear();
            Advance(block.Length);
            output = output[block.Length..];
        }
    }

    private void Advance(int count)
    {
        _position = (byte)(_position + count);
        if (_position == Rate) RunF();
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
