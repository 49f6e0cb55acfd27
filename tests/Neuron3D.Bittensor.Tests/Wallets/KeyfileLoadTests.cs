using System.Text;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Bittensor.Tests.Wallets;

/// <summary>Keyfile data → keypair, with btwallet's load precedence, against the spec §2.2 / §3.7 vectors.</summary>
public class KeyfileLoadTests
{
    private const string AlicePublic = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
    private const string AliceAddress = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private const string AliceMini = "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";
    private const string AlicePrivate = "0x33a6f3093f158a7109f679410bef1a0c54168145e0cecb4df006c1c2fffb1f09925a225d97aa00682d6a59b95b18780c10d7032336e88f3442b42361f4a66011";
    private const string BobPublic = "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48";
    private const string BobPrivate = "0xe1c39e72cca724caa697d64a58e10bd95ffa63d1922962f7e27f8a09dda1370b41ae88f85d0c1bfc37be41c904e1dfc01de8c8067b0d6d5df25dd1ac0894a325";
    private const string DevPublic = "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a";
    private const string BtwalletPrivate = "0x1f1995bdf3a17b60626a26cfe6f564b337d46056b7a1281b64c649d592ccda0a9cffd34d9fb01cae1fba61aeed184c817442a2186d5172416729a4b54dd4b84e";
    private const string BtwalletPublic = "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446";

    [Theory, MemberData(nameof(KeyfileDataTests.SpecExampleVariants), MemberType = typeof(KeyfileDataTests))]
    public void Spec_example_in_any_layout_loads_the_spec_public_key(string _, string json)
    {
        using var keypair = KeyfileData.Parse(Encoding.UTF8.GetBytes(json)).ToKeypair();
        Assert.Equal(DevPublic, Convert.ToHexStringLower(keypair.PublicKey));
        Assert.Equal(KeyfileDataTests.DevAddress, keypair.Ss58Address);
    }

    /// <summary>Python-SDK style files with <c>null</c> for the fields that have precedence.</summary>
    public static TheoryData<string, string> NullVariants => new()
    {
        { "phrase only, others null", $"{{\"accountId\": null, \"publicKey\": null, \"privateKey\": null, \"secretPhrase\": \"{KeyfileDataTests.DevPhrase}\", \"secretSeed\": null, \"ss58Address\": null}}" },
        { "phrase null, seed set", $"{{\"secretPhrase\": null, \"secretSeed\": \"{KeyfileDataTests.DevSeed}\", \"privateKey\": null}}" },
        { "phrase and seed null, privateKey set", $"{{\n  \"secretPhrase\": null,\n  \"secretSeed\": null,\n  \"privateKey\": \"{KeyfileDataTests.DevPrivateKey}\"\n}}" },
    };

    [Theory, MemberData(nameof(NullVariants))]
    public void Null_fields_are_skipped_in_the_load_precedence(string _, string json)
    {
        using var keypair = KeyfileData.Parse(Encoding.UTF8.GetBytes(json)).ToKeypair();
        Assert.Equal(DevPublic, Convert.ToHexStringLower(keypair.PublicKey));
    }

    /// <summary>Each row's fields disagree on purpose: only the field with precedence may decide the key.</summary>
    public static TheoryData<string, KeyfileData, string> Precedence => new()
    {
        { "phrase beats seed and privateKey", new KeyfileData { SecretPhrase = KeyfileDataTests.DevPhrase, SecretSeed = AliceMini, PrivateKey = BobPrivate }, DevPublic },
        { "32-byte seed beats privateKey", new KeyfileData { SecretSeed = AliceMini, PrivateKey = BobPrivate }, AlicePublic },
        { "64-byte seed is a raw secret", new KeyfileData { SecretSeed = AlicePrivate, PrivateKey = BobPrivate }, AlicePublic },
        { "privateKey alone (canonical form)", new KeyfileData { PrivateKey = BobPrivate, Ss58Address = AliceAddress }, BobPublic },
        { "btwallet test_keyfile privateKey", new KeyfileData { PrivateKey = BtwalletPrivate }, BtwalletPublic },
        { "seed without 0x", new KeyfileData { SecretSeed = AliceMini[2..] }, AlicePublic },
    };

    [Theory, MemberData(nameof(Precedence))]
    public void Load_precedence_is_phrase_then_seed_then_private_key(string _, KeyfileData data, string expectedPublic)
    {
        using var keypair = data.ToKeypair();
        Assert.Equal(expectedPublic, Convert.ToHexStringLower(keypair.PublicKey));
    }

    [Fact]
    public void Address_only_data_is_public_only()
    {
        var data = new KeyfileData { Ss58Address = AliceAddress };
        Assert.False(data.HasSecret);
        Assert.Equal(AlicePublic, Convert.ToHexStringLower(data.GetPublicKey()));
        Assert.Equal(AliceAddress, data.GetAddress());
        var error = Assert.Throws<KeyfileFormatException>(() => data.ToKeypair("/w/coldkeypub.txt"));
        Assert.Contains("public data only", error.Message);
    }

    [Fact]
    public void Public_key_without_address_gives_the_address()
    {
        var data = new KeyfileData { PublicKey = "0x" + AlicePublic };
        Assert.Equal(AliceAddress, data.GetAddress());
    }

    public static TheoryData<string, KeyfileData> Unusable => new()
    {
        { "bad mnemonic word", new KeyfileData { SecretPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit wall" } },
        { "seed not hex", new KeyfileData { SecretSeed = "0xzz" } },
        { "seed 31 bytes", new KeyfileData { SecretSeed = AliceMini[..^2] } },
        { "privateKey 32 bytes", new KeyfileData { PrivateKey = AliceMini } },
        // The ed25519 (×8) form of the dev key (spec §3.3): its scalar is not canonical, so it must be rejected.
        { "privateKey in ed25519 form", new KeyfileData { PrivateKey = "0x28b0ae221c6bb06856b287f60d7ea0d98552ea5a16db16956849aa371db3eb51fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34" } },
        { "bad address", new KeyfileData { Ss58Address = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ" } },
        { "short public key", new KeyfileData { PublicKey = "0x" + AlicePublic[..62] } },
    };

    [Theory, MemberData(nameof(Unusable))]
    public void Unusable_key_material_is_a_typed_format_error(string _, KeyfileData data) =>
        Assert.Throws<KeyfileFormatException>(() =>
        {
            if (data.HasSecret) data.ToKeypair("/w/coldkey").Dispose();
            else data.GetPublicKey("/w/coldkey");
        });

    [Fact]
    public void From_keypair_writes_the_spec_example_byte_for_byte()
    {
        using var mini = Mnemonic.ToMiniSecret(KeyfileDataTests.DevPhrase);
        using var keypair = Sr25519Keypair.FromMiniSecret(mini.Span);
        var data = KeyfileData.FromKeypair(keypair, KeyfileDataTests.DevPhrase, mini.Span);
        Assert.Equal(KeyfileDataTests.SpecExample, Encoding.UTF8.GetString(data.ToJsonBytes()));
    }

    [Fact]
    public void From_public_key_rejects_wrong_lengths() =>
        Assert.Throws<WalletInputException>(() => KeyfileData.FromPublicKey(new byte[31]));
}
