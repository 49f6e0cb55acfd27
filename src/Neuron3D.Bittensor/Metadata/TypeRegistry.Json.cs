using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Bittensor.Metadata;

public sealed partial class TypeRegistry
{
    /// <summary>
    /// Builds a value of type <paramref name="typeId"/> from JSON in the shape <see cref="ScaleValue.ToJson"/> writes
    /// (also accepting decimal or 0x-hex strings for integers, and arrays of numbers for bytes), so values can come
    /// from config files and CLI arguments. The type resolves what JSON leaves open (struct vs tuple, width).
    /// </summary>
    /// <exception cref="ScaleEncodeException">The JSON does not fit the type; the message names the field.</exception>
    public ScaleValue FromJson(uint typeId, JsonNode? json) => FromJsonCore(typeId, json, 0);

    private ScaleValue FromJsonCore(uint typeId, JsonNode? json, int depth)
    {
        if (depth > MaxDepth) throw new ScaleEncodeException($"JSON nested deeper than {MaxDepth} levels");
        var type = TypeForEncode(typeId);
        switch (type.Definition)
        {
            case CompositeType c:
                return new ScaleComposite(FieldsFromJson(c.Fields, json, type, depth));
            case VariantType v:
            {
                if (type.Path is ["Option"] && v.ByName("Some") is { Fields: [var someField] })
                    return json is null ? ScaleValue.None : ScaleValue.Some(Nested(someField.TypeId, json, depth, "Some"));
                switch (json)
                {
                    case JsonValue value when value.TryGetValue<string>(out var name):
                    {
                        var variant = v.ByName(name) ?? throw UnknownVariant(type, v, name);
                        if (variant.Fields.Count != 0) throw new ScaleEncodeException($"variant {name} of {type.FullName} needs fields");
                        return new ScaleVariant(name, []);
                    }
                    case JsonObject { Count: 1 } obj:
                    {
                        var (name, payload) = obj.First();
                        var variant = v.ByName(name) ?? throw UnknownVariant(type, v, name);
                        try { return new ScaleVariant(name, FieldsFromJson(variant.Fields, payload, type, depth)); }
                        catch (ScaleEncodeException e) { throw Nest(e, name); }
                    }
                    default:
                        throw new ScaleEncodeException($"{type.FullName} is an enum: expected \"Variant\" or {{\"Variant\": fields}}, got {json?.ToJsonString() ?? "null"}");
                }
            }
            case SequenceType s:
                return SequenceFromJson(s.ElementTypeId, json, null, depth);
            case ArrayType a:
                return SequenceFromJson(a.ElementTypeId, json, a.Length, depth);
            case TupleType t:
            {
                if (t.ElementTypeIds.Count == 0 && json is null) return new ScaleSequence([]);
                if (json is not JsonArray array || array.Count != t.ElementTypeIds.Count)
                {
                    if (t.ElementTypeIds.Count == 1) return new ScaleSequence([Nested(t.ElementTypeIds[0], json, depth, "[0]")]);
                    throw new ScaleEncodeException($"expected a JSON array of {t.ElementTypeIds.Count} for {Describe(typeId)}");
                }
                return new ScaleSequence(array.Select((item, i) => Nested(t.ElementTypeIds[i], item, depth, $"[{i}]")).ToArray());
            }
            case PrimitiveType p:
                return p.Kind switch
                {
                    PrimitiveKind.Bool => json is JsonValue b && b.TryGetValue<bool>(out var flag) ? new ScaleBool(flag)
                        : throw new ScaleEncodeException($"expected true/false, got {json?.ToJsonString() ?? "null"}"),
                    PrimitiveKind.Str or PrimitiveKind.Char => json is JsonValue t && t.TryGetValue<string>(out var text) ? new ScaleString(text)
                        : throw new ScaleEncodeException($"expected a string, got {json?.ToJsonString() ?? "null"}"),
                    _ => new ScaleNumber(NumberFromJson(json)),
                };
            case CompactType c:
            {
                var inner = TypeForEncode(c.InnerTypeId);
                return inner.Definition is PrimitiveType ? new ScaleNumber(NumberFromJson(json)) : FromJsonCore(c.InnerTypeId, json, depth + 1);
            }
            case BitSequenceType:
                return json switch
                {
                    JsonValue v when v.TryGetValue<string>(out var bits) && bits.All(ch => ch is '0' or '1') => new ScaleBits(bits.Select(ch => ch == '1').ToArray()),
                    JsonArray arr => new ScaleBits(arr.Select(item => item is JsonValue bv && bv.TryGetValue<bool>(out var bit) ? bit
                        : throw new ScaleEncodeException("expected an array of booleans for a bit sequence")).ToArray()),
                    _ => throw new ScaleEncodeException("expected a string of 0/1 or an array of booleans for a bit sequence"),
                };
            default:
                throw new ScaleEncodeException($"unsupported type definition {type.Definition}");
        }
    }

