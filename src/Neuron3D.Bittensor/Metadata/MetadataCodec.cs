using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Bittensor.Metadata;

/// <summary>
/// Reads and writes the frame-metadata layouts V14, V15 and V16 (paritytech/frame-metadata). The three versions
/// share the type registry and storage layout; they differ in pallet fields, the extrinsic description, runtime
/// APIs and V16's deprecation data. Each Read has its Write mirror so a parse → encode round trip is exact.
/// </summary>
internal static class MetadataCodec
{
    public static RuntimeMetadata Read(ref ScaleReader r)
    {
        if (r.Remaining < 5 || r.ReadU32() != RuntimeMetadata.Magic)
            throw new ScaleDecodeException(ScaleDecodeError.InvalidFormat, 0, "not runtime metadata: the 'meta' magic is missing");
        var versionOffset = r.Position;
        var version = r.ReadU8();
        if (version is < 14 or > 16)
            throw new ScaleDecodeException(ScaleDecodeError.InvalidFormat, versionOffset,
                $"metadata version {version} is not supported (14, 15 and 16 are)");

        var types = new TypeRegistry(ReadList(ref r, ReadType, 5));
        var pallets = ReadList(ref r, (ref ScaleReader x) => ReadPallet(ref x, version), 8);
        var extrinsic = ReadExtrinsic(ref r, version, types);
        uint? runtimeType = version < 16 ? r.ReadCompactU32() : null;
        IReadOnlyList<RuntimeApiMetadata> apis = [];
        OuterEnums? outer = null;
        IReadOnlyList<CustomValueMetadata> custom = [];
        if (version >= 15)
        {
            apis = ReadList(ref r, (ref ScaleReader x) => ReadApi(ref x, version), 3);
            outer = new OuterEnums(r.ReadCompactU32(), r.ReadCompactU32(), r.ReadCompactU32());
            custom = ReadList(ref r, static (ref ScaleReader x) =>
                new CustomValueMetadata(x.ReadString(), x.ReadCompactU32(), x.ReadByteSequence().ToArray()), 3);
        }
        return new RuntimeMetadata(version, types, pallets, extrinsic, runtimeType, apis, outer, custom);
    }

