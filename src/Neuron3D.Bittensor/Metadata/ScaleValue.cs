using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;

namespace Neuron3D.Bittensor.Metadata;

/// <summary>A named (struct) or unnamed (tuple struct) field of a <see cref="ScaleComposite"/> or <see cref="ScaleVariant"/>.</summary>
public readonly record struct ScaleField(string? Name, ScaleValue Value);

/// <summary>
/// A SCALE value independent of any Rust type: what dynamic decoding produces and dynamic encoding consumes, with
/// the metadata's type registry saying how it maps to bytes. Integers of every width are <see cref="ScaleNumber"/>;
/// <c>Vec&lt;u8&gt;</c> and <c>[u8; N]</c> are <see cref="ScaleBytes"/>; Vec, arrays and tuples are
/// <see cref="ScaleSequence"/>. Implicit conversions let call arguments be written as plain C# values.
/// </summary>
public abstract class ScaleValue
{
    private protected ScaleValue() { }

    /// <summary>A struct with named fields.</summary>
    public static ScaleComposite Named(params (string Name, ScaleValue Value)[] fields) =>
        new(fields.Select(f => new ScaleField(f.Name, f.Value)).ToArray());

    /// <summary>A tuple struct (unnamed fields).</summary>
    public static ScaleComposite Unnamed(params ScaleValue[] fields) => new(fields.Select(f => new ScaleField(null, f)).ToArray());

    /// <summary>An enum variant with unnamed fields (none for a unit variant).</summary>
    public static ScaleVariant Variant(string name, params ScaleValue[] fields) =>
        new(name, fields.Select(f => new ScaleField(null, f)).ToArray());

    /// <summary>An enum variant with named fields.</summary>
    public static ScaleVariant NamedVariant(string name, params (string Name, ScaleValue Value)[] fields) =>
        new(name, fields.Select(f => new ScaleField(f.Name, f.Value)).ToArray());

    /// <summary><c>Option::None</c>.</summary>
    public static ScaleVariant None { get; } = new("None", []);

    /// <summary><c>Option::Some(value)</c>.</summary>
    public static ScaleVariant Some(ScaleValue value) => Variant("Some", value);

    /// <summary>A Vec, array or tuple.</summary>
    public static ScaleSequence Sequence(params ScaleValue[] items) => new(items);

    /// <summary>Bytes (<c>Vec&lt;u8&gt;</c>, <c>[u8; N]</c>, AccountId32, H256).</summary>
    public static ScaleBytes Bytes(byte[] bytes) => new(bytes);

    /// <summary>Any integer (u8..u256, i8..i256, compact).</summary>
    public static ScaleNumber Number(BigInteger value) => new(value);

    /// <summary>An integer.</summary>
    public static implicit operator ScaleValue(byte value) => new ScaleNumber(value);
    /// <summary>An integer.</summary>
    public static implicit operator ScaleValue(ushort value) => new ScaleNumber(value);
    /// <summary>An integer.</summary>
    public static implicit operator ScaleValue(short value) => new ScaleNumber(value);
    /// <summary>An integer.</summary>
    public static implicit operator ScaleValue(int value) => new ScaleNumber(value);
    /// <summary>An integer.</summary>
    public static implicit operator ScaleValue(uint value) => new ScaleNumber(value);
    /// <summary>An integer.</summary>
    public static implicit operator ScaleValue(long value) => new ScaleNumber(value);
    /// <summary>An integer.</summary>
    public static implicit operator ScaleValue(ulong value) => new ScaleNumber(value);
    /// <summary>An integer.</summary>
    public static implicit operator ScaleValue(UInt128 value) => new ScaleNumber(value);
    /// <summary>An integer.</summary>
    public static implicit operator ScaleValue(BigInteger value) => new ScaleNumber(value);
    /// <summary>A bool.</summary>
    public static implicit operator ScaleValue(bool value) => new ScaleBool(value);
    /// <summary>A string.</summary>
    public static implicit operator ScaleValue(string value) => new ScaleString(value);
    /// <summary>Bytes.</summary>
    public static implicit operator ScaleValue(byte[] value) => new ScaleBytes(value);

    /// <summary>
    /// A JSON rendering in the style of polkadot.js: structs as objects, tuples and sequences as arrays, bytes as
    /// 0x-hex, integers as numbers up to 2^53 and as decimal strings beyond, <c>Option</c> as the value or null,
    /// other unit variants as their name and data variants as <c>{"Name": fields}</c>; newtype wrappers are unwrapped.
    /// </summary>
    public abstract JsonNode? ToJson();

    /// <summary>The JSON rendering as text.</summary>
    public override string ToString() => ToJson()?.ToJsonString() ?? "null";

    /// <summary>This value as an integer.</summary>
    /// <exception cref="InvalidCastException">Not a number (after unwrapping newtypes).</exception>
    public BigInteger AsNumber() => Unwrap() is ScaleNumber n ? n.Value : throw new InvalidCastException($"{this} is not a number");

    /// <summary>This value as bytes (a <see cref="ScaleBytes"/>, or a sequence of u8 numbers).</summary>
    /// <exception cref="InvalidCastException">Not bytes.</exception>
    public byte[] AsBytes() => Unwrap() switch
    {
        ScaleBytes b => b.Value,
        ScaleSequence s when s.Items.All(i => i is ScaleNumber { Value.Sign: >= 0 } n && n.Value <= 255) =>
            s.Items.Select(i => (byte)((ScaleNumber)i).Value).ToArray(),
        _ => throw new InvalidCastException($"{this} is not bytes"),
    };

