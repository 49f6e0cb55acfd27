namespace Neuron3D.Bittensor.Metadata;

/// <summary>scale-info primitive types, in their metadata encoding order.</summary>
public enum PrimitiveKind : byte
{
    /// <summary>bool (1 byte).</summary>
    Bool, 
    /// <summary>char (a Unicode scalar value as u32).</summary>
    Char,
    /// <summary>UTF-8 string with compact length.</summary>
    Str,
    /// <summary>u8.</summary>
    U8,
    /// <summary>u16.</summary>
    U16,
    /// <summary>u32.</summary>
    U32,
    /// <summary>u64.</summary>
    U64,
    /// <summary>u128.</summary>
    U128,
    /// <summary>u256.</summary>
    U256,
    /// <summary>i8.</summary>
    I8,
    /// <summary>i16.</summary>
    I16,
    /// <summary>i32.</summary>
    I32,
    /// <summary>i64.</summary>
    I64,
    /// <summary>i128.</summary>
    I128,
    /// <summary>i256.</summary>
    I256,
}

/// <summary>A struct field or enum-variant field: optional name, its type id and the Rust type name as written.</summary>
public sealed record TypeField(string? Name, uint TypeId, string? TypeName, IReadOnlyList<string> Docs);

/// <summary>One enum variant: its name, SCALE index byte, fields and docs.</summary>
public sealed record TypeVariant(string Name, IReadOnlyList<TypeField> Fields, byte Index, IReadOnlyList<string> Docs);

/// <summary>A generic parameter of a type (e.g. <c>T</c> of <c>Option&lt;T&gt;</c>); type id null when erased.</summary>
public sealed record TypeParameter(string Name, uint? TypeId);

/// <summary>The shape of a type (scale-info <c>TypeDef</c>).</summary>
public abstract record TypeDefinition;

/// <summary>A struct or tuple struct: fields in order.</summary>
public sealed record CompositeType(IReadOnlyList<TypeField> Fields) : TypeDefinition;

/// <summary>An enum: variants, each with its index byte.</summary>
public sealed record VariantType(IReadOnlyList<TypeVariant> Variants) : TypeDefinition
{
    private readonly TypeVariant?[] _byIndex = BuildIndex(Variants);

    private static TypeVariant?[] BuildIndex(IReadOnlyList<TypeVariant> variants)
    {
        var byIndex = new TypeVariant?[256];
        foreach (var variant in variants) byIndex[variant.Index] = variant;
        return byIndex;
    }

    /// <summary>The variant with SCALE index <paramref name="index"/>, or null.</summary>
    public TypeVariant? ByIndex(byte index) => _byIndex[index];

    /// <summary>The variant called <paramref name="name"/>, or null.</summary>
    public TypeVariant? ByName(string name)
    {
        foreach (var variant in Variants)
            if (variant.Name == name) return variant;
        return null;
    }
}

/// <summary><c>Vec&lt;T&gt;</c>: compact length then elements.</summary>
public sealed record SequenceType(uint ElementTypeId) : TypeDefinition;

/// <summary><c>[T; N]</c>: exactly <paramref name="Length"/> elements, no prefix.</summary>
public sealed record ArrayType(uint Length, uint ElementTypeId) : TypeDefinition;

/// <summary>A tuple: elements in order (the empty tuple is the unit type).</summary>
public sealed record TupleType(IReadOnlyList<uint> ElementTypeIds) : TypeDefinition;

/// <summary>A primitive.</summary>
public sealed record PrimitiveType(PrimitiveKind Kind) : TypeDefinition;

/// <summary><c>Compact&lt;T&gt;</c>.</summary>
public sealed record CompactType(uint InnerTypeId) : TypeDefinition;

/// <summary>A bitvec <c>BitVec&lt;Store, Order&gt;</c>; store is a primitive type id, order a type named Lsb0 or Msb0.</summary>
public sealed record BitSequenceType(uint StoreTypeId, uint OrderTypeId) : TypeDefinition;

/// <summary>One entry of the portable type registry.</summary>
public sealed record PortableType(
    uint Id, IReadOnlyList<string> Path, IReadOnlyList<TypeParameter> Parameters, TypeDefinition Definition,
    IReadOnlyList<string> Docs)
{
    /// <summary>The Rust path joined with <c>::</c> (empty for anonymous types such as tuples).</summary>
    public string FullName => string.Join("::", Path);

    /// <summary>The last path segment (e.g. <c>AccountId32</c>), or empty.</summary>
    public string Name => Path.Count == 0 ? "" : Path[^1];
}
