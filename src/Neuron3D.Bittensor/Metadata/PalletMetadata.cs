namespace Neuron3D.Bittensor.Metadata;

/// <summary>How far an item is deprecated (metadata V16; earlier versions have no such information).</summary>
public enum DeprecationKind : byte
{
    /// <summary>Not deprecated.</summary>
    NotDeprecated = 0,
    /// <summary>Deprecated, no note.</summary>
    DeprecatedWithoutNote = 1,
    /// <summary>Deprecated with a note and optionally a version.</summary>
    Deprecated = 2,
}

/// <summary>Deprecation information of an item or enum variant (V16).</summary>
public sealed record Deprecation(DeprecationKind Kind, string? Note = null, string? Since = null)
{
    /// <summary>The common "not deprecated" value.</summary>
    public static readonly Deprecation None = new(DeprecationKind.NotDeprecated);
}

/// <summary>Deprecation of individual variants of a call, event or error enum (V16), by variant index.</summary>
public sealed record VariantDeprecation(byte VariantIndex, Deprecation Deprecation);

/// <summary>Whether a storage item without a value reads as None (Optional) or as its default (Default).</summary>
public enum StorageModifier : byte
{
    /// <summary>Absent values are None.</summary>
    Optional = 0,
    /// <summary>Absent values read as <see cref="StorageEntryMetadata.Default"/>.</summary>
    Default = 1,
}

/// <summary>How one storage map key is hashed (metadata order = encoding index).</summary>
public enum StorageHasher : byte
{
    /// <summary>BLAKE2b-128 of the key (not reversible).</summary>
    Blake2_128 = 0,
    /// <summary>BLAKE2b-256 of the key (not reversible).</summary>
    Blake2_256 = 1,
    /// <summary>BLAKE2b-128 of the key, then the key.</summary>
    Blake2_128Concat = 2,
    /// <summary>xxHash64 with seeds 0 and 1 (16 bytes).</summary>
    Twox128 = 3,
    /// <summary>xxHash64 with seeds 0..3 (32 bytes).</summary>
    Twox256 = 4,
    /// <summary>xxHash64 seed 0 (8 bytes), then the key.</summary>
    Twox64Concat = 5,
    /// <summary>The key itself.</summary>
    Identity = 6,
}

/// <summary>One storage item of a pallet: a plain value or an N-key map.</summary>
public sealed record StorageEntryMetadata(
    string Name,
    StorageModifier Modifier,
    IReadOnlyList<StorageHasher> Hashers,
    uint? KeyTypeId,
    uint ValueTypeId,
    byte[] Default,
    IReadOnlyList<string> Docs,
    Deprecation Deprecation)
{
    /// <summary>True for a plain (key-less) value.</summary>
    public bool IsPlain => KeyTypeId is null;
}

/// <summary>The storage items of a pallet under their common prefix (usually the pallet name).</summary>
public sealed record PalletStorageMetadata(string Prefix, IReadOnlyList<StorageEntryMetadata> Entries);

/// <summary>A pallet constant: its SCALE-encoded value and type.</summary>
public sealed record ConstantMetadata(string Name, uint TypeId, byte[] Value, IReadOnlyList<string> Docs, Deprecation Deprecation);

/// <summary>A pallet's associated type (V16), e.g. the hashing algorithm.</summary>
public sealed record AssociatedTypeMetadata(string Name, uint TypeId, IReadOnlyList<string> Docs);

/// <summary>A named parameter of a runtime API method or view function.</summary>
public sealed record FunctionParameter(string Name, uint TypeId);

/// <summary>A pallet view function (V16): a read-only query identified by a 32-byte id.</summary>
public sealed record ViewFunctionMetadata(
    byte[] Id, string Name, IReadOnlyList<FunctionParameter> Inputs, uint OutputTypeId, IReadOnlyList<string> Docs,
    Deprecation Deprecation);

/// <summary>A dispatchable call of a pallet, resolved from the pallet's call enum.</summary>
public sealed record CallMetadata(string PalletName, byte PalletIndex, string Name, byte Index, IReadOnlyList<TypeField> Arguments, IReadOnlyList<string> Docs);

/// <summary>A module error of a pallet, resolved from the pallet's error enum (what <c>DispatchError::Module</c> points at).</summary>
public sealed record ModuleErrorMetadata(string PalletName, byte PalletIndex, string Name, byte Index, IReadOnlyList<string> Docs);

/// <summary>
/// One pallet. Calls, events and errors are enums in the type registry; <see cref="Calls"/> and <see cref="Errors"/>
/// resolve them. V14 has no pallet docs; V16 adds associated types, view functions and deprecation data.
/// </summary>
public sealed class PalletMetadata
{
    internal PalletMetadata(
        string name, byte index, PalletStorageMetadata? storage, uint? callTypeId, uint? eventTypeId, uint? errorTypeId,
        IReadOnlyList<ConstantMetadata> constants, IReadOnlyList<string> docs,
        IReadOnlyList<AssociatedTypeMetadata> associatedTypes, IReadOnlyList<ViewFunctionMetadata> viewFunctions,
        Deprecation deprecation, IReadOnlyList<VariantDeprecation> callDeprecations,
        IReadOnlyList<VariantDeprecation> eventDeprecations, IReadOnlyList<VariantDeprecation> errorDeprecations)
    {
        Name = name;
        Index = index;
        Storage = storage;
        CallTypeId = callTypeId;
        EventTypeId = eventTypeId;
        ErrorTypeId = errorTypeId;
        Constants = constants;
        Docs = docs;
        AssociatedTypes = associatedTypes;
        ViewFunctions = viewFunctions;
        Deprecation = deprecation;
        CallDeprecations = callDeprecations;
        EventDeprecations = eventDeprecations;
        ErrorDeprecations = errorDeprecations;
    }

