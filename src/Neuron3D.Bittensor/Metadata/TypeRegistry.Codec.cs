using System.Numerics;
using System.Text;
using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Bittensor.Metadata;

public sealed partial class TypeRegistry
{
    // Recursive types (calls inside Utility.batch, nested enums) are bounded by the input, but a hostile or
    // corrupt input must not exhaust the stack.
    private const int MaxDepth = 256;

    /// <summary>Decodes exactly one value of type <paramref name="typeId"/> from all of <paramref name="bytes"/>.</summary>
    /// <exception cref="ScaleDecodeException">Malformed input or bytes left over.</exception>
    public ScaleValue Decode(uint typeId, ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var value = Decode(typeId, ref reader);
        reader.EnsureEnd();
        return value;
    }

    /// <summary>Decodes one value of type <paramref name="typeId"/> at the reader's position.</summary>
    /// <exception cref="ScaleDecodeException">Malformed input.</exception>
    public ScaleValue Decode(uint typeId, ref ScaleReader reader) => DecodeCore(typeId, ref reader, 0);

    /// <summary>Encodes <paramref name="value"/> as type <paramref name="typeId"/>.</summary>
    /// <exception cref="ScaleEncodeException">The value does not fit the type; the message names the field.</exception>
    public byte[] Encode(uint typeId, ScaleValue value)
    {
        var writer = new ScaleWriter(256);
        try
        {
            Encode(typeId, value, ref writer);
            return writer.ToArray();
        }
        finally { writer.Dispose(); }
    }

    /// <summary>Appends <paramref name="value"/> encoded as type <paramref name="typeId"/>.</summary>
    /// <exception cref="ScaleEncodeException">The value does not fit the type; the message names the field.</exception>
    public void Encode(uint typeId, ScaleValue value, ref ScaleWriter writer) => EncodeCore(typeId, value, ref writer, 0);

    private PortableType TypeForDecode(uint typeId, int offset) =>
        Find(typeId) ?? throw new ScaleDecodeException(ScaleDecodeError.InvalidFormat, offset, $"type id {typeId} is not in the registry");

    private ScaleValue DecodeCore(uint typeId, ref ScaleReader r, int depth)
    {
        if (depth > MaxDepth)
            throw new ScaleDecodeException(ScaleDecodeError.InvalidFormat, r.Position, $"values nested deeper than {MaxDepth} levels");
        var type = TypeForDecode(typeId, r.Position);
        switch (type.Definition)
        {
            case CompositeType c:
                return new ScaleComposite(DecodeFields(c.Fields, ref r, depth));
            case VariantType v:
            {
                var offset = r.Position;
                var index = r.ReadVariantIndex();
                var variant = v.ByIndex(index)
                    ?? throw new ScaleDecodeException(ScaleDecodeError.UnknownVariant, offset, $"{type.FullName} has no variant with index {index}");
                return new ScaleVariant(variant.Name, DecodeFields(variant.Fields, ref r, depth), index);
            }
            case SequenceType s:
            {
                if (IsU8(s.ElementTypeId)) return new ScaleBytes(r.ReadByteSequence().ToArray());
                var count = r.ReadSequenceLength(IsZeroSized(s.ElementTypeId) ? 0 : 1);
                return new ScaleSequence(DecodeItems(s.ElementTypeId, count, ref r, depth));
            }
            case ArrayType a:
            {
                if (IsU8(a.ElementTypeId)) return new ScaleBytes(r.ReadBytes(checked((int)a.Length)).ToArray());
                if (a.Length > (uint)r.Remaining && !IsZeroSized(a.ElementTypeId))
                    throw new ScaleDecodeException(ScaleDecodeError.Truncated, r.Position, $"array of {a.Length} elements, {r.Remaining} byte(s) left");
                return new ScaleSequence(DecodeItems(a.ElementTypeId, (int)a.Length, ref r, depth));
            }
            case TupleType t:
            {
                var items = new ScaleValue[t.ElementTypeIds.Count];
                for (var i = 0; i < items.Length; i++) items[i] = DecodeCore(t.ElementTypeIds[i], ref r, depth + 1);
                return new ScaleSequence(items);
            }
            case PrimitiveType p:
                return DecodePrimitive(p.Kind, ref r);
            case CompactType c:
                return DecodeCompact(c.InnerTypeId, ref r, depth);
            case BitSequenceType b:
            {
                var (order, store) = BitLayout(b, r.Position);
                return new ScaleBits(r.ReadBitSequence(order, store));
            }
            default:
                throw new ScaleDecodeException(ScaleDecodeError.InvalidFormat, r.Position, $"unsupported type definition {type.Definition}");
        }
    }

