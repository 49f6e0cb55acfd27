using System.Numerics;
using CsCheck;
using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Bittensor.Tests.Scale;

public class ScaleCodecTests
{


    private static byte[] EncodeCompact(BigInteger value)
    {
        var writer = new ScaleWriter(stackalloc byte[8]);
        try
        {
            writer.WriteCompact(value);
            return writer.ToArray();
        }
        finally { writer.Dispose(); }
    }

    // Vectors from the SCALE specification (docs.substrate.io "SCALE codec", compact/general integers table)
    // and the edge values of each mode.
    public static TheoryData<string, string> CompactVectors => new()
    {
        { "0", "00" },
        { "1", "04" },
        { "42", "a8" },
        { "63", "fc" },
        { "64", "0101" },
        { "69", "1501" },
        { "16383", "fdff" },
        { "16384", "02000100" },
        { "65535", "feff0300" },
        { "1073741823", "feffffff" },
        { "1073741824", "0300000040" },
        { "100000000000000", "0b00407a10f35a" },
        { "18446744073709551615", "13ffffffffffffffff" },
        { "340282366920938463463374607431768211455", "33ffffffffffffffffffffffffffffffff" },
    };

    [Theory]
    [MemberData(nameof(CompactVectors))]
    public void Compact_matches_spec_vectors(string value, string hex)
    {
        var number = BigInteger.Parse(value);
        Assert.Equal(hex, Convert.ToHexStringLower(EncodeCompact(number)));

        var reader = new ScaleReader(Convert.FromHexString(hex));
        Assert.Equal(number, reader.ReadCompactBig());
        reader.EnsureEnd();

        if (number <= ulong.MaxValue)
        {
            var writer = new ScaleWriter(stackalloc byte[16]);
            writer.WriteCompact((ulong)number);
            Assert.Equal(hex, Convert.ToHexStringLower(writer.WrittenSpan));
            writer.Dispose();
            var r64 = new ScaleReader(Convert.FromHexString(hex));
            Assert.Equal((ulong)number, r64.ReadCompactU64());
        }

        var writer128 = new ScaleWriter(stackalloc byte[32]);
        writer128.WriteCompact((UInt128)number);
        Assert.Equal(hex, Convert.ToHexStringLower(writer128.WrittenSpan));
        writer128.Dispose();
        var r128 = new ScaleReader(Convert.FromHexString(hex));
        Assert.Equal((UInt128)number, r128.ReadCompactU128());
    }

    public static TheoryData<string, ScaleDecodeError, int> BadCompacts => new()
    {
        { "", ScaleDecodeError.Truncated, 0 },
        { "01", ScaleDecodeError.Truncated, 1 },           // 2-byte mode, second byte missing
        { "020001", ScaleDecodeError.Truncated, 0 },       // 4-byte mode, one byte missing
        { "13ffff", ScaleDecodeError.Truncated, 1 },       // 8-byte big mode, 6 bytes missing
        { "0100", ScaleDecodeError.NonCanonicalCompact, 0 },         // 0 in the 2-byte mode
        { "fd00", ScaleDecodeError.NonCanonicalCompact, 0 },         // 63 in the 2-byte mode
        { "02000000", ScaleDecodeError.NonCanonicalCompact, 0 },     // 0 in the 4-byte mode
        { "fe ff 00 00", ScaleDecodeError.NonCanonicalCompact, 0 },  // 16383 in the 4-byte mode
        { "03ffffff3f", ScaleDecodeError.NonCanonicalCompact, 0 },   // 2^30-1 in the big mode
        { "070000004000", ScaleDecodeError.NonCanonicalCompact, 0 }, // overlong: zero top byte
        { "17ffffffffffffffff01", ScaleDecodeError.Overflow, 0 },    // 2^72-1 read as u64
    };

