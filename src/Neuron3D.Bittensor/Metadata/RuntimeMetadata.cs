using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Bittensor.Metadata;

/// <summary>
/// A runtime's metadata (V14, V15 or V16): the type registry, pallets (calls, storage, events, errors, constants),
/// extrinsic format and transaction extensions, runtime APIs (V15+). Parsed from the <c>meta</c>-prefixed blob that
/// <c>state_getMetadata</c> returns (or the Option-wrapped one of <c>Metadata_metadata_at_version</c>) and encoded
/// back byte for byte. Everything the chain client encodes is looked up here, never hard-coded, because subtensor
/// upgrades its runtime every few weeks.
/// </summary>
public sealed class RuntimeMetadata
{
    /// <summary>The four bytes <c>meta</c> (0x6d657461) read as a little-endian u32.</summary>
    public const uint Magic = 0x6174656d;

    private readonly Dictionary<string, PalletMetadata> _palletsByName;
    private readonly PalletMetadata?[] _palletsByIndex = new PalletMetadata?[256];

    internal RuntimeMetadata(
        byte version, TypeRegistry types, IReadOnlyList<PalletMetadata> pallets, ExtrinsicMetadata extrinsic,
        uint? runtimeTypeId, IReadOnlyList<RuntimeApiMetadata> apis, OuterEnums? outerEnums,
        IReadOnlyList<CustomValueMetadata> custom)
    {
        Version = version;
        Types = types;
        Pallets = pallets;
        Extrinsic = extrinsic;
        RuntimeTypeId = runtimeTypeId;
        Apis = apis;
        OuterEnums = outerEnums;
        Custom = custom;
        _palletsByName = new Dictionary<string, PalletMetadata>(StringComparer.Ordinal);
        foreach (var pallet in pallets)
        {
            pallet.Types = types;
            _palletsByName[pallet.Name] = pallet;
            _palletsByIndex[pallet.Index] = pallet;
        }
    }

    /// <summary>Metadata version: 14, 15 or 16.</summary>
    public byte Version { get; }

    /// <summary>The portable type registry.</summary>
    public TypeRegistry Types { get; }

    /// <summary>Pallets in metadata order.</summary>
    public IReadOnlyList<PalletMetadata> Pallets { get; }

    /// <summary>Extrinsic format and transaction extensions.</summary>
    public ExtrinsicMetadata Extrinsic { get; }

    /// <summary>Type id of the <c>Runtime</c> type (V14 and V15 only).</summary>
    public uint? RuntimeTypeId { get; }

    /// <summary>Runtime APIs (V15+; empty for V14).</summary>
    public IReadOnlyList<RuntimeApiMetadata> Apis { get; }

    /// <summary>Outer Call/Event/Error enum ids (V15+).</summary>
    public OuterEnums? OuterEnums { get; }

    /// <summary>Custom values (V15+).</summary>
    public IReadOnlyList<CustomValueMetadata> Custom { get; }

    /// <summary>The pallet called <paramref name="name"/>.</summary>
    /// <exception cref="MetadataLookupException">No such pallet.</exception>
    public PalletMetadata Pallet(string name) =>
        _palletsByName.TryGetValue(name, out var pallet) ? pallet
            : throw new MetadataLookupException($"pallet {name}", _palletsByName.Keys);

    /// <summary>The pallet with index <paramref name="index"/>, or null.</summary>
    public PalletMetadata? PalletAt(byte index) => _palletsByIndex[index];

    /// <summary>The runtime API called <paramref name="name"/> (e.g. <c>NeuronInfoRuntimeApi</c>).</summary>
    /// <exception cref="MetadataLookupException">No such API (always for V14, which lists none).</exception>
    public RuntimeApiMetadata RuntimeApi(string name) =>
        Apis.FirstOrDefault(a => a.Name == name)
        ?? throw new MetadataLookupException($"runtime API {name}", Apis.Select(a => a.Name));

    /// <summary>The module error that <c>DispatchError::Module { index, error }</c> names (error = first byte of the 4).</summary>
    public ModuleErrorMetadata? ModuleError(byte palletIndex, byte errorIndex) => PalletAt(palletIndex)?.Error(errorIndex);

