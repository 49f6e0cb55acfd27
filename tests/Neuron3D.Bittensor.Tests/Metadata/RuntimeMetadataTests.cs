using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Bittensor.Tests.Metadata;

public class RuntimeMetadataTests
{
    public static TheoryData<string> Fixtures => new() { FinneyMetadata.Dec2025, FinneyMetadata.Apr2026 };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Finney_fixture_decodes_as_v16_with_subtensor_pallets(string file)
    {
        var metadata = FinneyMetadata.Get(file);
        Assert.Equal(16, metadata.Version);
        Assert.True(metadata.Types.Types.Count > 500);
        // Pallet indices of spec §4.3.
        foreach (var (name, index) in new[] { ("System", 0), ("Balances", 5), ("SubtensorModule", 7), ("Sudo", 12), ("AdminUtils", 19) })
            Assert.Equal(index, metadata.Pallet(name).Index);
        Assert.Contains(metadata.Pallet("Balances").Errors, e => e.Name == "InsufficientBalance");
        Assert.Contains(metadata.Apis, a => a.Name == "NeuronInfoRuntimeApi");
        Assert.Equal(500UL, (ulong)metadata.Constant("Balances", "ExistentialDeposit").AsNumber());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decode_then_encode_is_byte_identical(string file)
    {
        var original = FinneyMetadata.Bytes(file);
        Assert.Equal(original, FinneyMetadata.Get(file).Encode());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Metadata_at_version_wrapper_is_unwrapped(string file)
    {
        var original = FinneyMetadata.Bytes(file);
        var writer = new ScaleWriter(original.Length + 8);
        writer.WriteOptionTag(true);
        writer.WriteByteSequence(original);
        var wrapped = writer.ToArray();
        writer.Dispose();
        var metadata = RuntimeMetadata.ParseMetadataAtVersionResult(wrapped);
        Assert.NotNull(metadata);
        Assert.Equal(original, metadata.Encode());
        Assert.Null(RuntimeMetadata.ParseMetadataAtVersionResult([0]));
    }

    [Fact]
    public void Transaction_extensions_match_the_spec_order()
    {
        // Spec §4.2 lists the HEAD (2026) extensions; the Apr 2026 snapshot must have the same order.
        var identifiers = FinneyMetadata.Latest.Extrinsic.TransactionExtensions.Select(e => e.Identifier).ToArray();
        Assert.Equal(
            ["CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckNonce",
             "CheckWeight", "ChargeTransactionPayment", "SudoTransactionExtension", "CheckShieldedTxValidity",
             "SubtensorTransactionExtension", "DrandPriority", "CheckMetadataHash"],
            identifiers);
        Assert.Contains((byte)4, FinneyMetadata.Latest.Extrinsic.Versions);
    }

    [Fact]
    public void Wrong_magic_unsupported_version_and_truncation_are_typed_errors()
    {
        var original = FinneyMetadata.Bytes(FinneyMetadata.Dec2025);
        var badMagic = (byte[])original.Clone();
        badMagic[0] = (byte)'M';
        Assert.Equal(ScaleDecodeError.InvalidFormat, Assert.Throws<ScaleDecodeException>(() => RuntimeMetadata.Parse(badMagic)).Error);

        var v13 = (byte[])original.Clone();
        v13[4] = 13;
        var ex = Assert.Throws<ScaleDecodeException>(() => RuntimeMetadata.Parse(v13));
        Assert.Equal(ScaleDecodeError.InvalidFormat, ex.Error);
        Assert.Equal(4, ex.Offset);

        foreach (var length in new[] { 0, 3, 5, 100, original.Length / 2, original.Length - 1 })
            Assert.Throws<ScaleDecodeException>(() => RuntimeMetadata.Parse(original.AsSpan(0, length)));

        var trailing = original.Concat(new byte[] { 0 }).ToArray();
        Assert.Equal(ScaleDecodeError.TrailingBytes, Assert.Throws<ScaleDecodeException>(() => RuntimeMetadata.Parse(trailing)).Error);
    }

    [Fact]
    public void Unknown_names_are_lookup_errors_with_suggestions()
    {
        var metadata = FinneyMetadata.Latest;
        var ex = Assert.Throws<MetadataLookupException>(() => metadata.Pallet("SubtensorModule").Call("addstake"));
        Assert.Contains("add_stake", ex.Message);
        Assert.Throws<MetadataLookupException>(() => metadata.Pallet("NoSuchPallet"));
        Assert.Throws<MetadataLookupException>(() => metadata.Pallet("SubtensorModule").StorageEntry("NoSuchItem"));
        Assert.Throws<MetadataLookupException>(() => metadata.RuntimeApi("NeuronInfoRuntimeApi").Method("nope"));
    }

    [Fact]
    public void Module_errors_resolve_with_docs()
    {
        var metadata = FinneyMetadata.Latest;
        var subtensor = metadata.Pallet("SubtensorModule");
        var error = subtensor.Errors.First(e => e.Name == "NotEnoughBalanceToStake");
        Assert.Same(error.Name, metadata.ModuleError(7, error.Index)!.Name);
        Assert.NotEmpty(error.Docs);
    }
}
