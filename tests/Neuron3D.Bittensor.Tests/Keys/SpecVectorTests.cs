using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Tests.Keys;

/// <summary>Every key vector of spec §3.7 and the keyfile example of §2.2 (bittensor.md), as data tables.</summary>
public class SpecVectorTests
{
    private const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    private const string BtwalletPhrase = "old leopard transfer rib spatial phone calm indicate online fire caution review";

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.StartsWith("0x") ? hex[2..] : hex);
    private static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>§3.7 table plus the btwallet URI vectors: URI → public key (null when the spec gives only the address) → SS58-42.</summary>
    public static TheoryData<string, string?, string> UriVectors => new()
    {
        { DevPhrase, "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a", "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV" },
        { "//Alice", "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" },
        { "//Bob", "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty" },
        { "//Charlie", "90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22", "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y" },
        { "//Alice//stash", "be5ddb1579b72e84524fc29e78609e3caf42e85aa118ebfe0b0ad404b5bdd25f", "5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY" },
        { "//Alice/stash", "42693199aba1dec4d835602e19d16d173df9b3b7b65359fd7accdf874749bf61", "5DZnGRAr28KP4GvbuxW2cBNo9Aodcm4QKUMj3Zqj67YjYStr" },
        { DevPhrase + "//Alice", "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" },
        { BtwalletPhrase, "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446", "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX" },
        { BtwalletPhrase + "//Alice", null, "5FEiH8iuDUw271xbqWTWuB6WrDjv5dnCeDX1CyHubAniXDNN" },
        { BtwalletPhrase + "/Alice", null, "5GNXbA46ma5dg19GXdiKi5JH3mnkZ8Yea3bBtZAvj7t99P9i" },
        // btwallet/substrate-interface derive these two from the dev phrase (the spec's "same mnemonic" wording is loose)
        { "//Bob/test", null, "5CJGwWiKXSE16WJaxBdPZhWqUYkotgenLUALv7ZvqQ4TXeqf" },
        { "/Bob//test", null, "5Cwc8tShrshDJUp1P1M21dKUTcYQpV9GcfSa4hUBNmMdV3Cx" },
        { "//PathNameLongerThan32BytesWhichShouldBeHashed", null, "5GR5pfZeNs1uQiSWVxZaQiZou3wdZiX894eqgvfNfHbEh7W2" },
        // the same upstream suite: numeric junctions and a 32-character name (33 SCALE bytes, so hashed)
        { "//polkadot//0", null, "5Fc3qszVcAXHAmjjm61KcxqvV1kh91jpydE476NjjnJneNdP" },
        { "//1//5000", null, "5Dr9GrefZzxfeHovyiKUXKYGKRRiTbPhfLo14iYcHKNccN9q" },
        { "//rococo-validator-profiled-node-0", null, "5Ea3JZpvsBN34jiQwVrLiMh5ypaHtPSyM2DWQvLmSRioEmyk" },
        { "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
            "66933bd1f37070ef87bd1198af3dacceb095237f803f3d32b173e6b425ed7972", "5EPCUjPxiHAcNooYipQFWr9NmmXJKpNG5RhcntXwbtUySrgH" },
        { "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a", "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" },
        { "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a//stash", "be5ddb1579b72e84524fc29e78609e3caf42e85aa118ebfe0b0ad404b5bdd25f", "5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY" },
    };

    [Theory]
    [MemberData(nameof(UriVectors))]
    public void Uri_gives_spec_public_key_and_address(string uri, string? publicKeyHex, string address)
    {
        using var pair = Sr25519Keypair.FromUri(uri);
        if (publicKeyHex is not null) Assert.Equal(publicKeyHex, ToHex(pair.PublicKey));
        Assert.Equal(address, pair.Ss58Address);
        Assert.Equal(address, Ss58.Encode(pair.PublicKey));
    }

    /// <summary>Mnemonic → entropy → mini secret → canonical privateKey (first half or whole) → public key.</summary>
    public static TheoryData<string, string, string, string, string> MnemonicVectors => new()
    {
        { DevPhrase, "1a486a5fbe53639984cb64b070755f7b", "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e",
            "05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0afd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34",
            "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a" },
        { BtwalletPhrase, "9a100b9cdc7d09470823979aeae492dc", "da3cf5b1e9144931a0f0db65664aab662673b099415a7f8121b7245fb0be4143",
            "", "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446" },
        { "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "00000000000000000000000000000000",
            "4ed8d4b17698ddeaa1f1559f152f87b5d472f725ca86d341bd0276f1b61197e2", "", "66933bd1f37070ef87bd1198af3dacceb095237f803f3d32b173e6b425ed7972" },
    };

    [Theory]
    [MemberData(nameof(MnemonicVectors))]
    public void Mnemonic_intermediate_values_match_spec(string phrase, string entropy, string miniSecret, string privateKey, string publicKey)
    {
        Assert.Equal(entropy, ToHex(Mnemonic.ToEntropy(phrase)));
        using var mini = Mnemonic.ToMiniSecret(phrase);
        Assert.Equal(miniSecret, ToHex(mini.Span));
        using var pair = Sr25519Keypair.FromMiniSecret(mini.Span);
        using var secret = pair.ExportSecretKey();
        if (privateKey.Length > 0) Assert.Equal(privateKey, ToHex(secret.Span));
        Assert.Equal(publicKey, ToHex(pair.PublicKey));
        Assert.Equal(phrase, Mnemonic.FromEntropy(Hex(entropy)));
    }

    /// <summary>//Alice and //Bob: hard derivation from the dev phrase gives the spec's mini secret and privateKey.</summary>
    public static TheoryData<string, string, string> DevAccountSecrets => new()
    {
        { "Alice", "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a",
            "33a6f3093f158a7109f679410bef1a0c54168145e0cecb4df006c1c2fffb1f09925a225d97aa00682d6a59b95b18780c10d7032336e88f3442b42361f4a66011" },
        { "Bob", "398f0c28f98885e046333d4a41c19cee4c37368a9832c6502f6cfd182e2aef89",
            "e1c39e72cca724caa697d64a58e10bd95ffa63d1922962f7e27f8a09dda1370b41ae88f85d0c1bfc37be41c904e1dfc01de8c8067b0d6d5df25dd1ac0894a325" },
    };

    [Theory]
    [MemberData(nameof(DevAccountSecrets))]
    public void Dev_account_mini_secret_and_private_key_match_spec(string name, string miniSecret, string privateKey)
    {
        using var fromMini = Sr25519Keypair.FromMiniSecret(Hex(miniSecret));
        using var fromUri = Sr25519Keypair.FromUri("//" + name);
        using var exported = fromUri.ExportSecretKey();
        Assert.Equal(privateKey, ToHex(exported.Span));
        Assert.Equal(fromMini.PublicKey, fromUri.PublicKey);
        using var fromPrivate = Sr25519Keypair.FromSecretKey(Hex(privateKey));
        Assert.Equal(fromUri.PublicKey, fromPrivate.PublicKey);
    }

    [Fact]
    public void Dev_phrase_ed25519_form_and_conversions_match_spec()
    {
        const string ed25519Form = "28b0ae221c6bb06856b287f60d7ea0d98552ea5a16db16956849aa371db3eb51fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34";
        const string canonical = "05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0afd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34";
        using var pair = Sr25519Keypair.FromUri(DevPhrase);
        using (var ed = pair.ExportEd25519SecretKey()) Assert.Equal(ed25519Form, ToHex(ed.Span));
        using var fromEd = Sr25519Keypair.FromEd25519SecretKey(Hex(ed25519Form));
        using (var c = fromEd.ExportSecretKey()) Assert.Equal(canonical, ToHex(c.Span));
        Assert.Equal(pair.PublicKey, fromEd.PublicKey);
    }

    [Fact]
    public void Btwallet_canonical_private_key_gives_its_public_key_and_ed25519_form()
    {
        using var pair = Sr25519Keypair.FromSecretKey(
            Hex("1f1995bdf3a17b60626a26cfe6f564b337d46056b7a1281b64c649d592ccda0a9cffd34d9fb01cae1fba61aeed184c817442a2186d5172416729a4b54dd4b84e"));
        Assert.Equal("e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446", ToHex(pair.PublicKey));
        using var ed = pair.ExportEd25519SecretKey();
        var edHex = ToHex(ed.Span[..32]);
        Assert.StartsWith("f8c8a8ec", edHex);
        Assert.EndsWith("d656", edHex);
    }

    /// <summary>§3.4 and btwallet: the same key under prefixes 42 and 0.</summary>
    public static TheoryData<string, ushort, string> Ss58Vectors => new()
    {
        { "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", 42, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" },
        { "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446", 42, "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX" },
        { "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446", 0, "16ADqpMa4yzfmWs3nuTSMhfZ2ckeGtvqhPWCNqECEGDcGgU2" },
        // substrate-interface test_hdkd_create_uri_correct_ss58format: //Alice under prefix 2 (Kusama)
        { "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", 2, "HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F" },
    };

    [Theory]
    [MemberData(nameof(Ss58Vectors))]
    public void Ss58_matches_spec(string publicKey, ushort prefix, string address)
    {
        Assert.Equal(address, Ss58.Encode(Hex(publicKey), prefix));
        Assert.Equal(publicKey, ToHex(Ss58.Decode(address, out var decodedPrefix)));
        Assert.Equal(prefix, decodedPrefix);
    }

    [Fact]
    public void Alice_ss58_checksum_is_1d21()
    {
        // Decoding the raw Base58 exposes the checksum bytes the spec names.
        Assert.True(Base58.TryDecode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", out var raw, out _));
        Assert.Equal("1d21", ToHex(raw.AsSpan(33)));
    }

    /// <summary>§3.5 chain codes.</summary>
    public static TheoryData<string, string> ChainCodes => new()
    {
        { "Alice", "14416c6963650000000000000000000000000000000000000000000000000000" },
        { "Bob", "0c426f6200000000000000000000000000000000000000000000000000000000" },
        { "PathNameLongerThan32BytesWhichShouldBeHashed", "93393b3f81a58cdf71cf9687a3637162acbdaeffc55bb601715678808d2bb935" },
        { "0", "0000000000000000000000000000000000000000000000000000000000000000" },
        { "258", "0201000000000000000000000000000000000000000000000000000000000000" },
        { "18446744073709551615", "ffffffffffffffff000000000000000000000000000000000000000000000000" },
        // one past u64::MAX is text, not a number: compact(20) = 0x50, then the digits
        { "18446744073709551616", "503138343436373434303733373039353531363136000000000000000000000000"[..64] },
        // sp-core parses with Rust's u64::from_str, which takes a leading '+' but not '-'
        { "+5", "0500000000000000000000000000000000000000000000000000000000000000" },
        { "-5", "082d350000000000000000000000000000000000000000000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(ChainCodes))]
    public void Junction_chain_codes_match_spec(string text, string chainCode)
    {
        Assert.Equal(chainCode, ToHex(DeriveJunction.FromText(text, isHard: true).ChainCode));
    }

    [Fact]
    public void Pbkdf2_with_passphrase_Substrate_matches_substrate_bip39()
    {
        using var seed = Mnemonic.ToSeed64("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "Substrate");
        Assert.Equal("44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e33f50c3d5c84fa3e5399c72d6cbbbbc4a49bf76f76d952f479d74655a2ef2d453",
            ToHex(seed.Span));
        using var mini = Mnemonic.ToMiniSecret("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "Substrate");
        Assert.Equal(ToHex(seed.Span[..32]), ToHex(mini.Span));
    }

    [Fact]
    public void Password_junction_is_the_bip39_passphrase()
    {
        using var mini = Mnemonic.ToMiniSecret(DevPhrase, "Substrate");
        using var expected = Sr25519Keypair.FromMiniSecret(mini.Span);
        using var fromUri = Sr25519Keypair.FromUri("///Substrate");
        Assert.Equal(expected.PublicKey, fromUri.PublicKey);
        using var withoutPassword = Sr25519Keypair.FromUri(DevPhrase);
        Assert.NotEqual(withoutPassword.PublicKey, fromUri.PublicKey);
    }

    /// <summary>§2.2 keyfile example: its privateKey, secretSeed, secretPhrase, publicKey and ss58Address agree.</summary>
    [Fact]
    public void Keyfile_example_fields_are_consistent()
    {
        const string json = """{"accountId":"0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a","publicKey":"0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a","privateKey":"0x05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0afd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34","secretPhrase":"bottom drive obey lake curtain smoke basket hold race lonely fit walk","secretSeed":"0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e","ss58Address":"5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV"}""";
        var file = System.Text.Json.JsonDocument.Parse(json).RootElement;
        string Field(string name) => file.GetProperty(name).GetString()!;

        using var fromPrivate = Sr25519Keypair.FromSecretKey(Hex(Field("privateKey")));
        using var fromSeed = Sr25519Keypair.FromMiniSecret(Hex(Field("secretSeed")));
        using var fromPhrase = Sr25519Keypair.FromUri(Field("secretPhrase"));
        using var mini = Mnemonic.ToMiniSecret(Field("secretPhrase"));
        Assert.Equal(Field("secretSeed"), "0x" + ToHex(mini.Span));
        foreach (var pair in new[] { fromPrivate, fromSeed, fromPhrase })
        {
            Assert.Equal(Field("publicKey"), "0x" + ToHex(pair.PublicKey));
            Assert.Equal(Field("accountId"), "0x" + ToHex(pair.PublicKey));
            Assert.Equal(Field("ss58Address"), pair.Ss58Address);
        }
        using var exported = fromSeed.ExportSecretKey();
        Assert.Equal(Field("privateKey"), "0x" + ToHex(exported.Span));
    }

    /// <summary>§1.9: a real signature made by the Python SDK (//Alice) over the worked-example message.</summary>
    [Fact]
    public void Python_signature_of_worked_example_verifies()
    {
        var message = "1750000000000000000.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty.5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a.4fae6364bdbf7a0def40e782ea7656d4bc96dd42a6eaf71d62b977d74e733ecf"u8.ToArray();
        var signature = Hex("0xe42461ebfc2eb1f1a2fe5dec8b5a97bd1dfe1aae76c03e1ca131b66e352170593de3eff2d38a138d484505a66b007025e83d27dd98df01fc53f6dcbec9ea4a87");
        var alice = Ss58.Decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        // The spec calls this "228 chars"; the fields it lists add up to 19 + 48 + 48 + 36 + 64 + 4 dots = 219.
        Assert.Equal(219, message.Length);
        Assert.True(Sr25519.Verify(alice, message, signature));
        var bob = Ss58.Decode("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
        Assert.False(Sr25519.Verify(bob, message, signature));
        message[0] ^= 1;
        Assert.False(Sr25519.Verify(alice, message, signature));
    }
}