    private ScaleField[] DecodeFields(IReadOnlyList<TypeField> fields, ref ScaleReader r, int depth)
    {
        var values = new ScaleField[fields.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = new ScaleField(fields[i].Name, DecodeCore(fields[i].TypeId, ref r, depth + 1));
        return values;
    }

    private ScaleValue[] DecodeItems(uint elementTypeId, int count, ref ScaleReader r, int depth)
    {
        var items = new ScaleValue[count];
        for (var i = 0; i < items.Length; i++) items[i] = DecodeCore(elementTypeId, ref r, depth + 1);
        return items;
    }

    private bool IsU8(uint typeId) => Find(typeId)?.Definition is PrimitiveType { Kind: PrimitiveKind.U8 };

    private static ScaleValue DecodePrimitive(PrimitiveKind kind, ref ScaleReader r)
    {
        switch (kind)
        {
            case PrimitiveKind.Bool: return new ScaleBool(r.ReadBool());
            case PrimitiveKind.Str: return new ScaleString(r.ReadString());
            case PrimitiveKind.Char:
            {
                var offset = r.Position;
                var scalar = r.ReadU32();
                if (!Rune.IsValid(scalar))
                    throw new ScaleDecodeException(ScaleDecodeError.InvalidText, offset, $"char 0x{scalar:x} is not a Unicode scalar value");
                return new ScaleString(new Rune(scalar).ToString());
            }
            case PrimitiveKind.U8: return new ScaleNumber(r.ReadU8());
            case PrimitiveKind.U16: return new ScaleNumber(r.ReadU16());
            case PrimitiveKind.U32: return new ScaleNumber(r.ReadU32());
            case PrimitiveKind.U64: return new ScaleNumber(r.ReadU64());
            case PrimitiveKind.U128: return new ScaleNumber(r.ReadU128());
            case PrimitiveKind.U256: return new ScaleNumber(r.ReadU256());
            case PrimitiveKind.I8: return new ScaleNumber(r.ReadI8());
            case PrimitiveKind.I16: return new ScaleNumber(r.ReadI16());
            case PrimitiveKind.I32: return new ScaleNumber(r.ReadI32());
            case PrimitiveKind.I64: return new ScaleNumber(r.ReadI64());
            case PrimitiveKind.I128: return new ScaleNumber(r.ReadI128());
            default: return new ScaleNumber(r.ReadI256());
        }
    }

    private ScaleValue DecodeCompact(uint innerTypeId, ref ScaleReader r, int depth)
    {
        var offset = r.Position;
        var inner = TypeForDecode(innerTypeId, offset);
        switch (inner.Definition)
        {
            case PrimitiveType p:
            {
                var value = r.ReadCompactBig();
                var (_, max) = Range(p.Kind);
                if (value > max)
                    throw new ScaleDecodeException(ScaleDecodeError.Overflow, offset, $"compact {value} does not fit {p.Kind}");
                return new ScaleNumber(value);
            }
            // Compact<NewType(u64)> (HasCompact through a single-field struct) keeps the wrapper.
            case CompositeType { Fields.Count: 1 } c:
                return new ScaleComposite([new ScaleField(c.Fields[0].Name, DecodeCompact(c.Fields[0].TypeId, ref r, depth + 1))]);
            case CompositeType { Fields.Count: 0 }:
            case TupleType { ElementTypeIds.Count: 0 }:
                return new ScaleSequence([]);
            default:
                throw new ScaleDecodeException(ScaleDecodeError.InvalidFormat, offset, $"Compact<{inner.FullName}> is not a compact-encodable type");
        }
    }

    private (BitOrder Order, BitStore Store) BitLayout(BitSequenceType b, int offset)
    {
        var store = Find(b.StoreTypeId)?.Definition switch
        {
            PrimitiveType { Kind: PrimitiveKind.U8 } => BitStore.U8,
            PrimitiveType { Kind: PrimitiveKind.U16 } => BitStore.U16,
            PrimitiveType { Kind: PrimitiveKind.U32 } => BitStore.U32,
            PrimitiveType { Kind: PrimitiveKind.U64 } => BitStore.U64,
            _ => throw new ScaleDecodeException(ScaleDecodeError.InvalidFormat, offset, $"bit store type {b.StoreTypeId} is not u8/u16/u32/u64"),
        };
        var order = Find(b.OrderTypeId)?.Name switch
        {
            "Lsb0" => BitOrder.Lsb0,
            "Msb0" => BitOrder.Msb0,
            var name => throw new ScaleDecodeException(ScaleDecodeError.InvalidFormat, offset, $"bit order type '{name}' is neither Lsb0 nor Msb0"),
        };
        return (order, store);
    }

    private static (BigInteger Min, BigInteger Max) Range(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.U8 => (0, byte.MaxValue),
        PrimitiveKind.U16 => (0, ushort.MaxValue),
        PrimitiveKind.U32 => (0, uint.MaxValue),
        PrimitiveKind.U64 => (0, ulong.MaxValue),
        PrimitiveKind.U128 => (0, UInt128.MaxValue),
        PrimitiveKind.U256 => (0, (BigInteger.One << 256) - 1),
        PrimitiveKind.I8 => (sbyte.MinValue, sbyte.MaxValue),
        PrimitiveKind.I16 => (short.MinValue, short.MaxValue),
        PrimitiveKind.I32 => (int.MinValue, int.MaxValue),
        PrimitiveKind.I64 => (long.MinValue, long.MaxValue),
        PrimitiveKind.I128 => (Int128.MinValue, Int128.MaxValue),
        PrimitiveKind.I256 => (-(BigInteger.One << 255), (BigInteger.One << 255) - 1),
        _ => (0, -1),
    };

    // ---------------------------------------------------------------- encoding

    private PortableType TypeForEncode(uint typeId) =>
        Find(typeId) ?? throw new ScaleEncodeException($"type id {typeId} is not in the registry");

    private void EncodeCore(uint typeId, ScaleValue value, ref ScaleWriter w, int depth)
    {
        if (depth > MaxDepth) throw new ScaleEncodeException($"values nested deeper than {MaxDepth} levels");
        var type = TypeForEncode(typeId);
        switch (type.Definition)
        {
            case CompositeType c:
                EncodeFields(type, c.Fields, value, ref w, depth);
                break;
            case VariantType v:
            {
                if (value is not ScaleVariant sv)
                    throw new ScaleEncodeException($"{type.FullName} is an enum; expected a variant, got {Describe(value)}");
                var variant = v.ByName(sv.Name)
                    ?? throw new ScaleEncodeException($"{type.FullName} has no variant '{sv.Name}' (has {string.Join(", ", v.Variants.Select(x => x.Name))})");
                w.WriteVariantIndex(variant.Index);
                try
                {
                    EncodeFieldList(variant.Fields, sv.Fields, type, ref w, depth);
                }
                catch (ScaleEncodeException e) { throw Nest(e, sv.Name); }
                break;
            }
            case SequenceType s:
                if (value is ScaleBytes bytes && IsU8(s.ElementTypeId)) { w.WriteByteSequence(bytes.Value); break; }
                if (value is not ScaleSequence seq)
                    throw new ScaleEncodeException($"expected a sequence for {Describe(typeId)}, got {Describe(value)}");
                w.WriteCompact((ulong)seq.Items.Count);
                EncodeItems(s.ElementTypeId, seq.Items, ref w, depth);
                break;
            case ArrayType a:
                if (value is ScaleBytes arrayBytes && IsU8(a.ElementTypeId))
                {
                    if (arrayBytes.Value.Length != a.Length)
                        throw new ScaleEncodeException($"expected {a.Length} bytes for {Describe(typeId)}, got {arrayBytes.Value.Length}");
                    w.WriteBytes(arrayBytes.Value);
                    break;
                }
                if (value is not ScaleSequence arraySeq || arraySeq.Items.Count != a.Length)
                    throw new ScaleEncodeException($"expected {a.Length} elements for {Describe(typeId)}, got {Describe(value)}");
                EncodeItems(a.ElementTypeId, arraySeq.Items, ref w, depth);
                break;
            case TupleType t:
            {
                IReadOnlyList<ScaleValue> items = value switch
                {
                    ScaleSequence ts => ts.Items,
                    ScaleComposite tc => tc.Fields.Select(f => f.Value).ToArray(),
                    _ when t.ElementTypeIds.Count == 1 => [value],
                    _ => throw new ScaleEncodeException($"expected a tuple {Describe(typeId)}, got {Describe(value)}"),
                };
                if (items.Count != t.ElementTypeIds.Count)
                    throw new ScaleEncodeException($"tuple {Describe(typeId)} needs {t.ElementTypeIds.Count} elements, got {items.Count}");
                for (var i = 0; i < items.Count; i++)
                {
                    try { EncodeCore(t.ElementTypeIds[i], items[i], ref w, depth + 1); }
                    catch (ScaleEncodeException e) { throw Nest(e, $"[{i}]"); }
                }
                break;
            }
            case PrimitiveType p:
                EncodePrimitive(p.Kind, value, ref w);
                break;
            case CompactType c:
                EncodeCompact(c.InnerTypeId, value, ref w, depth);
                break;
            case BitSequenceType b:
            {
                if (value.Unwrap() is not ScaleBits bits) throw new ScaleEncodeException($"expected bits, got {Describe(value)}");
                (BitOrder, BitStore) layout;
                try { layout = BitLayout(b, 0); }
                catch (ScaleDecodeException e) { throw new ScaleEncodeException(e.Message); }
                w.WriteBitSequence(bits.Bits, layout.Item1, layout.Item2);
                break;
            }
        }
    }

    private void EncodeFields(PortableType type, IReadOnlyList<TypeField> fields, ScaleValue value, ref ScaleWriter w, int depth)
    {
        switch (value)
        {
            case ScaleComposite composite:
                // A newtype given a composite of its wrapped type (other field count or names) wraps it instead.
                if (fields.Count == 1 && (composite.Fields.Count != 1 || (composite.Fields[0].Name is { } n && n != fields[0].Name)))
                    goto default;
                EncodeFieldList(fields, composite.Fields, type, ref w, depth);
                break;
            case ScaleSequence sequence when fields.Count != 1 && fields.All(f => f.Name is null):
                EncodeFieldList(fields, sequence.Items.Select(i => new ScaleField(null, i)).ToArray(), type, ref w, depth);
                break;
            default:
                // Newtype wrappers (AccountId32([u8; 32]), NetUid(u16), BoundedVec(Vec<T>)) take the wrapped value.
                if (fields.Count != 1)
                    throw new ScaleEncodeException($"{type.FullName} has {fields.Count} fields; got {Describe(value)}");
                try { EncodeCore(fields[0].TypeId, value, ref w, depth + 1); }
                catch (ScaleEncodeException e) { throw Nest(e, fields[0].Name); }
                break;
        }
    }

    private void EncodeFieldList(IReadOnlyList<TypeField> fields, IReadOnlyList<ScaleField> values, PortableType type, ref ScaleWriter w, int depth)
    {
        if (values.Count != fields.Count)
            throw new ScaleEncodeException($"{type.FullName} needs {fields.Count} field(s) ({string.Join(", ", fields.Select(f => f.Name ?? "_"))}), got {values.Count}");
        var byName = values.Count > 0 && values[0].Name is not null;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            ScaleValue fieldValue;
            if (byName && field.Name is not null)
            {
                var match = values.FirstOrDefault(v => v.Name == field.Name);
                fieldValue = match.Value ?? throw new ScaleEncodeException($"missing field '{field.Name}' of {type.FullName}");
            }
            else fieldValue = values[i].Value;
            try { EncodeCore(field.TypeId, fieldValue, ref w, depth + 1); }
            catch (ScaleEncodeException e) { throw Nest(e, field.Name ?? $"[{i}]"); }
        }
    }

