using System.Text;
using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Bittensor.Tests.Wallets;

public class KeyfileDataTests
{
    internal const string DevPublicKey = "0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a";
    internal const string DevPrivateKey = "0x05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0afd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34";
    internal const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    internal const string DevSeed = "0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e";
    internal const string DevAddress = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";

    /// <summary>The spec §2.2 example file, verbatim.</summary>
    internal const string SpecExample =
        "{\"accountId\":\"0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a\",\"publicKey\":\"0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a\",\"privateKey\":\"0x05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0afd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34\",\"secretPhrase\":\"bottom drive obey lake curtain smoke basket hold race lonely fit walk\",\"secretSeed\":\"0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e\",\"ss58Address\":\"5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV\"}";

    /// <summary>The example as btwallet's serde hash map may order it.</summary>
    internal const string HashMapOrder =
        $"{{\"ss58Address\":\"{DevAddress}\",\"secretSeed\":\"{DevSeed}\",\"publicKey\":\"{DevPublicKey}\",\"secretPhrase\":\"{DevPhrase}\",\"privateKey\":\"{DevPrivateKey}\",\"accountId\":\"{DevPublicKey}\"}}";

    /// <summary>The same data as btwallet (hash-map order), the pre-2024 Python SDK (json.dumps spacing, nulls) and a pretty-printer write it.</summary>
    public static TheoryData<string, string> SpecExampleVariants => new()
    {
        { "spec verbatim", SpecExample },
        { "hash-map order", HashMapOrder },
        { "python json.dumps", $"{{\"accountId\": \"{DevPublicKey}\", \"publicKey\": \"{DevPublicKey}\", \"privateKey\": \"{DevPrivateKey}\", \"secretPhrase\": \"{DevPhrase}\", \"secretSeed\": \"{DevSeed}\", \"ss58Address\": \"{DevAddress}\"}}" },
        { "pretty, CRLF, trailing newline", $"{{\r\n  \"secretPhrase\" : \"{DevPhrase}\",\r\n\t\"ss58Address\":\"{DevAddress}\" ,\r\n  \"accountId\": \"{DevPublicKey}\",\"publicKey\":\"{DevPublicKey}\",\r\n \"privateKey\":\"{DevPrivateKey}\", \"secretSeed\":\"{DevSeed}\"\r\n}}\n" },
        { "unknown field ignored", $"{{\"secretPhrase\":\"{DevPhrase}\",\"ss58Address\":\"{DevAddress}\",\"accountId\":\"{DevPublicKey}\",\"publicKey\":\"{DevPublicKey}\",\"privateKey\":\"{DevPrivateKey}\",\"secretSeed\":\"{DevSeed}\",\"comment\":\"x\"}}" },
    };

    [Theory, MemberData(nameof(SpecExampleVariants))]
    public void Spec_example_parses_in_any_order_and_spacing(string _, string json)
    {
        var data = KeyfileData.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Equal(DevPublicKey, data.AccountId);
        Assert.Equal(DevPublicKey, data.PublicKey);
        Assert.Equal(DevPrivateKey, data.PrivateKey);
        Assert.Equal(DevPhrase, data.SecretPhrase);
        Assert.Equal(DevSeed, data.SecretSeed);
        Assert.Equal(DevAddress, data.Ss58Address);
        Assert.True(data.HasSecret);
    }

    [Fact]
    public void Nulls_are_absent_fields()
    {
        var json = $"{{\"accountId\": \"{DevPublicKey}\", \"publicKey\": \"{DevPublicKey}\", \"privateKey\": null, \"secretPhrase\": null, \"secretSeed\": null, \"ss58Address\": \"{DevAddress}\"}}";
        var data = KeyfileData.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Null(data.PrivateKey);
        Assert.Null(data.SecretPhrase);
        Assert.Null(data.SecretSeed);
        Assert.False(data.HasSecret);
        Assert.Equal(DevAddress, data.Ss58Address);
    }

    [Fact]
    public void Written_json_is_compact_in_the_old_sdk_key_order_and_reads_back()
    {
        var data = KeyfileData.Parse(Encoding.UTF8.GetBytes(HashMapOrder));
        Assert.Equal(SpecExample, Encoding.UTF8.GetString(data.ToJsonBytes()));
    }

    [Fact]
    public void Public_data_keeps_only_account_public_key_and_address()
    {
        var pub = KeyfileData.Parse(Encoding.UTF8.GetBytes(SpecExample)).ToPublicData();
        Assert.Equal(
            $"{{\"accountId\":\"{DevPublicKey}\",\"publicKey\":\"{DevPublicKey}\",\"ss58Address\":\"{DevAddress}\"}}",
            Encoding.UTF8.GetString(pub.ToJsonBytes()));
    }

    [Fact]
    public void ToString_never_shows_secrets()
    {
        var text = KeyfileData.Parse(Encoding.UTF8.GetBytes(SpecExample)).ToString();
        Assert.Contains(DevAddress, text);
        Assert.DoesNotContain("bottom", text);
        Assert.DoesNotContain(DevSeed[2..10], text);
        Assert.DoesNotContain(DevPrivateKey[2..10], text);
    }

    public static TheoryData<string> Malformed => new()
    {
        "",
        "   ",
        "not json",
        "[\"accountId\"]",
        "\"5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV\"",
        "{\"ss58Address\":\"5Dfh\"",
        "{\"ss58Address\":42}",
        "{\"ss58Address\":[\"5Dfh\"]}",
        "{\"secretPhrase\":{\"words\":12}}",
        "{\"ss58Address\":\"5Dfh\",\"ss58Address\":\"5Grw\"}",
        "{\"ss58Address\":\"5Dfh\"} trailing",
        "{\"ss58Address\":\"5Dfh\",}",
        "{}",
        "{\"accountId\":null,\"ss58Address\":null}",
        "{\"ss58Address\":\"5Dfh\" /* comment */}",
    };

    [Theory, MemberData(nameof(Malformed))]
    public void Malformed_json_is_a_typed_error_naming_the_file(string json)
    {
        var error = Assert.Throws<KeyfileFormatException>(() => KeyfileData.Parse(Encoding.UTF8.GetBytes(json), "/w/x/coldkey"));
        Assert.Equal("/w/x/coldkey", error.KeyfilePath);
        Assert.Contains("/w/x/coldkey", error.Message);
    }

    [Fact]
    public void Invalid_utf8_is_a_typed_error() =>
        Assert.Throws<KeyfileFormatException>(() => KeyfileData.Parse([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']));
}
