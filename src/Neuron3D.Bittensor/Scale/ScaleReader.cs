using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Neuron3D.Bittensor.Scale;

/// <summary>Reads one value of type <typeparamref name="T"/>; used for Vec, Option and array elements.</summary>
public delegate T ScaleDecoder<out T>(ref ScaleReader reader);

/// <summary>
/// Reads SCALE values from a span, front to back. Every malformed input ends in a
/// <see cref="ScaleDecodeException"/> carrying the offset of the bad value; nothing is allocated for lengths that the
/// remaining input could not hold.
/// </summary>
public ref struct ScaleReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Reads from the start of <paramref name="data"/>.</summary>
    public ScaleReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes not yet consumed.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool IsAtEnd => _position == _data.Length;

    /// <summary>The unread rest of the input.</summary>
    public readonly ReadOnlySpan<byte> RemainingSpan => _data[_position..];

    /// <summary>Throws <see cref="ScaleDecodeError.TrailingBytes"/> unless the whole input was consumed.</summary>
    public readonly void EnsureEnd()
    {
        if (!IsAtEnd)
            throw new ScaleDecodeException(ScaleDecodeError.TrailingBytes, _position, $"{Remaining} unread byte(s) after the value");
    }

    /// <summary>Consumes <paramref name="count"/> raw bytes (fixed arrays, AccountId, hashes).</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining)
            throw new ScaleDecodeException(ScaleDecodeError.Truncated, _position, $"needed {count} byte(s), {Remaining} left");
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    /// <summary>Reads <c>Vec&lt;u8&gt;</c>: compact length then the bytes.</summary>
    public ReadOnlySpan<byte> ReadByteSequence()
    {
        var start = _position;
        var length = ReadCompactU64();
        if (length > (ulong)Remaining)
            throw new ScaleDecodeException(ScaleDecodeError.Truncated, start, $"byte vector of {length} byte(s), {Remaining} left");
        return ReadBytes((int)length);
    }

    /// <summary>Reads a UTF-8 string (compact byte length then the bytes); invalid UTF-8 is an error.</summary>
    public string ReadString()
    {
        var start = _position;
        var bytes = ReadByteSequence();
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ScaleDecodeException(ScaleDecodeError.InvalidText, start, "string is not valid UTF-8");
        }
    }

    /// <summary>Reads a bool; only the bytes 0 and 1 are valid.</summary>
    public bool ReadBool()
    {
        var start = _position;
        return ReadU8() switch
        {
            0 => false,
            1 => true,
            var other => throw new ScaleDecodeException(ScaleDecodeError.InvalidBool, start, $"bool byte 0x{other:x2}"),
        };
    }

    /// <summary>Reads a u8.</summary>
    public byte ReadU8() => ReadBytes(1)[0];
    /// <summary>Reads a little-endian u16.</summary>
    public ushort ReadU16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));
    /// <summary>Reads a little-endian u32.</summary>
    public uint ReadU32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));
    /// <summary>Reads a little-endian u64.</summary>
    public ulong ReadU64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));
    /// <summary>Reads a little-endian u128.</summary>
    public UInt128 ReadU128() => BinaryPrimitives.ReadUInt128LittleEndian(ReadBytes(16));
    /// <summary>Reads a little-endian u256.</summary>
    public BigInteger ReadU256() => new(ReadBytes(32), isUnsigned: true, isBigEndian: false);
    /// <summary>Reads an i8.</summary>
    public sbyte ReadI8() => unchecked((sbyte)ReadBytes(1)[0]);
    /// <summary>Reads a little-endian i16.</summary>
    public short ReadI16() => BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(2));
    /// <summary>Reads a little-endian i32.</summary>
    public int ReadI32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));
    /// <summary>Reads a little-endian i64.</summary>
    public long ReadI64() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));
    /// <summary>Reads a little-endian i128.</summary>
    public Int128 ReadI128() => BinaryPrimitives.ReadInt128LittleEndian(ReadBytes(16));
    /// <summary>Reads a little-endian two's-complement i256.</summary>
    public BigInteger ReadI256() => new(ReadBytes(32), isUnsigned: false, isBigEndian: false);

    /// <summary>Reads a compact that must fit a u32 (e.g. <c>Compact&lt;u32&gt;</c>, type ids, lengths).</summary>
    public uint ReadCompactU32()
    {
        var start = _position;
        var value = ReadCompactU64();
        if (value > uint.MaxValue)
            throw new ScaleDecodeException(ScaleDecodeError.Overflow, start, $"compact {value} does not fit u32");
        return (uint)value;
    }

    /// <summary>Reads a compact that must fit a u64; rejects non-canonical (longer than necessary) encodings.</summary>
    public ulong ReadCompactU64()
    {
        var start = _position;
        var first = ReadU8();
        switch (first & 0b11)
        {
            case 0b00:
                return (ulong)(first >> 2);
            case 0b01:
            {
                var value = (ulong)((first | (ReadU8() << 8)) >> 2);
                if (value < 1 << 6) throw NonCanonical(start, value);
                return value;
            }
            case 0b10:
            {
                _position = start;
                var value = (ulong)(ReadU32() >> 2);
                if (value < 1 << 14) throw NonCanonical(start, value);
                return value;
            }
            default:
            {
                var byteCount = (first >> 2) + 4;
                if (byteCount > 8)
                    throw new ScaleDecodeException(ScaleDecodeError.Overflow, start, $"compact of {byteCount} bytes does not fit u64");
                var bytes = ReadBytes(byteCount);
                Span<byte> padded = stackalloc byte[8];
                padded.Clear();
                bytes.CopyTo(padded);
                var value = BinaryPrimitives.ReadUInt64LittleEndian(padded);
                CheckBigMode(start, bytes, value < 1UL << 30);
                return value;
            }
        }
    }

    /// <summary>Reads a compact that must fit a u128.</summary>
    public UInt128 ReadCompactU128()
    {
        var start = _position;
        var value = ReadCompactBig();
        if (value > UInt128.MaxValue)
            throw new ScaleDecodeException(ScaleDecodeError.Overflow, start, $"compact {value} does not fit u128");
        return (UInt128)value;
    }

    /// <summary>Reads a compact of any size (up to 67 bytes, i.e. below 2^536).</summary>
    public BigInteger ReadCompactBig()
    {
        var start = _position;
        var first = _position < _data.Length ? _data[_position] : (byte)0;
        if (_position >= _data.Length || (first & 0b11) != 0b11) return ReadCompactU64();
        _position++;
        var bytes = ReadBytes((first >> 2) + 4);
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
        CheckBigMode(start, bytes, value < 1UL << 30);
        return value;
    }

    private static void CheckBigMode(int start, ReadOnlySpan<byte> bytes, bool fitsSmallerMode)
    {
        // The shortest form is required: no zero top byte, and nothing the 4-byte mode could hold.
        if (bytes[^1] == 0 || fitsSmallerMode)
            throw new ScaleDecodeException(ScaleDecodeError.NonCanonicalCompact, start,
                $"compact uses the {bytes.Length}-byte mode for a value that needs fewer bytes");
    }

    private static ScaleDecodeException NonCanonical(int start, ulong value) =>
        new(ScaleDecodeError.NonCanonicalCompact, start, $"compact {value} is encoded in a longer mode than needed");

    /// <summary>Reads an enum variant index.</summary>
    public byte ReadVariantIndex() => ReadU8();

    /// <summary>Reads an Option tag: true for Some (the value follows), false for None.</summary>
    public bool ReadOptionTag()
    {
        var start = _position;
        return ReadU8() switch
        {
            0 => false,
            1 => true,
            var other => throw new ScaleDecodeException(ScaleDecodeError.InvalidOptionTag, start, $"Option tag 0x{other:x2}"),
        };
    }

    /// <summary>Reads a Result tag: true for Ok, false for Err; the Ok or Err value follows.</summary>
    public bool ReadResultTag()
    {
        var start = _position;
        return ReadU8() switch
        {
            0 => true,
            1 => false,
            var other => throw new ScaleDecodeException(ScaleDecodeError.InvalidResultTag, start, $"Result tag 0x{other:x2}"),
        };
    }

    /// <summary>Reads <c>Option&lt;T&gt;</c> of a value type.</summary>
    public T? ReadOption<T>(ScaleDecoder<T> decode) where T : struct => ReadOptionTag() ? decode(ref this) : null;

    /// <summary>
    /// Reads the compact element count of a sequence and checks that the remaining input can hold that many
    /// elements of at least <paramref name="minElementBytes"/> bytes each (0 for zero-sized elements).
    /// </summary>
    public int ReadSequenceLength(int minElementBytes = 1)
    {
        var start = _position;
        var count = ReadCompactU64();
        var limit = minElementBytes == 0 ? (ulong)int.MaxValue : (ulong)(Remaining / minElementBytes);
        if (count > limit)
            throw new ScaleDecodeException(ScaleDecodeError.InvalidLength, start,
                $"sequence of {count} element(s) cannot fit in the {Remaining} byte(s) left");
        return (int)count;
    }

    /// <summary>Reads <c>Vec&lt;T&gt;</c>.</summary>
    public T[] ReadSequence<T>(ScaleDecoder<T> decode, int minElementBytes = 1) =>
        ReadArray(ReadSequenceLength(minElementBytes), decode);

    /// <summary>Reads a fixed-size array <c>[T; count]</c>.</summary>
    public T[] ReadArray<T>(int count, ScaleDecoder<T> decode)
    {
        var items = new T[count];
        for (var i = 0; i < items.Length; i++) items[i] = decode(ref this);
        return items;
    }

    /// <summary>Reads a bit sequence written as by <see cref="ScaleWriter.WriteBitSequence"/>.</summary>
    public bool[] ReadBitSequence(BitOrder order, BitStore store)
    {
        var start = _position;
        var bitCount = ReadCompactU64();
        var elementBytes = (int)store;
        var elementBits = elementBytes * 8;
        var elements = (bitCount + (ulong)elementBits - 1) / (ulong)elementBits;
        if (elements > (ulong)(Remaining / elementBytes))
            throw new ScaleDecodeException(ScaleDecodeError.Truncated, start, $"bit sequence of {bitCount} bit(s), {Remaining} byte(s) left");
        var input = ReadBytes((int)elements * elementBytes);
        var bits = new bool[bitCount];
        for (var i = 0; i < bits.Length; i++)
        {
            var bitInElement = i % elementBits;
            var position = order == BitOrder.Lsb0 ? bitInElement : elementBits - 1 - bitInElement;
            bits[i] = (input[(i / elementBits) * elementBytes + position / 8] & (1 << (position % 8))) != 0;
        }
        return bits;
    }
}
