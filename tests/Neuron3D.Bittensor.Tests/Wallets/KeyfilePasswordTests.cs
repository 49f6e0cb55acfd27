using CsCheck;
using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Bittensor.Tests.Wallets;

public class KeyfilePasswordTests
{
    [Theory]
    [InlineData("/home/alice/.bittensor/wallets/default/coldkey", "BT_PW__HOME_ALICE__BITTENSOR_WALLETS_DEFAULT_COLDKEY")]
    [InlineData("/tmp/w/my.wallet/hotkeys/hk1", "BT_PW__TMP_W_MY_WALLET_HOTKEYS_HK1")]
    public void Variable_name_mangles_the_keyfile_path_like_btwallet(string path, string expected)
    {
        Assert.Equal(expected, KeyfilePassword.EnvironmentVariableName(path.Replace('/', Path.DirectorySeparatorChar)));
    }

    [Theory]
    // Computed independently (Python): base64(bytes(p ^ name[i % len(name)])).
    [InlineData("ab", "BT_PW_X", "IzY=")]
    public void Value_is_base64_of_password_xor_variable_name(string password, string name, string expected)
    {
        Assert.Equal(expected, KeyfilePassword.EncodeForEnvironment(password, name));
        Assert.Equal(password, KeyfilePassword.DecodeFromEnvironment(expected, name));
    }

    [Fact]
    public void Encode_then_decode_returns_any_password() =>
        Gen.String.Select(Gen.String[Gen.Char['A', 'Z'], 1, 80]).Sample((password, name) =>
            KeyfilePassword.DecodeFromEnvironment(KeyfilePassword.EncodeForEnvironment(password, "BT_PW_" + name), "BT_PW_" + name) == password);

    [Fact]
    public void Not_base64_is_a_typed_error_naming_the_variable()
    {
        var error = Assert.Throws<KeyfileDecryptionException>(() => KeyfilePassword.DecodeFromEnvironment("%%%", "BT_PW_X"));
        Assert.Contains("BT_PW_X", error.Message);
    }

    [Fact]
    public void Value_that_does_not_decode_to_utf8_is_a_typed_error() =>
        // 0xFF ^ 'B' etc. gives bytes that are not UTF-8 once un-XORed.
        Assert.Throws<KeyfileDecryptionException>(() => KeyfilePassword.DecodeFromEnvironment(Convert.ToBase64String([0xBD]), "BT_PW_X"));

    [Fact]
    public void From_environment_reads_the_variable_of_that_keyfile_only()
    {
        const string path = "/w/default/coldkey";
        var name = KeyfilePassword.EnvironmentVariableName(path);
        var env = new Dictionary<string, string> { [name] = KeyfilePassword.EncodeForEnvironment("s3cret pw", name) };
        Assert.Equal("s3cret pw", KeyfilePassword.FromEnvironment(path, env.GetValueOrDefault));
        Assert.Null(KeyfilePassword.FromEnvironment("/w/other/coldkey", env.GetValueOrDefault));
    }
}