    /// <summary>
    /// Encodes a call: pallet index ‖ call index ‖ the arguments in declared order, each encoded as the metadata's
    /// argument type says (so <c>NetUid</c>, <c>Compact&lt;u64&gt;</c> or <c>MultiAddress</c> need no special casing).
    /// </summary>
    /// <exception cref="MetadataLookupException">Unknown pallet or call.</exception>
    /// <exception cref="ScaleEncodeException">Wrong argument count or an argument that does not fit its type.</exception>
    public byte[] EncodeCall(string palletName, string callName, params ScaleValue[] arguments)
    {
        var call = Pallet(palletName).Call(callName);
        if (arguments.Length != call.Arguments.Count)
            throw new ScaleEncodeException(
                $"{palletName}.{callName} takes {call.Arguments.Count} argument(s) ({string.Join(", ", call.Arguments.Select(a => a.Name))}), got {arguments.Length}");
        var writer = new ScaleWriter(128);
        try
        {
            writer.WriteU8(call.PalletIndex);
            writer.WriteU8(call.Index);
            for (var i = 0; i < arguments.Length; i++)
            {
                try { Types.Encode(call.Arguments[i].TypeId, arguments[i], ref writer); }
                catch (ScaleEncodeException e)
                {
                    throw new ScaleEncodeException(e.Reason, $"{palletName}.{callName}({call.Arguments[i].Name})" + (e.Path is null ? "" : "." + e.Path));
                }
            }
            return writer.ToArray();
        }
        finally { writer.Dispose(); }
    }

    /// <summary>Decodes an encoded call into its pallet, call and named arguments.</summary>
    /// <exception cref="ScaleDecodeException">Unknown pallet/call index or malformed arguments.</exception>
    public (CallMetadata Call, IReadOnlyList<ScaleField> Arguments) DecodeCall(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var palletIndex = reader.ReadU8();
        var callIndex = reader.ReadU8();
        var call = PalletAt(palletIndex)?.Calls.FirstOrDefault(c => c.Index == callIndex)
            ?? throw new ScaleDecodeException(ScaleDecodeError.UnknownVariant, 0, $"no call {callIndex} in pallet {palletIndex}");
        var arguments = new ScaleField[call.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = new ScaleField(call.Arguments[i].Name, Types.Decode(call.Arguments[i].TypeId, ref reader));
        reader.EnsureEnd();
        return (call, arguments);
    }

    /// <summary>Decodes the value of constant <paramref name="palletName"/>.<paramref name="constantName"/>.</summary>
    /// <exception cref="MetadataLookupException">Unknown pallet or constant.</exception>
    public ScaleValue Constant(string palletName, string constantName)
    {
        var constant = Pallet(palletName).Constant(constantName);
        return Types.Decode(constant.TypeId, constant.Value);
    }

    /// <summary>Parses a <c>meta</c>-prefixed metadata blob (what <c>state_getMetadata</c> returns, hex-decoded).</summary>
    /// <exception cref="ScaleDecodeException">Not metadata, an unsupported version, or malformed.</exception>
    public static RuntimeMetadata Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var metadata = MetadataCodec.Read(ref reader);
        reader.EnsureEnd();
        return metadata;
    }

    /// <summary>
    /// Parses the result of the runtime API <c>Metadata_metadata_at_version(version)</c>: <c>Option&lt;OpaqueMetadata&gt;</c>,
    /// i.e. 0x01, a compact byte length, then the <c>meta</c> blob. Returns null when the runtime answered None
    /// (it does not offer that version).
    /// </summary>
    /// <exception cref="ScaleDecodeException">Malformed wrapper or metadata.</exception>
    public static RuntimeMetadata? ParseMetadataAtVersionResult(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        if (!reader.ReadOptionTag()) { reader.EnsureEnd(); return null; }
        var inner = reader.ReadByteSequence();
        reader.EnsureEnd();
        return Parse(inner);
    }

    /// <summary>Encodes the metadata back into its <c>meta</c>-prefixed form (byte-identical to what was parsed).</summary>
    public byte[] Encode()
    {
        var writer = new ScaleWriter(1 << 16);
        try
        {
            MetadataCodec.Write(ref writer, this);
            return writer.ToArray();
        }
        finally { writer.Dispose(); }
    }
}
