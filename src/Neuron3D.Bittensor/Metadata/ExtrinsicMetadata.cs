namespace Neuron3D.Bittensor.Metadata;

/// <summary>
/// One transaction extension (called "signed extension" before V16): <see cref="TypeId"/> is what goes into the
/// extrinsic (<c>extra</c>), <see cref="ImplicitTypeId"/> what is only signed (<c>additional signed</c>).
/// </summary>
public sealed record TransactionExtensionMetadata(string Identifier, uint TypeId, uint ImplicitTypeId);

/// <summary>Which transaction extensions (indices into the extension list) a given extension version uses (V16).</summary>
public sealed record ExtensionVersionMetadata(byte Version, IReadOnlyList<uint> ExtensionIndices);

/// <summary>
/// How extrinsics are built. V14 gives only the <c>UncheckedExtrinsic</c> type (address, call, signature and extra
/// types are its type parameters); V15 names them; V16 lists several extrinsic versions and extension versions.
/// </summary>
public sealed record ExtrinsicMetadata(
    IReadOnlyList<byte> Versions,
    uint? UncheckedExtrinsicTypeId,
    uint? AddressTypeId,
    uint? CallTypeId,
    uint? SignatureTypeId,
    uint? ExtraTypeId,
    IReadOnlyList<TransactionExtensionMetadata> TransactionExtensions,
    IReadOnlyList<ExtensionVersionMetadata> ExtensionsByVersion);

/// <summary>A runtime API method: called over RPC as <c>state_call("{Api}_{method}", SCALE(inputs))</c>.</summary>
public sealed record RuntimeApiMethodMetadata(
    string Name, IReadOnlyList<FunctionParameter> Inputs, uint OutputTypeId, IReadOnlyList<string> Docs, Deprecation Deprecation);

/// <summary>A runtime API trait (V15+), e.g. <c>NeuronInfoRuntimeApi</c>; version and deprecation from V16.</summary>
public sealed record RuntimeApiMetadata(
    string Name, IReadOnlyList<RuntimeApiMethodMetadata> Methods, IReadOnlyList<string> Docs, uint? Version, Deprecation Deprecation)
{
    /// <summary>The method called <paramref name="name"/>.</summary>
    /// <exception cref="MetadataLookupException">No such method.</exception>
    public RuntimeApiMethodMetadata Method(string name) =>
        Methods.FirstOrDefault(m => m.Name == name)
        ?? throw new MetadataLookupException($"runtime API method {Name}.{name}", Methods.Select(m => m.Name));
}

/// <summary>Type ids of the runtime's outer Call, Event and Error enums (V15+).</summary>
public sealed record OuterEnums(uint CallEnumTypeId, uint EventEnumTypeId, uint ErrorEnumTypeId);

/// <summary>A custom metadata value (V15+): an arbitrary typed SCALE value under a name.</summary>
public sealed record CustomValueMetadata(string Name, uint TypeId, byte[] Value);
