using System.Text;

namespace Neuron3D.Bittensor.Metadata;

/// <summary>
/// The portable type registry of a runtime's metadata: every type a call, event, storage item or runtime API
/// mentions, by numeric id. Dynamic SCALE encoding and decoding (<see cref="Decode(uint, ReadOnlySpan{byte})"/>,
/// <see cref="Encode(uint, ScaleValue)"/>) are driven by it.
/// </summary>
public sealed partial class TypeRegistry
{
    private readonly PortableType?[] _byId;
    private readonly sbyte[] _zeroSized; // 0 unknown, 1 zero-sized, -1 not

    internal TypeRegistry(IReadOnlyList<PortableType> types)
    {
        Types = types;
        var maxId = types.Count == 0 ? 0 : types.Max(t => t.Id);
        _byId = new PortableType?[maxId + 1];
        foreach (var type in types) _byId[type.Id] = type;
        _zeroSized = new sbyte[_byId.Length];
    }

    /// <summary>The types in registry order (the order they are encoded in).</summary>
    public IReadOnlyList<PortableType> Types { get; }

    /// <summary>The type with id <paramref name="id"/>.</summary>
    /// <exception cref="MetadataLookupException">No such id.</exception>
    public PortableType this[uint id] =>
        id < _byId.Length && _byId[id] is { } type ? type : throw new MetadataLookupException($"type id {id}", []);

    /// <summary>The type with id <paramref name="id"/>, or null.</summary>
    public PortableType? Find(uint id) => id < _byId.Length ? _byId[id] : null;

    /// <summary>The first type whose full path (e.g. <c>sp_runtime::DispatchError</c>) is <paramref name="fullName"/>.</summary>
    public PortableType? FindByPath(string fullName) => Types.FirstOrDefault(t => t.FullName == fullName);

    /// <summary>
    /// A short description of a type's SCALE shape with newtype wrappers removed, e.g. <c>u16</c> for
    /// <c>NetUid(u16)</c>, <c>[u8; 32]</c> for <c>AccountId32</c>, <c>Vec&lt;u8&gt;</c> for <c>BoundedVec&lt;u8, _&gt;</c>,
    /// <c>Option&lt;T&gt;</c>; other structs and enums by their name.
    /// </summary>
    public string Describe(uint typeId)
    {
        var builder = new StringBuilder();
        Describe(typeId, builder, depth: 0);
        return builder.ToString();
    }

    private void Describe(uint typeId, StringBuilder builder, int depth)
    {
        var type = this[typeId];
        if (depth > 16) { builder.Append(type.Name); return; }
        switch (type.Definition)
        {
            case PrimitiveType p:
                builder.Append(p.Kind switch { PrimitiveKind.Str => "str", _ => p.Kind.ToString().ToLowerInvariant() });
                break;
            case CompositeType { Fields.Count: 1 } c:
                Describe(c.Fields[0].TypeId, builder, depth + 1);
                break;
            case VariantType when type.Path is ["Option"] && type.Parameters is [{ TypeId: { } inner }]:
                builder.Append("Option<");
                Describe(inner, builder, depth + 1);
                builder.Append('>');
                break;
            case SequenceType s:
                builder.Append("Vec<");
                Describe(s.ElementTypeId, builder, depth + 1);
                builder.Append('>');
                break;
            case ArrayType a:
                builder.Append('[');
                Describe(a.ElementTypeId, builder, depth + 1);
                builder.Append("; ").Append(a.Length).Append(']');
                break;
            case TupleType t:
                builder.Append('(');
                for (var i = 0; i < t.ElementTypeIds.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    Describe(t.ElementTypeIds[i], builder, depth + 1);
                }
                builder.Append(')');
                break;
            case CompactType c:
                builder.Append("Compact<");
                Describe(c.InnerTypeId, builder, depth + 1);
                builder.Append('>');
                break;
            case BitSequenceType:
                builder.Append("BitVec");
                break;
            default:
                builder.Append(type.Name.Length > 0 ? type.Name : type.FullName);
                break;
        }
    }

    /// <summary>True when values of the type encode to zero bytes (unit, empty structs, <c>[T; 0]</c>).</summary>
    public bool IsZeroSized(uint typeId) => IsZeroSized(typeId, 0);

    private bool IsZeroSized(uint typeId, int depth)
    {
        if (typeId < _zeroSized.Length && _zeroSized[typeId] != 0) return _zeroSized[typeId] > 0;
        var result = depth < 32 && this[typeId].Definition switch
        {
            CompositeType c => c.Fields.All(f => IsZeroSized(f.TypeId, depth + 1)),
            TupleType t => t.ElementTypeIds.All(id => IsZeroSized(id, depth + 1)),
            ArrayType a => a.Length == 0 || IsZeroSized(a.ElementTypeId, depth + 1),
            _ => false,
        };
        _zeroSized[typeId] = result ? (sbyte)1 : (sbyte)-1;
        return result;
    }
}