    private void EncodeItems(uint elementTypeId, IReadOnlyList<ScaleValue> items, ref ScaleWriter w, int depth)
    {
        for (var i = 0; i < items.Count; i++)
        {
            try { EncodeCore(elementTypeId, items[i], ref w, depth + 1); }
            catch (ScaleEncodeException e) { throw Nest(e, $"[{i}]"); }
        }
    }

    private static void EncodePrimitive(PrimitiveKind kind, ScaleValue value, ref ScaleWriter w)
    {
        var plain = value.Unwrap();
        switch (kind)
        {
            case PrimitiveKind.Bool:
                w.WriteBool(plain is ScaleBool b ? b.Value : throw new ScaleEncodeException($"expected bool, got {Describe(value)}"));
                return;
            case PrimitiveKind.Str:
                w.WriteString(plain is ScaleString s ? s.Value : throw new ScaleEncodeException($"expected a string, got {Describe(value)}"));
                return;
            case PrimitiveKind.Char:
                if (plain is not ScaleString { Value: var text } || Rune.DecodeFromUtf16(text, out var rune, out var used) != System.Buffers.OperationStatus.Done || used != text.Length)
                    throw new ScaleEncodeException($"expected one character, got {Describe(value)}");
                w.WriteU32((uint)rune.Value);
                return;
        }
        if (plain is not ScaleNumber number) throw new ScaleEncodeException($"expected {kind.ToString().ToLowerInvariant()}, got {Describe(value)}");
        var n = number.Value;
        var (min, max) = Range(kind);
        if (n < min || n > max) throw new ScaleEncodeException($"{n} is outside the {kind.ToString().ToLowerInvariant()} range");
        switch (kind)
        {
            case PrimitiveKind.U8: w.WriteU8((byte)n); break;
            case PrimitiveKind.U16: w.WriteU16((ushort)n); break;
            case PrimitiveKind.U32: w.WriteU32((uint)n); break;
            case PrimitiveKind.U64: w.WriteU64((ulong)n); break;
            case PrimitiveKind.U128: w.WriteU128((UInt128)n); break;
            case PrimitiveKind.U256: w.WriteU256(n); break;
            case PrimitiveKind.I8: w.WriteI8((sbyte)n); break;
            case PrimitiveKind.I16: w.WriteI16((short)n); break;
            case PrimitiveKind.I32: w.WriteI32((int)n); break;
            case PrimitiveKind.I64: w.WriteI64((long)n); break;
            case PrimitiveKind.I128: w.WriteI128((Int128)n); break;
            default: w.WriteI256(n); break;
        }
    }

