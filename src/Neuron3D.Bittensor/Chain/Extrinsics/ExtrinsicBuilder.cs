using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;
using Neuron3D.Bittensor.Storage;

namespace Neuron3D.Bittensor.Chain.Extrinsics;

/// <summary>What a signed extrinsic signs besides the call: chain identity, nonce, tip and mortality.</summary>
/// <param name="SpecVersion">Runtime spec version (<c>state_getRuntimeVersion</c>).</param>
/// <param name="TransactionVersion">Runtime transaction version.</param>
/// <param name="GenesisHash">32-byte genesis hash (<c>chain_getBlockHash(0)</c>).</param>
/// <param name="Nonce">The signer's next nonce (<c>system_accountNextIndex</c>).</param>
/// <param name="Era">Mortality; immortal by default.</param>
/// <param name="EraBirthHash">Hash of <see cref="Era.BirthBlock"/> for mortal eras; ignored for immortal ones.</param>
/// <param name="Tip">Tip in rao (1 TAO = 10^9 rao).</param>
public sealed record SigningContext(uint SpecVersion, uint TransactionVersion, byte[] GenesisHash, uint Nonce,
    Era Era = default, byte[]? EraBirthHash = null, ulong Tip = 0);

/// <summary>A transaction extension of the runtime that this client cannot fill in.</summary>
public sealed class UnsupportedTransactionExtensionException(string identifier)
    : NotSupportedException($"the runtime requires transaction extension '{identifier}', which carries data this client does not know how to fill in")
{
    /// <summary>The extension's metadata identifier.</summary>
    public string Identifier { get; } = identifier;
}

/// <summary>
/// Builds v4 signed extrinsics (spec §4.2) from the runtime's own list of transaction extensions:
/// <c>Compact(len) ‖ 0x84 ‖ 0x00 ‖ signer(32) ‖ 0x01 ‖ sr25519 sig(64) ‖ extra ‖ call</c>, signing
/// <c>call ‖ extra ‖ implicit</c> (its BLAKE2b-256 when longer than 256 bytes). Extensions without data are
/// skipped whatever their name; one with data that is not known here is an error rather than a silent bad signature.
/// </summary>
public static class ExtrinsicBuilder
{
    private const byte SignedV4 = 0x84;
    private const byte MultiAddressId = 0x00;
    private const byte MultiSignatureSr25519 = 0x01;

    /// <summary>Signs <paramref name="call"/> (an encoded call) with <paramref name="signer"/> and returns the extrinsic bytes.</summary>
    /// <exception cref="UnsupportedTransactionExtensionException">The runtime needs extension data this client cannot supply.</exception>
    public static byte[] BuildSigned(RuntimeMetadata metadata, ReadOnlySpan<byte> call, Sr25519Keypair signer, SigningContext context)
    {
        var (extra, implicitData) = ExtensionData(metadata, context);
        var payload = new ScaleWriter(call.Length + extra.Length + implicitData.Length);
        var body = new ScaleWriter(call.Length + extra.Length + 128);
        var extrinsic = new ScaleWriter(call.Length + extra.Length + 136);
        try
        {
            payload.WriteBytes(call);
            payload.WriteBytes(extra);
            payload.WriteBytes(implicitData);
            var signature = payload.Length > 256
                ? signer.Sign(StorageHashing.Hash(StorageHasher.Blake2_256, payload.WrittenSpan))
                : signer.Sign(payload.WrittenSpan);

            body.WriteU8(SignedV4);
            body.WriteU8(MultiAddressId);
            body.WriteBytes(signer.PublicKey);
            body.WriteU8(MultiSignatureSr25519);
            body.WriteBytes(signature);
            body.WriteBytes(extra);
            body.WriteBytes(call);

            extrinsic.WriteByteSequence(body.WrittenSpan);
            return extrinsic.ToArray();
        }
        finally
        {
            extrinsic.Dispose();
            body.Dispose();
            payload.Dispose();
        }
    }

    /// <summary>The <c>extra</c> (in the extrinsic) and <c>implicit</c> (signed only) bytes of every extension, in order.</summary>
    public static (byte[] Extra, byte[] Implicit) ExtensionData(RuntimeMetadata metadata, SigningContext context)
    {
        var types = metadata.Types;
        var extra = new ScaleWriter(64);
        var implicitData = new ScaleWriter(128);
        try
        {
            foreach (var extension in metadata.Extrinsic.TransactionExtensions)
            {
                var noExtra = types.IsZeroSized(extension.TypeId);
                var noImplicit = types.IsZeroSized(extension.ImplicitTypeId);
                switch (extension.Identifier)
                {
                    case "CheckSpecVersion":
                        implicitData.WriteU32(context.SpecVersion);
                        break;
                    case "CheckTxVersion":
                        implicitData.WriteU32(context.TransactionVersion);
                        break;
                    case "CheckGenesis":
                        implicitData.WriteBytes(context.GenesisHash);
                        break;
                    case "CheckMortality" or "CheckEra":
                        extra.WriteBytes(context.Era.Encode());
                        implicitData.WriteBytes(context.Era.IsMortal
                            ? context.EraBirthHash ?? throw new ArgumentException("a mortal era needs the birth block's hash", nameof(context))
                            : context.GenesisHash);
                        break;
                    case "CheckNonce":
                        types.Encode(extension.TypeId, context.Nonce, ref extra);
                        break;
                    case "ChargeTransactionPayment":
                        types.Encode(extension.TypeId, context.Tip, ref extra);
                        break;
                    case "CheckMetadataHash":
                        // Mode 0 (disabled) and no hash: the runtime does not require the metadata hash.
                        types.Encode(extension.TypeId, ScaleValue.Variant("Disabled"), ref extra);
                        types.Encode(extension.ImplicitTypeId, ScaleValue.None, ref implicitData);
                        break;
                    default:
                        if (!noExtra || !noImplicit) throw new UnsupportedTransactionExtensionException(extension.Identifier);
                        break;
                }
            }
            return (extra.ToArray(), implicitData.ToArray());
        }
        finally
        {
            implicitData.Dispose();
            extra.Dispose();
        }
    }
}
