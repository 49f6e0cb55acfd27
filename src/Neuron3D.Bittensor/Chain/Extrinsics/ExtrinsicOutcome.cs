using Neuron3D.Bittensor.Metadata;

namespace Neuron3D.Bittensor.Chain.Extrinsics;

/// <summary>A runtime event: pallet, event name and its fields (decoded from <c>System.Events</c>).</summary>
public sealed record ChainEvent(string Pallet, string Name, ScaleValue Fields)
{
    /// <inheritdoc />
    public override string ToString() => $"{Pallet}.{Name} {Fields}";
}

/// <summary>
/// An extrinsic was included but its call failed: <c>System.ExtrinsicFailed</c>. For module errors
/// <see cref="ModuleError"/> names the pallet's error and carries its docs from the metadata.
/// </summary>
public sealed class ChainDispatchException(ScaleValue dispatchError, ModuleErrorMetadata? moduleError, string blockHash)
    : Exception(moduleError is { } m
        ? $"{m.PalletName}.{m.Name}: {string.Join(' ', m.Docs).Trim()} (block {blockHash})"
        : $"dispatch failed: {dispatchError} (block {blockHash})")
{
    /// <summary>The decoded <c>DispatchError</c>.</summary>
    public ScaleValue DispatchError { get; } = dispatchError;
    /// <summary>The pallet error for <c>DispatchError::Module</c>, else null.</summary>
    public ModuleErrorMetadata? ModuleError { get; } = moduleError;
    /// <summary>The block that included the failed extrinsic.</summary>
    public string BlockHash { get; } = blockHash;

    /// <summary>The exception for a decoded <c>DispatchError</c>; a <c>Module</c> error is looked up in <paramref name="metadata"/>.</summary>
    public static ChainDispatchException FromDispatchError(RuntimeMetadata metadata, ScaleValue dispatchError, string blockHash)
    {
        ModuleErrorMetadata? moduleError = null;
        if (dispatchError.Unwrap() is ScaleVariant { Name: "Module" } module)
        {
            var detail = module.Fields[0].Value;
            moduleError = metadata.ModuleError((byte)detail["index"].AsNumber(), detail["error"].AsBytes()[0]);
        }
        return new ChainDispatchException(dispatchError, moduleError, blockHash);
    }
}

/// <summary>Where an extrinsic landed and what it emitted.</summary>
public sealed record ExtrinsicOutcome(string BlockHash, int Index, IReadOnlyList<ChainEvent> Events, ChainDispatchException? Failure)
{
    /// <summary>True when the block reported <c>System.ExtrinsicSuccess</c>.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>Throws the dispatch failure, if any.</summary>
    /// <exception cref="ChainDispatchException">The call failed on chain.</exception>
    public ExtrinsicOutcome EnsureSuccess() => Failure is null ? this : throw Failure;
}
