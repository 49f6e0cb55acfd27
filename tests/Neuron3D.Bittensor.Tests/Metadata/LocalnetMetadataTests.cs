using System.IO.Compression;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Testing;

namespace Neuron3D.Bittensor.Tests.Metadata;

/// <summary>V14 and V15 layouts, from metadata the local spec-293 runtime served (see Metadata/Fixtures/README.md).</summary>
public class LocalnetMetadataTests
{
    public static byte[] Fixture(string name)
    {
        using var file = File.OpenRead(Path.Combine(RepoPaths.Root, "tests", "Neuron3D.Bittensor.Tests", "Metadata", "Fixtures", name));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static readonly string[] LocalnetExtensions =
    [
        "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckNonce",
        "CheckWeight", "ChargeTransactionPayment", "SubtensorTransactionExtension", "CheckMetadataHash",
    ];

    [Fact]
    public void V14_decodes_and_re_encodes_exactly()
    {
        var bytes = Fixture("localnet-293-v14.scale.gz");
        var metadata = RuntimeMetadata.Parse(bytes);
        Assert.Equal(14, metadata.Version);
        Assert.Equal(bytes, metadata.Encode());
        Assert.Empty(metadata.Apis);
        Assert.NotNull(metadata.RuntimeTypeId);
        // The localchain README's list of transaction extensions, in order.
        Assert.Equal(LocalnetExtensions, metadata.Extrinsic.TransactionExtensions.Select(e => e.Identifier));
        // V14 only names UncheckedExtrinsic; address, call and signature come from its type parameters.
        Assert.Equal("MultiAddress", metadata.Types[metadata.Extrinsic.AddressTypeId!.Value].Name);
        Assert.Equal("RuntimeCall", metadata.Types[metadata.Extrinsic.CallTypeId!.Value].Name);
        Assert.Equal("MultiSignature", metadata.Types[metadata.Extrinsic.SignatureTypeId!.Value].Name);
        Assert.Equal(7, metadata.Pallet("SubtensorModule").Index);
        Assert.Contains(metadata.Pallet("SubtensorModule").Calls, c => c.Name == "start_call");
    }

    [Fact]
    public void V15_from_metadata_at_version_decodes_and_re_encodes_exactly()
    {
        var wrapped = Fixture("localnet-293-v15-at-version.scale.gz");
        var metadata = RuntimeMetadata.ParseMetadataAtVersionResult(wrapped)!;
        Assert.Equal(15, metadata.Version);
        Assert.Equal(wrapped.AsSpan(5).ToArray(), metadata.Encode()); // after 0x01 ‖ 4-byte compact length
        Assert.Equal(LocalnetExtensions, metadata.Extrinsic.TransactionExtensions.Select(e => e.Identifier));
        Assert.NotNull(metadata.Extrinsic.ExtraTypeId);
        Assert.NotNull(metadata.OuterEnums);
        var neurons = metadata.RuntimeApi("NeuronInfoRuntimeApi").Method("get_neurons_lite");
        Assert.Equal("netuid", Assert.Single(neurons.Inputs).Name);
        Assert.Equal("Vec<NeuronInfoLite>", metadata.Types.Describe(neurons.OutputTypeId));
    }
}
