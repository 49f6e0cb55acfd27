using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Tests.Metadata;

namespace Neuron3D.Bittensor.Tests.Chain;

public class ExtrinsicBuilderTests
{
    // Spec §4.2 era formula; (64, 42) is substrate's own sp_runtime::generic::Era example.
    public static TheoryData<ulong, ulong, string, ulong> MortalEras => new()
    {
        { 64, 42, "a502", 42 },
        { 128, 1000, "8606", 1000 },   // SDK default period
        { 100, 1000, "8606", 1000 },   // rounded up to 128
        { 1, 5, "1100", 5 },           // clamped to 4: phase 1
        { 1_000_000, 1_000_000, "4f42", 1_000_000 }, // clamped to 65536, phase quantized by 16
    };

    [Theory]
    [MemberData(nameof(MortalEras))]
    public void Mortal_era_encoding_and_birth_block(ulong period, ulong current, string hex, ulong birth)
    {
        var era = Era.Mortal(period, current);
        Assert.Equal(hex, Convert.ToHexStringLower(era.Encode()));
        Assert.Equal(birth, era.BirthBlock(current));
        Assert.Equal(birth, era.BirthBlock(birth + era.Period - 1)); // the whole window has one birth block
        Assert.Equal(birth + era.Period, era.BirthBlock(birth + era.Period));
        Assert.Equal("00", Convert.ToHexStringLower(Era.Immortal.Encode()));
    }

    public static TheoryData<string> Runtimes => new() { "localnet-293-v14", FinneyMetadata.Dec2025, FinneyMetadata.Apr2026 };

    private static RuntimeMetadata Load(string name) => name == "localnet-293-v14"
        ? RuntimeMetadata.Parse(LocalnetMetadataTests.Fixture("localnet-293-v14.scale.gz"))
        : FinneyMetadata.Get(name);

    [Theory]
    [MemberData(nameof(Runtimes))]
    public void Extension_bytes_match_spec_layout_whatever_extensions_the_runtime_lists(string runtime)
    {
        var metadata = Load(runtime);
        var genesis = Enumerable.Repeat((byte)0x45, 32).ToArray();
        var context = new SigningContext(293, 1, genesis, Nonce: 5, Tip: 0);
        var (extra, implicitData) = ExtrinsicBuilder.ExtensionData(metadata, context);
        // extra = era 00 ‖ Compact nonce ‖ Compact tip ‖ metadata-hash mode 00
        Assert.Equal("00" + "14" + "00" + "00", Convert.ToHexStringLower(extra));
        // implicit = spec u32 ‖ tx u32 ‖ genesis ‖ era birth hash (genesis when immortal) ‖ None
        Assert.Equal("25010000" + "01000000" + Convert.ToHexStringLower(genesis) + Convert.ToHexStringLower(genesis) + "00",
            Convert.ToHexStringLower(implicitData));
    }

    [Fact]
    public void Signed_transfer_has_the_v4_layout_and_a_valid_signature()
    {
        var metadata = FinneyMetadata.Latest;
        using var alice = Sr25519Keypair.FromUri("//Alice");
        var call = metadata.EncodeCall("Balances", "transfer_keep_alive", ScaleValue.Variant("Id", FinneyMetadata.Bob), 1_000_000_000_000UL);
        var genesis = Enumerable.Repeat((byte)0x45, 32).ToArray();
        var context = new SigningContext(425, 1, genesis, Nonce: 0);
        var extrinsic = ExtrinsicBuilder.BuildSigned(metadata, call, alice, context);

        var body = extrinsic.AsSpan(2).ToArray(); // 2-byte compact length for 144 bytes
        Assert.Equal(body.Length, (extrinsic[0] | (extrinsic[1] << 8)) >> 2);
        Assert.Equal(0x84, body[0]);
        Assert.Equal(0x00, body[1]);
        Assert.Equal(FinneyMetadata.Alice, body[2..34]);
        Assert.Equal(0x01, body[34]);
        var signature = body[35..99];
        var (extra, implicitData) = ExtrinsicBuilder.ExtensionData(metadata, context);
        Assert.Equal(extra, body[99..(99 + extra.Length)]);
        Assert.Equal(call, body[(99 + extra.Length)..]);
        Assert.True(alice.Verify([.. call, .. extra, .. implicitData], signature));
    }

    [Fact]
    public void Payloads_over_256_bytes_are_signed_as_their_blake2_256()
    {
        var metadata = FinneyMetadata.Latest;
        using var alice = Sr25519Keypair.FromUri("//Alice");
        var call = metadata.EncodeCall("System", "remark", new byte[300]);
        var context = new SigningContext(425, 1, new byte[32], Nonce: 0);
        var extrinsic = ExtrinsicBuilder.BuildSigned(metadata, call, alice, context);
        var (extra, implicitData) = ExtrinsicBuilder.ExtensionData(metadata, context);
        var signature = extrinsic.AsSpan(2 + 35, 64).ToArray();
        byte[] payload = [.. call, .. extra, .. implicitData];
        Assert.False(alice.Verify(payload, signature));
        Assert.True(alice.Verify(Neuron3D.Bittensor.Storage.StorageHashing.Hash(StorageHasher.Blake2_256, payload), signature));
    }

    [Fact]
    public void Unknown_extension_with_data_is_refused()
    {
        var metadata = FinneyMetadata.Latest;
        var u32 = metadata.Types.Types.First(t => t.Definition is PrimitiveType { Kind: PrimitiveKind.U32 }).Id;
        var extrinsic = metadata.Extrinsic with
        {
            TransactionExtensions = [.. metadata.Extrinsic.TransactionExtensions, new TransactionExtensionMetadata("FutureExtension", u32, u32)],
        };
        var changed = new RuntimeMetadata(metadata.Version, metadata.Types, metadata.Pallets, extrinsic, metadata.RuntimeTypeId,
            metadata.Apis, metadata.OuterEnums, metadata.Custom);
        var ex = Assert.Throws<UnsupportedTransactionExtensionException>(() =>
            ExtrinsicBuilder.ExtensionData(changed, new SigningContext(1, 1, new byte[32], 0)));
        Assert.Equal("FutureExtension", ex.Identifier);
    }
}
