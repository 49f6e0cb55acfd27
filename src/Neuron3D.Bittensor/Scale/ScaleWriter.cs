using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Neuron3D.Bittensor.Scale;

/// <summary>Writes one value of type <typeparamref name="T"/>; used for Vec, Option and array elements.</summary>
public delegate void ScaleEncoder<in T>(ref ScaleWriter writer, T value);

/// <summary>
/// Appends SCALE-encoded values to a growable buffer. Starts in a caller-provided span (e.g. <c>stackalloc</c>) and
/// moves to <see cref="ArrayPool{T}"/> buffers when it outgrows it; call <see cref="Dispose"/> to return them.
/// Composite values (structs, tuples, fixed arrays) are simply their fields written one after another.
/// </summary>
public ref struct ScaleWriter
{
    private byte[]? _rented;
    private Span<byte> _buffer;
    private int _length;

    /// <summary>Writes into <paramref name="initialBuffer"/> first, renting larger buffers only when needed.</summary>
    public ScaleWriter(Span<byte> initialBuffer)
    {
        _rented = null;
        _buffer = initialBuffer;
        _length = 0;
    }

    /// <summary>Rents a buffer of at least <paramref name="initialCapacity"/> bytes.</summary>
    public ScaleWriter(int initialCapacity)
    {
        _rented = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 16));
        _buffer = _rented;
        _length = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _length;

    /// <summary>The bytes written so far; valid until the next write or <see cref="Dispose"/>.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _buffer[.._length];

    /// <summary>Copies the written bytes into a new array.</summary>
    public readonly byte[] ToArray() => _buffer[.._length].ToArray();

    /// <summary>Returns any rented buffer to the pool.</summary>
    public void Dispose()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            _buffer = default;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reserves <paramref name="count"/> bytes at the end and returns them for the caller to fill.</summary>
    public Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count) Grow(count);
        var span = _buffer.Slice(_length, count);
        _length += count;
        return span;
    }

    private void Grow(int count)
    {
        var needed = checked(_length + count);
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(_buffer.Length * 2, 64)));
        _buffer[.._length].CopyTo(next);
        if (_rented is { } old) ArrayPool<byte>.Shared.Return(old);
        _rented = next;
        _buffer = next;
    }

    /// <summary>Writes raw bytes with no length prefix (fixed arrays such as <c>[u8; 32]</c>, AccountId, H256).</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>Writes <c>Vec&lt;u8&gt;</c>: compact length, then the bytes.</summary>
    public void WriteByteSequence(scoped ReadOnlySpan<byte> bytes)
    {
        WriteCompact((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    /// <summary>Writes a string: compact UTF-8 byte length, then the UTF-8 bytes.</summary>
    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteCompact((ulong)byteCount);
        Encoding.UTF8.GetBytes(value, Reserve(byteCount));
    }

    /// <summary>Writes a bool as one byte, 0 or 1.</summary>
    public void WriteBool(bool value) => Reserve(1)[0] = value ? (byte)1 : (byte)0;

    /// <summary>Writes a u8.</summary>
    public void WriteU8(byte value) => Reserve(1)[0] = value;
    /// <summary>Writes a u16, little-endian.</summary>
    public void WriteU16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);
    /// <summary>Writes a u32, little-endian.</summary>
    public void WriteU32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
    /// <summary>Writes a u64, little-endian.</summary>
    public void WriteU64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
    /// <summary>Writes a u128, little-endian.</summary>
    public void WriteU128(UInt128 value) => BinaryPrimitives.WriteUInt128LittleEndian(Reserve(16), value);
    /// <summary>Writes an i8 (two's complement).</summary>
    public void WriteI8(sbyte value) => Reserve(1)[0] = unchecked((byte)value);
    /// <summary>Writes an i16, little-endian two's complement.</summary>
    public void WriteI16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Reserve(2), value);
    /// <summary>Writes an i32, little-endian two's complement.</summary>
    public void WriteI32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
    /// <summary>Writes an i64, little-endian two's complement.</summary>
    public void WriteI64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);
    /// <summary>Writes an i128, little-endian two's complement.</summary>
    public void WriteI128(Int128 value) => BinaryPrimitives.WriteInt128LittleEndian(Reserve(16), value);

    /// <summary>Writes a u256 (0 ≤ value &lt; 2^256), 32 bytes little-endian.</summary>
    public void WriteU256(BigInteger value)
    {
        if (value.Sign < 0 || value.GetByteCount(isUnsigned: true) > 32)
            throw new ScaleEncodeException($"{value} is outside the u256 range");
        WriteBigInteger(value, 32, isUnsigned: true);
    }

    /// <summary>Writes an i256 (−2^255 ≤ value &lt; 2^255), 32 bytes little-endian two's complement.</summary>
    public void WriteI256(BigInteger value)
    {
        if (value.GetByteCount(isUnsigned: false) > 32)
            throw new ScaleEncodeException($"{value} is outside the i256 range");
        WriteBigInteger(value, 32, isUnsigned: false);
    }

    private void WriteBigInteger(BigInteger value, int size, bool isUnsigned)
    {
        var span = Reserve(size);
        span.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        value.TryWriteBytes(span, out _, isUnsigned, isBigEndian: false);
    }

    /// <summary>Writes <c>Compact&lt;u64&gt;</c> (or any smaller unsigned type) in the shortest of the four modes.</summary>
    public void WriteCompact(ulong value)
    {
        if (value < 1UL << 6) WriteU8((byte)(value << 2));
        else if (value < 1UL << 14) WriteU16((ushort)((value << 2) | 0b01));
        else if (value < 1UL << 30) WriteU32((uint)((value << 2) | 0b10));
        else
        {
            var byteCount = Math.Max(4, 8 - BitOperations.LeadingZeroCount(value) / 8);
            WriteU8((byte)(((byteCount - 4) << 2) | 0b11));
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
            WriteBytes(bytes[..byteCount]);
        }
    }

    /// <summary>Writes <c>Compact&lt;u128&gt;</c>.</summary>
    public void WriteCompact(UInt128 value)
    {
        if (value <= ulong.MaxValue) { WriteCompact((ulong)value); return; }
        var byteCount = 16 - (int)(UInt128.LeadingZeroCount(value) / 8);
        WriteU8((byte)(((byteCount - 4) << 2) | 0b11));
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
        WriteBytes(bytes[..byteCount]);
    }

    /// <summary>Writes a compact of any non-negative integer below 2^536 (u256 and beyond).</summary>
    public void WriteCompact(BigInteger value)
    {
        if (value.Sign < 0) throw new ScaleEncodeException($"compact integers are unsigned; got {value}");
        if (value <= ulong.MaxValue) { WriteCompact((ulong)value); return; }
        var byteCount = value.GetByteCount(isUnsigned: true);
        if (byteCount > 67) throw new ScaleEncodeException($"{value} needs {byteCount} bytes; compact holds at most 67");
        WriteU8((byte)(((byteCount - 4) << 2) | 0b11));
        WriteBigInteger(value, byteCount, isUnsigned: true);
    }

    /// <summary>Writes an enum variant index (the byte before a variant's fields).</summary>
    public void WriteVariantIndex(byte index) => WriteU8(index);

    /// <summary>Writes <c>Option&lt;T&gt;</c>: 0 for None, 1 then the value for Some.</summary>
    public void WriteOption<T>(T? value, ScaleEncoder<T> encode) where T : struct
    {
        if (value is { } some)
        {
            WriteU8(1);
            encode(ref this, some);
        }
        else WriteU8(0);
    }

    /// <summary>Writes the tag of an Option: 1 for Some (the value must follow), 0 for None.</summary>
    public void WriteOptionTag(bool isSome) => WriteU8(isSome ? (byte)1 : (byte)0);

    /// <summary>Writes the tag of a Result: 0 for Ok, 1 for Err; the Ok or Err value must follow.</summary>
    public void WriteResultTag(bool isOk) => WriteU8(isOk ? (byte)0 : (byte)1);

    /// <summary>Writes <c>Vec&lt;T&gt;</c>: compact count, then each element.</summary>
    public void WriteSequence<T>(scoped ReadOnlySpan<T> items, ScaleEncoder<T> encode)
    {
        WriteCompact((ulong)items.Length);
        WriteArray(items, encode);
    }

    /// <summary>Writes a fixed-size array <c>[T; N]</c> (or a homogeneous tuple): the elements, no length.</summary>
    public void WriteArray<T>(scoped ReadOnlySpan<T> items, ScaleEncoder<T> encode)
    {
        foreach (var item in items) encode(ref this, item);
    }

    /// <summary>
    /// Writes a bit sequence (<c>BitVec&lt;store, order&gt;</c>): compact bit count, then ⌈n / bits-per-element⌉
    /// store elements, each little-endian, bit i in element i / w at position i % w counted from the LSB (Lsb0)
    /// or MSB (Msb0).
    /// </summary>
    public void WriteBitSequence(scoped ReadOnlySpan<bool> bits, BitOrder order, BitStore store)
    {
        WriteCompact((ulong)bits.Length);
        var elementBytes = (int)store;
        var elementBits = elementBytes * 8;
        var elements = (bits.Length + elementBits - 1) / elementBits;
        var output = Reserve(elements * elementBytes);
        output.Clear();
        for (var i = 0; i < bits.Length; i++)
        {
            if (!bits[i]) continue;
            var bitInElement = i % elementBits;
            var position = order == BitOrder.Lsb0 ? bitInElement : elementBits - 1 - bitInElement;
            // Little-endian element: bit p of the integer lives in byte p / 8 of that element.
            output[(i / elementBits) * elementBytes + position / 8] |= (byte)(1 << (position % 8));
        }
    }
}