    private void EncodeCompact(uint innerTypeId, ScaleValue value, ref ScaleWriter w, int depth)
    {
        var inner = TypeForEncode(innerTypeId);
        switch (inner.Definition)
        {
            case PrimitiveType p:
            {
                if (value.Unwrap() is not ScaleNumber number) throw new ScaleEncodeException($"expected a number, got {Describe(value)}");
                var (min, max) = Range(p.Kind);
                if (min < 0) throw new ScaleEncodeException($"Compact<{p.Kind}> is not encodable: compacts are unsigned");
                if (number.Value < 0 || number.Value > max)
                    throw new ScaleEncodeException($"{number.Value} is outside the Compact<{p.Kind.ToString().ToLowerInvariant()}> range");
                w.WriteCompact(number.Value);
                break;
            }
            case CompositeType { Fields.Count: 1 } c:
                EncodeCompact(c.Fields[0].TypeId, value, ref w, depth + 1);
                break;
            case CompositeType { Fields.Count: 0 }:
            case TupleType { ElementTypeIds.Count: 0 }:
                break;
            default:
                throw new ScaleEncodeException($"Compact<{inner.FullName}> is not a compact-encodable type");
        }
    }

    private static ScaleEncodeException Nest(ScaleEncodeException inner, string? segment)
    {
        if (segment is null) return inner;
        var path = inner.Path is null ? segment : inner.Path.StartsWith('[') ? segment + inner.Path : segment + "." + inner.Path;
        return new ScaleEncodeException(inner.Reason, path);
    }

    private static string Describe(ScaleValue value)
    {
        var text = value.ToString();
        return $"{value.GetType().Name} {(text.Length > 80 ? text[..80] + "…" : text)}";
    }
}