    /// <summary>This value as a bool.</summary>
    /// <exception cref="InvalidCastException">Not a bool.</exception>
    public bool AsBool() => Unwrap() is ScaleBool b ? b.Value : throw new InvalidCastException($"{this} is not a bool");

    /// <summary>The named field <paramref name="name"/> of a struct or variant.</summary>
    /// <exception cref="KeyNotFoundException">No such field.</exception>
    public ScaleValue this[string name]
    {
        get
        {
            var fields = this switch
            {
                ScaleComposite c => c.Fields,
                ScaleVariant v => v.Fields,
                _ => throw new KeyNotFoundException($"{GetType().Name} has no fields (looking for '{name}')"),
            };
            foreach (var field in fields)
                if (field.Name == name) return field.Value;
            throw new KeyNotFoundException($"no field '{name}' in {this}");
        }
    }

    /// <summary>Strips single-field struct wrappers (<c>NetUid(u16)</c> → the number).</summary>
    public ScaleValue Unwrap()
    {
        var value = this;
        while (value is ScaleComposite { Fields.Count: 1 } c) value = c.Fields[0].Value;
        return value;
    }

    internal static JsonNode? FieldsToJson(IReadOnlyList<ScaleField> fields)
    {
        if (fields.Count == 0) return new JsonArray();
        if (fields[0].Name is not null)
        {
            var obj = new JsonObject();
            foreach (var field in fields) obj[field.Name!] = field.Value.ToJson();
            return obj;
        }
        if (fields.Count == 1) return fields[0].Value.ToJson();
        return new JsonArray(fields.Select(f => f.Value.ToJson()).ToArray());
    }
}

/// <summary>A struct or tuple struct.</summary>
public sealed class ScaleComposite(IReadOnlyList<ScaleField> fields) : ScaleValue
{
    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyList<ScaleField> Fields { get; } = fields;

    /// <inheritdoc />
    public override JsonNode? ToJson() => FieldsToJson(Fields);
}

/// <summary>An enum value: variant name, its SCALE index and its fields.</summary>
public sealed class ScaleVariant(string name, IReadOnlyList<ScaleField> fields, byte? index = null) : ScaleValue
{
    /// <summary>Variant name (encoding looks the variant up by name).</summary>
    public string Name { get; } = name;
    /// <summary>Index byte (set by decoding; ignored by encoding).</summary>
    public byte? Index { get; } = index;
    /// <summary>Fields.</summary>
    public IReadOnlyList<ScaleField> Fields { get; } = fields;

    /// <inheritdoc />
    public override JsonNode? ToJson()
    {
        if (Name == "None" && Fields.Count == 0) return null;
        if (Name == "Some" && Fields.Count == 1) return Fields[0].Value.ToJson();
        if (Fields.Count == 0) return JsonValue.Create(Name);
        return new JsonObject { [Name] = FieldsToJson(Fields) };
    }
}

/// <summary>A Vec, fixed array or tuple.</summary>
public sealed class ScaleSequence(IReadOnlyList<ScaleValue> items) : ScaleValue
{
    /// <summary>Elements in order.</summary>
    public IReadOnlyList<ScaleValue> Items { get; } = items;

    /// <inheritdoc />
    public override JsonNode? ToJson() => new JsonArray(Items.Select(i => i.ToJson()).ToArray());
}

/// <summary>A byte string (<c>Vec&lt;u8&gt;</c> or <c>[u8; N]</c>).</summary>
public sealed class ScaleBytes(byte[] value) : ScaleValue
{
    /// <summary>The bytes.</summary>
    public byte[] Value { get; } = value;

    /// <inheritdoc />
    public override JsonNode? ToJson() => JsonValue.Create("0x" + Convert.ToHexStringLower(Value));
}

/// <summary>An integer of any width.</summary>
public sealed class ScaleNumber(BigInteger value) : ScaleValue
{
    private static readonly BigInteger MaxSafe = (BigInteger.One << 53) - 1;

    /// <summary>The value.</summary>
    public BigInteger Value { get; } = value;

    /// <inheritdoc />
    public override JsonNode? ToJson() =>
        BigInteger.Abs(Value) <= MaxSafe ? JsonValue.Create((long)Value) : JsonValue.Create(Value.ToString());
}

/// <summary>A bool.</summary>
public sealed class ScaleBool(bool value) : ScaleValue
{
    /// <summary>The value.</summary>
    public bool Value { get; } = value;

    /// <inheritdoc />
    public override JsonNode? ToJson() => JsonValue.Create(Value);
}

/// <summary>A string (<c>str</c>) or a char (one Unicode scalar).</summary>
public sealed class ScaleString(string value) : ScaleValue
{
    /// <summary>The value.</summary>
    public string Value { get; } = value;

    /// <inheritdoc />
    public override JsonNode? ToJson() => JsonValue.Create(Value);
}

/// <summary>A bit sequence.</summary>
public sealed class ScaleBits(bool[] bits) : ScaleValue
{
    /// <summary>Bits in order.</summary>
    public bool[] Bits { get; } = bits;

    /// <inheritdoc />
    public override JsonNode? ToJson()
    {
        var text = new StringBuilder(Bits.Length);
        foreach (var bit in Bits) text.Append(bit ? '1' : '0');
        return JsonValue.Create(text.ToString());
    }
}