    public static void Write(ref ScaleWriter w, RuntimeMetadata m)
    {
        w.WriteU32(RuntimeMetadata.Magic);
        w.WriteU8(m.Version);
        WriteList(ref w, m.Types.Types, WriteType);
        var version = m.Version;
        w.WriteCompact((ulong)m.Pallets.Count);
        foreach (var pallet in m.Pallets) WritePallet(ref w, pallet, version);
        WriteExtrinsic(ref w, m.Extrinsic, version);
        if (version < 16) w.WriteCompact((ulong)m.RuntimeTypeId!.Value);
        if (version < 15) return;
        w.WriteCompact((ulong)m.Apis.Count);
        foreach (var api in m.Apis) WriteApi(ref w, api, version);
        w.WriteCompact((ulong)m.OuterEnums!.CallEnumTypeId);
        w.WriteCompact((ulong)m.OuterEnums.EventEnumTypeId);
        w.WriteCompact((ulong)m.OuterEnums.ErrorEnumTypeId);
        w.WriteCompact((ulong)m.Custom.Count);
        foreach (var value in m.Custom)
        {
            w.WriteString(value.Name);
            w.WriteCompact((ulong)value.TypeId);
            w.WriteByteSequence(value.Value);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static T[] ReadList<T>(ref ScaleReader r, ScaleDecoder<T> read, int minElementBytes) =>
        r.ReadSequence(read, minElementBytes);

    private static void WriteList<T>(ref ScaleWriter w, IReadOnlyList<T> items, ScaleEncoder<T> write)
    {
        w.WriteCompact((ulong)items.Count);
        foreach (var item in items) write(ref w, item);
    }

    private static string[] ReadStrings(ref ScaleReader r) => r.ReadSequence(static (ref ScaleReader x) => x.ReadString());

    private static void WriteStrings(ref ScaleWriter w, IReadOnlyList<string> items) =>
        WriteList(ref w, items, static (ref ScaleWriter x, string s) => x.WriteString(s));

    private static string? ReadOptionalString(ref ScaleReader r) => r.ReadOptionTag() ? r.ReadString() : null;

    private static void WriteOptionalString(ref ScaleWriter w, string? value)
    {
        w.WriteOptionTag(value is not null);
        if (value is not null) w.WriteString(value);
    }

    private static uint? ReadOptionalTypeId(ref ScaleReader r) => r.ReadOptionTag() ? r.ReadCompactU32() : null;

    private static void WriteOptionalTypeId(ref ScaleWriter w, uint? id)
    {
        w.WriteOptionTag(id is not null);
        if (id is { } some) w.WriteCompact((ulong)some);
    }

    // ---------------------------------------------------------------- types

    private static PortableType ReadType(ref ScaleReader r)
    {
        var id = r.ReadCompactU32();
        var path = ReadStrings(ref r);
        var parameters = r.ReadSequence(static (ref ScaleReader x) => new TypeParameter(x.ReadString(), ReadOptionalTypeId(ref x)));
        var defOffset = r.Position;
        TypeDefinition definition = r.ReadU8() switch
        {
            0 => new CompositeType(r.ReadSequence(ReadField)),
            1 => new VariantType(r.ReadSequence(static (ref ScaleReader x) =>
                new TypeVariant(x.ReadString(), x.ReadSequence(ReadField), x.ReadU8(), ReadStrings(ref x)))),
            2 => new SequenceType(r.ReadCompactU32()),
            3 => new ArrayType(r.ReadU32(), r.ReadCompactU32()),
            4 => new TupleType(r.ReadSequence(static (ref ScaleReader x) => x.ReadCompactU32())),
            5 => new PrimitiveType(ReadPrimitive(ref r)),
            6 => new CompactType(r.ReadCompactU32()),
            7 => new BitSequenceType(r.ReadCompactU32(), r.ReadCompactU32()),
            var tag => throw new ScaleDecodeException(ScaleDecodeError.UnknownVariant, defOffset, $"type definition tag {tag}"),
        };
        return new PortableType(id, path, parameters, definition, ReadStrings(ref r));
    }

    private static PrimitiveKind ReadPrimitive(ref ScaleReader r)
    {
        var offset = r.Position;
        var tag = r.ReadU8();
        if (tag > (byte)PrimitiveKind.I256)
            throw new ScaleDecodeException(ScaleDecodeError.UnknownVariant, offset, $"primitive type tag {tag}");
        return (PrimitiveKind)tag;
    }

    private static TypeField ReadField(ref ScaleReader r) =>
        new(ReadOptionalString(ref r), r.ReadCompactU32(), ReadOptionalString(ref r), ReadStrings(ref r));

    private static void WriteField(ref ScaleWriter w, TypeField field)
    {
        WriteOptionalString(ref w, field.Name);
        w.WriteCompact((ulong)field.TypeId);
        WriteOptionalString(ref w, field.TypeName);
        WriteStrings(ref w, field.Docs);
    }

    private static void WriteType(ref ScaleWriter w, PortableType type)
    {
        w.WriteCompact((ulong)type.Id);
        WriteStrings(ref w, type.Path);
        WriteList(ref w, type.Parameters, static (ref ScaleWriter x, TypeParameter p) =>
        {
            x.WriteString(p.Name);
            WriteOptionalTypeId(ref x, p.TypeId);
        });
        switch (type.Definition)
        {
            case CompositeType c:
                w.WriteU8(0);
                WriteList(ref w, c.Fields, WriteField);
                break;
            case VariantType v:
                w.WriteU8(1);
                WriteList(ref w, v.Variants, static (ref ScaleWriter x, TypeVariant variant) =>
                {
                    x.WriteString(variant.Name);
                    WriteList(ref x, variant.Fields, WriteField);
                    x.WriteU8(variant.Index);
                    WriteStrings(ref x, variant.Docs);
                });
                break;
            case SequenceType s:
                w.WriteU8(2);
                w.WriteCompact((ulong)s.ElementTypeId);
                break;
            case ArrayType a:
                w.WriteU8(3);
                w.WriteU32(a.Length);
                w.WriteCompact((ulong)a.ElementTypeId);
                break;
            case TupleType t:
                w.WriteU8(4);
                WriteList(ref w, t.ElementTypeIds, static (ref ScaleWriter x, uint id) => x.WriteCompact((ulong)id));
                break;
            case PrimitiveType p:
                w.WriteU8(5);
                w.WriteU8((byte)p.Kind);
                break;
            case CompactType c:
                w.WriteU8(6);
                w.WriteCompact((ulong)c.InnerTypeId);
                break;
            case BitSequenceType b:
                w.WriteU8(7);
                w.WriteCompact((ulong)b.StoreTypeId);
                w.WriteCompact((ulong)b.OrderTypeId);
                break;
        }
        WriteStrings(ref w, type.Docs);
    }

    // ---------------------------------------------------------------- deprecation (V16)

    private static Deprecation ReadDeprecation(ref ScaleReader r)
    {
        var offset = r.Position;
        return r.ReadU8() switch
        {
            0 => Deprecation.None,
            1 => new Deprecation(DeprecationKind.DeprecatedWithoutNote),
            2 => new Deprecation(DeprecationKind.Deprecated, r.ReadString(), ReadOptionalString(ref r)),
            var tag => throw new ScaleDecodeException(ScaleDecodeError.UnknownVariant, offset, $"deprecation tag {tag}"),
        };
    }

    private static void WriteDeprecation(ref ScaleWriter w, Deprecation deprecation)
    {
        w.WriteU8((byte)deprecation.Kind);
        if (deprecation.Kind != DeprecationKind.Deprecated) return;
        w.WriteString(deprecation.Note ?? "");
        WriteOptionalString(ref w, deprecation.Since);
    }

    private static VariantDeprecation[] ReadEnumDeprecation(ref ScaleReader r) =>
        r.ReadSequence(static (ref ScaleReader x) =>
        {
            var index = x.ReadU8();
            var offset = x.Position;
            var deprecation = ReadDeprecation(ref x);
            if (deprecation.Kind == DeprecationKind.NotDeprecated) // variants only carry indices 1 and 2
                throw new ScaleDecodeException(ScaleDecodeError.UnknownVariant, offset, "variant deprecation tag 0");
            return new VariantDeprecation(index, deprecation);
        }, 2);

    private static void WriteEnumDeprecation(ref ScaleWriter w, IReadOnlyList<VariantDeprecation> items) =>
        WriteList(ref w, items, static (ref ScaleWriter x, VariantDeprecation d) =>
        {
            x.WriteU8(d.VariantIndex);
            WriteDeprecation(ref x, d.Deprecation);
        });

    // ---------------------------------------------------------------- pallets

    private static PalletMetadata ReadPallet(ref ScaleReader r, byte version)
    {
        var name = r.ReadString();
        PalletStorageMetadata? storage = null;
        if (r.ReadOptionTag())
        {
            var prefix = r.ReadString();
            storage = new PalletStorageMetadata(prefix, r.ReadSequence((ref ScaleReader x) => ReadStorageEntry(ref x, version), 4));
        }
        var (callType, callDeprecations) = ReadPalletEnum(ref r, version);
        var (eventType, eventDeprecations) = ReadPalletEnum(ref r, version);
        var constants = r.ReadSequence((ref ScaleReader x) => new ConstantMetadata(
            x.ReadString(), x.ReadCompactU32(), x.ReadByteSequence().ToArray(), ReadStrings(ref x),
            version >= 16 ? ReadDeprecation(ref x) : Deprecation.None), 4);
        var (errorType, errorDeprecations) = ReadPalletEnum(ref r, version);
        IReadOnlyList<AssociatedTypeMetadata> associated = [];
        IReadOnlyList<ViewFunctionMetadata> views = [];
        if (version >= 16)
        {
            associated = r.ReadSequence(static (ref ScaleReader x) =>
                new AssociatedTypeMetadata(x.ReadString(), x.ReadCompactU32(), ReadStrings(ref x)), 3);
            views = r.ReadSequence(static (ref ScaleReader x) => new ViewFunctionMetadata(
                x.ReadBytes(32).ToArray(), x.ReadString(), ReadParameters(ref x), x.ReadCompactU32(), ReadStrings(ref x),
                ReadDeprecation(ref x)), 36);
        }
        var index = r.ReadU8();
        IReadOnlyList<string> docs = version >= 15 ? ReadStrings(ref r) : [];
        var deprecation = version >= 16 ? ReadDeprecation(ref r) : Deprecation.None;
        return new PalletMetadata(name, index, storage, callType, eventType, errorType, constants, docs, associated, views,
            deprecation, callDeprecations, eventDeprecations, errorDeprecations);
    }

    private static (uint? TypeId, IReadOnlyList<VariantDeprecation> Deprecations) ReadPalletEnum(ref ScaleReader r, byte version)
    {
        if (!r.ReadOptionTag()) return (null, []);
        var typeId = r.ReadCompactU32();
        return (typeId, version >= 16 ? ReadEnumDeprecation(ref r) : []);
    }

    private static void WritePalletEnum(ref ScaleWriter w, uint? typeId, IReadOnlyList<VariantDeprecation> deprecations, byte version)
    {
        w.WriteOptionTag(typeId is not null);
        if (typeId is not { } id) return;
        w.WriteCompact((ulong)id);
        if (version >= 16) WriteEnumDeprecation(ref w, deprecations);
    }

    private static void WritePallet(ref ScaleWriter w, PalletMetadata p, byte version)
    {
        w.WriteString(p.Name);
        w.WriteOptionTag(p.Storage is not null);
        if (p.Storage is { } storage)
        {
            w.WriteString(storage.Prefix);
            w.WriteCompact((ulong)storage.Entries.Count);
            foreach (var entry in storage.Entries) WriteStorageEntry(ref w, entry, version);
        }
        WritePalletEnum(ref w, p.CallTypeId, p.CallDeprecations, version);
        WritePalletEnum(ref w, p.EventTypeId, p.EventDeprecations, version);
        w.WriteCompact((ulong)p.Constants.Count);
        foreach (var constant in p.Constants)
        {
            w.WriteString(constant.Name);
            w.WriteCompact((ulong)constant.TypeId);
            w.WriteByteSequence(constant.Value);
            WriteStrings(ref w, constant.Docs);
            if (version >= 16) WriteDeprecation(ref w, constant.Deprecation);
        }
        WritePalletEnum(ref w, p.ErrorTypeId, p.ErrorDeprecations, version);
        if (version >= 16)
        {
            WriteList(ref w, p.AssociatedTypes, static (ref ScaleWriter x, AssociatedTypeMetadata a) =>
            {
                x.WriteString(a.Name);
                x.WriteCompact((ulong)a.TypeId);
                WriteStrings(ref x, a.Docs);
            });
            WriteList(ref w, p.ViewFunctions, static (ref ScaleWriter x, ViewFunctionMetadata v) =>
            {
                x.WriteBytes(v.Id);
                x.WriteString(v.Name);
                WriteParameters(ref x, v.Inputs);
                x.WriteCompact((ulong)v.OutputTypeId);
                WriteStrings(ref x, v.Docs);
                WriteDeprecation(ref x, v.Deprecation);
            });
        }
        w.WriteU8(p.Index);
        if (version >= 15) WriteStrings(ref w, p.Docs);
        if (version >= 16) WriteDeprecation(ref w, p.Deprecation);
    }

    private static StorageEntryMetadata ReadStorageEntry(ref ScaleReader r, byte version)
    {
        var name = r.ReadString();
        var modifierOffset = r.Position;
        var modifier = r.ReadU8() switch
        {
            0 => StorageModifier.Optional,
            1 => StorageModifier.Default,
            var tag => throw new ScaleDecodeException(ScaleDecodeError.UnknownVariant, modifierOffset, $"storage modifier {tag}"),
        };
        var kindOffset = r.Position;
        IReadOnlyList<StorageHasher> hashers = [];
        uint? keyType = null;
        uint valueType;
        switch (r.ReadU8())
        {
            case 0:
                valueType = r.ReadCompactU32();
                break;
            case 1:
                hashers = r.ReadSequence(static (ref ScaleReader x) =>
                {
                    var offset = x.Position;
                    var tag = x.ReadU8();
                    return tag <= (byte)StorageHasher.Identity ? (StorageHasher)tag
                        : throw new ScaleDecodeException(ScaleDecodeError.UnknownVariant, offset, $"storage hasher {tag}");
                });
                keyType = r.ReadCompactU32();
                valueType = r.ReadCompactU32();
                break;
            case var tag:
                throw new ScaleDecodeException(ScaleDecodeError.UnknownVariant, kindOffset, $"storage entry type {tag}");
        }
        var defaultValue = r.ReadByteSequence().ToArray();
        var docs = ReadStrings(ref r);
        var deprecation = version >= 16 ? ReadDeprecation(ref r) : Deprecation.None;
        return new StorageEntryMetadata(name, modifier, hashers, keyType, valueType, defaultValue, docs, deprecation);
    }

    private static void WriteStorageEntry(ref ScaleWriter w, StorageEntryMetadata e, byte version)
    {
        w.WriteString(e.Name);
        w.WriteU8((byte)e.Modifier);
        if (e.KeyTypeId is { } keyType)
        {
            w.WriteU8(1);
            WriteList(ref w, e.Hashers, static (ref ScaleWriter x, StorageHasher h) => x.WriteU8((byte)h));
            w.WriteCompact((ulong)keyType);
        }
        else w.WriteU8(0);
        w.WriteCompact((ulong)e.ValueTypeId);
        w.WriteByteSequence(e.Default);
        WriteStrings(ref w, e.Docs);
        if (version >= 16) WriteDeprecation(ref w, e.Deprecation);
    }

    // ---------------------------------------------------------------- extrinsic

    private static ExtrinsicMetadata ReadExtrinsic(ref ScaleReader r, byte version, TypeRegistry types)
    {
        static TransactionExtensionMetadata ReadExtension(ref ScaleReader x) =>
            new(x.ReadString(), x.ReadCompactU32(), x.ReadCompactU32());

        switch (version)
        {
            case 14:
            {
                var extrinsicType = r.ReadCompactU32();
                var extrinsicVersion = r.ReadU8();
                var extensions = r.ReadSequence(ReadExtension, 3);
                // V14 only names the UncheckedExtrinsic type; its parameters are Address, Call, Signature, Extra.
                uint? Param(string name) => types.Find(extrinsicType)?.Parameters.FirstOrDefault(p => p.Name == name)?.TypeId;
                return new ExtrinsicMetadata([extrinsicVersion], extrinsicType, Param("Address"), Param("Call"),
                    Param("Signature"), Param("Extra"), extensions, []);
            }
            case 15:
            {
                var extrinsicVersion = r.ReadU8();
                var address = r.ReadCompactU32();
                var call = r.ReadCompactU32();
                var signature = r.ReadCompactU32();
                var extra = r.ReadCompactU32();
                var extensions = r.ReadSequence(ReadExtension, 3);
                return new ExtrinsicMetadata([extrinsicVersion], null, address, call, signature, extra, extensions, []);
            }
            default:
            {
                var versions = r.ReadByteSequence().ToArray();
                var address = r.ReadCompactU32();
                var call = r.ReadCompactU32();
                var signature = r.ReadCompactU32();
                var byVersion = r.ReadSequence(static (ref ScaleReader x) =>
                    new ExtensionVersionMetadata(x.ReadU8(), x.ReadSequence(static (ref ScaleReader y) => y.ReadCompactU32())), 2);
                var extensions = r.ReadSequence(ReadExtension, 3);
                return new ExtrinsicMetadata(versions, null, address, call, signature, null, extensions, byVersion);
            }
        }
    }

    private static void WriteExtrinsic(ref ScaleWriter w, ExtrinsicMetadata e, byte version)
    {
        switch (version)
        {
            case 14:
                w.WriteCompact((ulong)e.UncheckedExtrinsicTypeId!.Value);
                w.WriteU8(e.Versions[0]);
                break;
            case 15:
                w.WriteU8(e.Versions[0]);
                w.WriteCompact((ulong)e.AddressTypeId!.Value);
                w.WriteCompact((ulong)e.CallTypeId!.Value);
                w.WriteCompact((ulong)e.SignatureTypeId!.Value);
                w.WriteCompact((ulong)e.ExtraTypeId!.Value);
                break;
            default:
                w.WriteByteSequence(e.Versions.ToArray());
                w.WriteCompact((ulong)e.AddressTypeId!.Value);
                w.WriteCompact((ulong)e.CallTypeId!.Value);
                w.WriteCompact((ulong)e.SignatureTypeId!.Value);
                WriteList(ref w, e.ExtensionsByVersion, static (ref ScaleWriter x, ExtensionVersionMetadata v) =>
                {
                    x.WriteU8(v.Version);
                    WriteList(ref x, v.ExtensionIndices, static (ref ScaleWriter y, uint i) => y.WriteCompact((ulong)i));
                });
                break;
        }
        WriteList(ref w, e.TransactionExtensions, static (ref ScaleWriter x, TransactionExtensionMetadata t) =>
        {
            x.WriteString(t.Identifier);
            x.WriteCompact((ulong)t.TypeId);
            x.WriteCompact((ulong)t.ImplicitTypeId);
        });
    }

    // ---------------------------------------------------------------- runtime APIs

    private static FunctionParameter[] ReadParameters(ref ScaleReader r) =>
        r.ReadSequence(static (ref ScaleReader x) => new FunctionParameter(x.ReadString(), x.ReadCompactU32()), 2);

    private static void WriteParameters(ref ScaleWriter w, IReadOnlyList<FunctionParameter> parameters) =>
        WriteList(ref w, parameters, static (ref ScaleWriter x, FunctionParameter p) =>
        {
            x.WriteString(p.Name);
            x.WriteCompact((ulong)p.TypeId);
        });

    private static RuntimeApiMetadata ReadApi(ref ScaleReader r, byte version)
    {
        var name = r.ReadString();
        var methods = r.ReadSequence((ref ScaleReader x) => new RuntimeApiMethodMetadata(
            x.ReadString(), ReadParameters(ref x), x.ReadCompactU32(), ReadStrings(ref x),
            version >= 16 ? ReadDeprecation(ref x) : Deprecation.None), 4);
        var docs = ReadStrings(ref r);
        if (version < 16) return new RuntimeApiMetadata(name, methods, docs, null, Deprecation.None);
        var apiVersion = r.ReadCompactU32();
        return new RuntimeApiMetadata(name, methods, docs, apiVersion, ReadDeprecation(ref r));
    }

    private static void WriteApi(ref ScaleWriter w, RuntimeApiMetadata api, byte version)
    {
        w.WriteString(api.Name);
        w.WriteCompact((ulong)api.Methods.Count);
        foreach (var method in api.Methods)
        {
            w.WriteString(method.Name);
            WriteParameters(ref w, method.Inputs);
            w.WriteCompact((ulong)method.OutputTypeId);
            WriteStrings(ref w, method.Docs);
            if (version >= 16) WriteDeprecation(ref w, method.Deprecation);
        }
        WriteStrings(ref w, api.Docs);
        if (version < 16) return;
        w.WriteCompact((ulong)api.Version!.Value);
        WriteDeprecation(ref w, api.Deprecation);
    }
}