    private ScaleValue Nested(uint typeId, JsonNode? json, int depth, string segment)
    {
        try { return FromJsonCore(typeId, json, depth + 1); }
        catch (ScaleEncodeException e) { throw Nest(e, segment); }
    }

    private ScaleField[] FieldsFromJson(IReadOnlyList<TypeField> fields, JsonNode? json, PortableType type, int depth)
    {
        if (fields.Count == 0) return [];
        if (json is JsonObject obj && fields[0].Name is not null)
            return fields.Select(f => new ScaleField(f.Name, Nested(f.TypeId, obj.TryGetPropertyValue(f.Name!, out var v) ? v
                : throw new ScaleEncodeException($"missing field '{f.Name}' of {type.FullName}"), depth, f.Name!))).ToArray();
        if (fields.Count == 1) return [new ScaleField(fields[0].Name, Nested(fields[0].TypeId, json, depth, fields[0].Name ?? "[0]"))];
        if (json is JsonArray array && array.Count == fields.Count)
            return fields.Select((f, i) => new ScaleField(f.Name, Nested(f.TypeId, array[i], depth, f.Name ?? $"[{i}]"))).ToArray();
        throw new ScaleEncodeException($"{type.FullName} needs {fields.Count} fields as a JSON object or array, got {json?.ToJsonString() ?? "null"}");
    }

    private ScaleValue SequenceFromJson(uint elementTypeId, JsonNode? json, uint? length, int depth)
    {
        if (IsU8(elementTypeId) && json is JsonValue hexValue && hexValue.TryGetValue<string>(out var hex))
        {
            byte[] bytes;
            try { bytes = Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex); }
            catch (FormatException) { throw new ScaleEncodeException($"'{hex}' is not hex bytes"); }
            if (length is { } n && bytes.Length != n) throw new ScaleEncodeException($"expected {n} bytes, got {bytes.Length}");
            return new ScaleBytes(bytes);
        }
        if (json is not JsonArray array) throw new ScaleEncodeException($"expected a JSON array, got {json?.ToJsonString() ?? "null"}");
        if (length is { } count && array.Count != count) throw new ScaleEncodeException($"expected {count} elements, got {array.Count}");
        var items = array.Select((item, i) => Nested(elementTypeId, item, depth, $"[{i}]")).ToArray();
        return IsU8(elementTypeId) ? new ScaleBytes(items.Select(i => (byte)i.AsNumber()).ToArray()) : new ScaleSequence(items);
    }

    private static BigInteger NumberFromJson(JsonNode? json)
    {
        if (json is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number)
            {
                var raw = value.ToJsonString();
                if (BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return integer;
                throw new ScaleEncodeException($"{raw} is not an integer");
            }
            if (value.TryGetValue<string>(out var text))
            {
                if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    && BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hexValue))
                    return hexValue;
                if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return parsed;
            }
        }
        throw new ScaleEncodeException($"expected an integer, got {json?.ToJsonString() ?? "null"}");
    }

    private static ScaleEncodeException UnknownVariant(PortableType type, VariantType v, string name) =>
        new($"{type.FullName} has no variant '{name}' (has {string.Join(", ", v.Variants.Select(x => x.Name))})");
}
