using System.Text.Json.Nodes;

namespace Neuron3D.Cli.Tests.Wallets;

public class WalletListTests : IDisposable
{
    private readonly TempWallets _wallets = new();

    public void Dispose() => _wallets.Dispose();

    [Fact]
    public void List_shows_a_tree_of_wallets_with_addresses_as_text_and_json()
    {
        CliRun.Expect(0, ["wallet", "regen-coldkey", .. _wallets.Args("alpha"), "--uri", "//Alice", "--no-password", "--no-prompt"]);
        CliRun.Expect(0, ["wallet", "regen-hotkey", .. _wallets.Args("alpha", "h1"), "--seed", SpecKeys.BobMini, "--no-prompt"]);
        CliRun.Expect(0, ["wallet", "regen-hotkey", .. _wallets.Args("alpha", "h2"), "--mnemonic", SpecKeys.DevPhrase, "--no-prompt"]);
        CliRun.Expect(0, ["wallet", "regen-coldkeypub", .. _wallets.Args("beta"), "--ss58", SpecKeys.BtwalletAddress, "--no-prompt"]);

        var text = CliRun.Expect(0, "wallet", "list", "--wallet.path", _wallets.Root).Out;
        Assert.Equal(
            $"""
            Wallets ({_wallets.Root})
            ├── alpha  {SpecKeys.AliceAddress}
            │   ├── h1  {SpecKeys.BobAddress}
            │   └── h2  {SpecKeys.DevAddress}
            └── beta  {SpecKeys.BtwalletAddress}

            """.ReplaceLineEndings(Environment.NewLine), text);

        var json = CliRun.Expect(0, "wallet", "list", "--wallet.path", _wallets.Root, "--json").Json;
        Assert.Equal(_wallets.Root, json["path"]!.GetValue<string>());
        var wallets = json["wallets"]!.AsArray();
        Assert.Equal(["alpha", "beta"], wallets.Select(w => w!["name"]!.GetValue<string>()));
        Assert.Equal(SpecKeys.AliceAddress, wallets[0]!["coldkey"]!.GetValue<string>());
        Assert.Equal(
            [("h1", SpecKeys.BobAddress), ("h2", SpecKeys.DevAddress)],
            wallets[0]!["hotkeys"]!.AsArray().Select(h => (h!["name"]!.GetValue<string>(), h["ss58Address"]!.GetValue<string>())));
        Assert.Empty(wallets[1]!["hotkeys"]!.AsArray());
    }

    [Fact]
    public void Empty_root_lists_no_wallets()
    {
        Assert.Contains("(none", CliRun.Expect(0, "wallet", "list", "--wallet.path", _wallets.File("nothing")).Out);
        Assert.Empty(CliRun.Expect(0, "wallet", "list", "--wallet.path", _wallets.Root, "--json").Json["wallets"]!.AsArray());
    }
}
