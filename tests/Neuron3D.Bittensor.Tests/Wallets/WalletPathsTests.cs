using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Bittensor.Tests.Wallets;

public class WalletPathsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Defaults_are_btcli_defaults_without_variables()
    {
        Assert.Equal("~/.bittensor/wallets/", WalletPaths.DefaultRoot(NoEnvironment));
        Assert.Equal("default", WalletPaths.DefaultWalletName(NoEnvironment));
        Assert.Equal("default", WalletPaths.DefaultHotkeyName(NoEnvironment));
    }

    [Fact]
    public void Bt_wallet_variables_override_the_defaults()
    {
        var env = new Dictionary<string, string>
        {
            ["BT_WALLET_PATH"] = "/srv/wallets",
            ["BT_WALLET_NAME"] = "miner",
            ["BT_WALLET_HOTKEY"] = "hk7",
        };
        Assert.Equal("/srv/wallets", WalletPaths.DefaultRoot(env.GetValueOrDefault));
        Assert.Equal("miner", WalletPaths.DefaultWalletName(env.GetValueOrDefault));
        Assert.Equal("hk7", WalletPaths.DefaultHotkeyName(env.GetValueOrDefault));
    }

    [Fact]
    public void Empty_variables_count_as_unset()
    {
        var env = new Dictionary<string, string> { ["BT_WALLET_NAME"] = "" };
        Assert.Equal("default", WalletPaths.DefaultWalletName(env.GetValueOrDefault));
    }

    [Theory]
    [InlineData("/abs/path", "/abs/path")]
    [InlineData("rel/path", "rel/path")]
    [InlineData("a~/b", "a~/b")]
    [InlineData("~user/x", "~user/x")]
    public void Only_a_leading_tilde_is_expanded(string input, string expected) =>
        Assert.Equal(expected, WalletPaths.ExpandHome(input));

    [Fact]
    public void Tilde_alone_and_tilde_slash_expand_to_home()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(home, WalletPaths.ExpandHome("~"));
        Assert.Equal(home + "/.bittensor/wallets/", WalletPaths.ExpandHome("~/.bittensor/wallets/"));
    }
}