    /// <summary>Pallet name, e.g. <c>SubtensorModule</c>.</summary>
    public string Name { get; }
    /// <summary>Pallet index: the first byte of its calls and the index in <c>DispatchError::Module</c>.</summary>
    public byte Index { get; }
    /// <summary>Storage items, or null when the pallet has none.</summary>
    public PalletStorageMetadata? Storage { get; }
    /// <summary>Type id of the call enum, or null.</summary>
    public uint? CallTypeId { get; }
    /// <summary>Type id of the event enum, or null.</summary>
    public uint? EventTypeId { get; }
    /// <summary>Type id of the error enum, or null.</summary>
    public uint? ErrorTypeId { get; }
    /// <summary>Constants.</summary>
    public IReadOnlyList<ConstantMetadata> Constants { get; }
    /// <summary>Docs (V15+).</summary>
    public IReadOnlyList<string> Docs { get; }
    /// <summary>Associated types (V16).</summary>
    public IReadOnlyList<AssociatedTypeMetadata> AssociatedTypes { get; }
    /// <summary>View functions (V16).</summary>
    public IReadOnlyList<ViewFunctionMetadata> ViewFunctions { get; }
    /// <summary>Pallet deprecation (V16).</summary>
    public Deprecation Deprecation { get; }
    /// <summary>Deprecated calls (V16).</summary>
    public IReadOnlyList<VariantDeprecation> CallDeprecations { get; }
    /// <summary>Deprecated events (V16).</summary>
    public IReadOnlyList<VariantDeprecation> EventDeprecations { get; }
    /// <summary>Deprecated errors (V16).</summary>
    public IReadOnlyList<VariantDeprecation> ErrorDeprecations { get; }

    internal TypeRegistry Types { get; set; } = null!;

    /// <summary>The pallet's calls in declaration order (empty when it has none).</summary>
    public IReadOnlyList<CallMetadata> Calls => _calls ??= VariantsOf(CallTypeId)
        .Select(v => new CallMetadata(Name, Index, v.Name, v.Index, v.Fields, v.Docs)).ToArray();
    private CallMetadata[]? _calls;

    /// <summary>The pallet's module errors (empty when it has none).</summary>
    public IReadOnlyList<ModuleErrorMetadata> Errors => _errors ??= VariantsOf(ErrorTypeId)
        .Select(v => new ModuleErrorMetadata(Name, Index, v.Name, v.Index, v.Docs)).ToArray();
    private ModuleErrorMetadata[]? _errors;

    private IReadOnlyList<TypeVariant> VariantsOf(uint? typeId) =>
        typeId is { } id && Types[id].Definition is VariantType variants ? variants.Variants : [];

    /// <summary>The call called <paramref name="name"/> (metadata spelling, snake_case).</summary>
    /// <exception cref="MetadataLookupException">No such call in this runtime.</exception>
    public CallMetadata Call(string name) =>
        Calls.FirstOrDefault(c => c.Name == name)
        ?? throw new MetadataLookupException($"call {Name}.{name}", Calls.Select(c => c.Name));

    /// <summary>The storage item called <paramref name="name"/>.</summary>
    /// <exception cref="MetadataLookupException">No such item in this runtime.</exception>
    public StorageEntryMetadata StorageEntry(string name) =>
        Storage?.Entries.FirstOrDefault(e => e.Name == name)
        ?? throw new MetadataLookupException($"storage item {Name}.{name}", Storage?.Entries.Select(e => e.Name) ?? []);

    /// <summary>The constant called <paramref name="name"/>.</summary>
    /// <exception cref="MetadataLookupException">No such constant.</exception>
    public ConstantMetadata Constant(string name) =>
        Constants.FirstOrDefault(c => c.Name == name)
        ?? throw new MetadataLookupException($"constant {Name}.{name}", Constants.Select(c => c.Name));

    /// <summary>The module error with index <paramref name="index"/>, or null.</summary>
    public ModuleErrorMetadata? Error(byte index) => Errors.FirstOrDefault(e => e.Index == index);

    /// <inheritdoc />
    public override string ToString() => $"{Name} (#{Index})";
}

/// <summary>A pallet, call, storage item, runtime API or type the caller asked for is not in this runtime's metadata.</summary>
public sealed class MetadataLookupException : KeyNotFoundException
{
    /// <summary>Creates the exception for <paramref name="what"/>, listing what the runtime does have nearby.</summary>
    public MetadataLookupException(string what, IEnumerable<string> available)
        : base($"{what} is not in this runtime's metadata" + Hint(what, available))
    {
        What = what;
    }

    /// <summary>What was looked up, e.g. <c>call SubtensorModule.add_stake</c>.</summary>
    public string What { get; }

    private static string Hint(string what, IEnumerable<string> available)
    {
        var wanted = what[(what.LastIndexOfAny([' ', '.']) + 1)..];
        var similar = available
            .Where(a => a.Contains(wanted, StringComparison.OrdinalIgnoreCase) || wanted.Contains(a, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(a.Replace("_", ""), wanted.Replace("_", ""), StringComparison.OrdinalIgnoreCase))
            .Take(5).ToArray();
        return similar.Length == 0 ? "" : $" (similar: {string.Join(", ", similar)})";
    }
}