    [Theory]
    [MemberData(nameof(BadCompacts))]
    public void Malformed_compacts_are_typed_errors_with_offset(string hex, ScaleDecodeError error, int offset)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", ""));
        var ex = Assert.Throws<ScaleDecodeException>(() => new ScaleReader(bytes).ReadCompactU64());
        Assert.Equal(error, ex.Error);
        Assert.Equal(offset, ex.Offset);
    }

    [Fact]
    public void Compact_u32_rejects_values_above_u32()
    {
        var ex = Assert.Throws<ScaleDecodeException>(() => new ScaleReader(Convert.FromHexString("070000000001")).ReadCompactU32());
        Assert.Equal(ScaleDecodeError.Overflow, ex.Error);
    }

    [Fact]
    public void Compact_big_up_to_536_bits_round_trips_and_larger_is_rejected()
    {
        var max = BigInteger.Pow(2, 536) - 1;
        var bytes = EncodeCompact(max);
        Assert.Equal(68, bytes.Length);
        Assert.Equal(0xff, bytes[0]);
        Assert.Equal(max, new ScaleReader(bytes).ReadCompactBig());
        Assert.Throws<ScaleEncodeException>(() => EncodeCompact(max + 1));
        Assert.Throws<ScaleEncodeException>(() => EncodeCompact(-1));
    }

    [Fact]
    public void Fixed_width_integers_are_little_endian()
    {
        var writer = new ScaleWriter(stackalloc byte[4]);
        writer.WriteU8(0x2a);
        writer.WriteU16(0x0102);
        writer.WriteU32(0x01020304);
        writer.WriteU64(1_000_000_000);
        writer.WriteI16(-2);
        writer.WriteI32(int.MinValue);
        writer.WriteU128(UInt128.MaxValue - 1);
        writer.WriteI128(Int128.MinValue);
        writer.WriteU256(BigInteger.Pow(2, 255));
        writer.WriteI256(-1);
        writer.WriteI8(-128);
        var hex = Convert.ToHexStringLower(writer.WrittenSpan);
        writer.Dispose();
        Assert.Equal(
            "2a" + "0201" + "04030201" + "00ca9a3b00000000" + "feff" + "00000080" +
            "feffffffffffffffffffffffffffffff" + "00000000000000000000000000000080" +
            new string('0', 62) + "80" + new string('f', 64) + "80", hex);

        var reader = new ScaleReader(Convert.FromHexString(hex));
        Assert.Equal(0x2a, reader.ReadU8());
        Assert.Equal(0x0102, reader.ReadU16());
        Assert.Equal(0x01020304u, reader.ReadU32());
        Assert.Equal(1_000_000_000UL, reader.ReadU64());
        Assert.Equal(-2, reader.ReadI16());
        Assert.Equal(int.MinValue, reader.ReadI32());
        Assert.Equal(UInt128.MaxValue - 1, reader.ReadU128());
        Assert.Equal(Int128.MinValue, reader.ReadI128());
        Assert.Equal(BigInteger.Pow(2, 255), reader.ReadU256());
        Assert.Equal(BigInteger.MinusOne, reader.ReadI256());
        Assert.Equal(-128, reader.ReadI8());
        reader.EnsureEnd();
    }

    [Fact]
    public void U256_and_i256_ranges_are_enforced()
    {
        Assert.Throws<ScaleEncodeException>(() => { var w = new ScaleWriter(64); try { w.WriteU256(BigInteger.Pow(2, 256)); } finally { w.Dispose(); } });
        Assert.Throws<ScaleEncodeException>(() => { var w = new ScaleWriter(64); try { w.WriteU256(-1); } finally { w.Dispose(); } });
        Assert.Throws<ScaleEncodeException>(() => { var w = new ScaleWriter(64); try { w.WriteI256(BigInteger.Pow(2, 255)); } finally { w.Dispose(); } });
    }

    [Fact]
    public void Option_result_vec_string_and_enum_layouts()
    {
        var writer = new ScaleWriter(8);
        writer.WriteOption<ushort>(1, static (ref ScaleWriter w, ushort v) => w.WriteU16(v));
        writer.WriteOption<ushort>(null, static (ref ScaleWriter w, ushort v) => w.WriteU16(v));
        writer.WriteResultTag(isOk: true);
        writer.WriteU8(42);
        writer.WriteResultTag(isOk: false);
        writer.WriteBool(false);
        writer.WriteSequence<ushort>([0, 1], static (ref ScaleWriter w, ushort v) => w.WriteU16(v));
        writer.WriteString("Neuron3D");
        writer.WriteVariantIndex(3);
        writer.WriteArray<byte>([7, 8], static (ref ScaleWriter w, byte v) => w.WriteU8(v));
        var bytes = writer.ToArray();
        writer.Dispose();
        Assert.Equal("010100" + "00" + "002a" + "0100" + "0800000100" + "204e6575726f6e3344" + "03" + "0708", Convert.ToHexStringLower(bytes));

        var reader = new ScaleReader(bytes);
        Assert.Equal((ushort)1, reader.ReadOption(static (ref ScaleReader r) => r.ReadU16()));
        Assert.Null(reader.ReadOption(static (ref ScaleReader r) => r.ReadU16()));
        Assert.True(reader.ReadResultTag());
        Assert.Equal(42, reader.ReadU8());
        Assert.False(reader.ReadResultTag());
        Assert.False(reader.ReadBool());
        Assert.Equal(new ushort[] { 0, 1 }, reader.ReadSequence(static (ref ScaleReader r) => r.ReadU16(), 2));
        Assert.Equal("Neuron3D", reader.ReadString());
        Assert.Equal(3, reader.ReadVariantIndex());
        Assert.Equal(new byte[] { 7, 8 }, reader.ReadArray(2, static (ref ScaleReader r) => r.ReadU8()));
        reader.EnsureEnd();
    }

    public static TheoryData<string, ScaleDecodeError> BadValues => new()
    {
        { "bool:02", ScaleDecodeError.InvalidBool },
        { "option:02", ScaleDecodeError.InvalidOptionTag },
        { "result:05", ScaleDecodeError.InvalidResultTag },
        { "string:08c328", ScaleDecodeError.InvalidText },
        { "string:0c4142", ScaleDecodeError.Truncated },
        { "vec16:fdff01", ScaleDecodeError.InvalidLength },
        { "u32:010203", ScaleDecodeError.Truncated },
        { "end:00", ScaleDecodeError.TrailingBytes },
        { "bits:2000", ScaleDecodeError.Truncated },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Malformed_values_are_typed_errors(string input, ScaleDecodeError error)
    {
        var kind = input[..input.IndexOf(':')];
        var bytes = Convert.FromHexString(input[(kind.Length + 1)..]);
        var ex = Assert.Throws<ScaleDecodeException>(() =>
        {
            var reader = new ScaleReader(bytes);
            switch (kind)
            {
                case "bool": reader.ReadBool(); break;
                case "option": reader.ReadOptionTag(); break;
                case "result": reader.ReadResultTag(); break;
                case "string": reader.ReadString(); break;
                case "vec16": reader.ReadSequence(static (ref ScaleReader r) => r.ReadU16(), 2); break;
                case "u32": reader.ReadU32(); break;
                case "end": reader.EnsureEnd(); break;
                case "bits": reader.ReadBitSequence(BitOrder.Lsb0, BitStore.U32); break;
            }
        });
        Assert.Equal(error, ex.Error);
    }

    // bitvec 1.x encodings (parity-scale-codec "bit-vec" feature): compact bit count, then whole store elements.
    public static TheoryData<string, BitOrder, BitStore, string> BitVectors => new()
    {
        { "10110", BitOrder.Lsb0, BitStore.U8, "140d" },
        { "10110", BitOrder.Msb0, BitStore.U8, "14b0" },
        { "101100001", BitOrder.Lsb0, BitStore.U8, "240d01" },
        { "101100001", BitOrder.Lsb0, BitStore.U32, "240d010000" },
        { "101100001", BitOrder.Msb0, BitStore.U32, "240000 80b0".Replace(" ", "") },
        { "", BitOrder.Lsb0, BitStore.U32, "00" },
    };

    [Theory]
    [MemberData(nameof(BitVectors))]
    public void Bit_sequences_follow_store_and_order(string bits, BitOrder order, BitStore store, string hex)
    {
        var values = bits.Select(c => c == '1').ToArray();
        var writer = new ScaleWriter(4);
        writer.WriteBitSequence(values, order, store);
        Assert.Equal(hex, Convert.ToHexStringLower(writer.WrittenSpan));
        writer.Dispose();
        var reader = new ScaleReader(Convert.FromHexString(hex));
        Assert.Equal(values, reader.ReadBitSequence(order, store));
        reader.EnsureEnd();
    }

    [Fact]
    public void Compact_round_trips_for_any_u64() =>
        Gen.ULong.Sample(value =>
        {
            var writer = new ScaleWriter(stackalloc byte[16]);
            writer.WriteCompact(value);
            var reader = new ScaleReader(writer.WrittenSpan);
            var ok = reader.ReadCompactU64() == value && reader.IsAtEnd && writer.Length == ExpectedLength(value);
            writer.Dispose();
            return ok;
        });

    private static int ExpectedLength(ulong value) =>
        value < 1 << 6 ? 1 : value < 1 << 14 ? 2 : value < 1 << 30 ? 4 : 1 + Math.Max(4, (64 - BitOperations.LeadingZeroCount(value) + 7) / 8);

    [Fact]
    public void Compact_round_trips_for_any_big_integer() =>
        Gen.Byte.Array[0, 67].Sample(bytes =>
        {
            var value = new BigInteger(bytes, isUnsigned: true);
            var encoded = EncodeCompact(value);
            var reader = new ScaleReader(encoded);
            return reader.ReadCompactBig() == value && reader.IsAtEnd;
        });

    [Fact]
    public void Fixed_ints_strings_and_vectors_round_trip() =>
        Gen.Select(Gen.UInt, Gen.Long, Gen.String, Gen.UShort.Array, Gen.ULong, Gen.ULong)
            .Sample((u32, i64, text, items, hi, lo) =>
            {
                var u128 = new UInt128(hi, lo);
                var writer = new ScaleWriter(16);
                writer.WriteU32(u32);
                writer.WriteI64(i64);
                writer.WriteString(text);
                writer.WriteSequence<ushort>(items, static (ref ScaleWriter w, ushort v) => w.WriteU16(v));
                writer.WriteU128(u128);
                writer.WriteCompact(u128);
                var bytes = writer.ToArray();
                writer.Dispose();
                var reader = new ScaleReader(bytes);
                var ok = reader.ReadU32() == u32 && reader.ReadI64() == i64 && reader.ReadString() == text
                    && reader.ReadSequence(static (ref ScaleReader r) => r.ReadU16(), 2).SequenceEqual(items)
                    && reader.ReadU128() == u128 && reader.ReadCompactU128() == u128 && reader.IsAtEnd;
                return ok;
            });

    [Fact]
    public void Bit_sequences_round_trip_for_every_layout() =>
        Gen.Select(Gen.Bool.Array[0, 200], Gen.Enum<BitOrder>(), Gen.OneOfConst(BitStore.U8, BitStore.U16, BitStore.U32, BitStore.U64))
            .Sample((bits, order, store) =>
            {
                var writer = new ScaleWriter(8);
                writer.WriteBitSequence(bits, order, store);
                var bytes = writer.ToArray();
                writer.Dispose();
                var reader = new ScaleReader(bytes);
                return reader.ReadBitSequence(order, store).SequenceEqual(bits) && reader.IsAtEnd;
            });

    [Fact]
    public void Writer_grows_past_its_initial_span()
    {
        var writer = new ScaleWriter(stackalloc byte[2]);
        var payload = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        writer.WriteByteSequence(payload);
        var reader = new ScaleReader(writer.WrittenSpan);
        Assert.Equal(payload, reader.ReadByteSequence().ToArray());
        writer.Dispose();
    }
}
