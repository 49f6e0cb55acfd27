namespace Neuron3D.Cli.Tests.Wallets;

/// <summary>Tests that change process-wide BT_WALLET_* variables run alone.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

[Collection(nameof(ProcessEnvironment))]
public class WalletEnvironmentTests : IDisposable
{
    private readonly TempWallets _wallets = new();

    public void Dispose() => _wallets.Dispose();

    [Fact]
    public void Bt_wallet_variables_are_the_defaults_of_the_wallet_flags()
    {
        string[] names = ["BT_WALLET_PATH", "BT_WALLET_NAME", "BT_WALLET_HOTKEY"];
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("BT_WALLET_PATH", _wallets.Root);
            Environment.SetEnvironmentVariable("BT_WALLET_NAME", "fromenv");
            Environment.SetEnvironmentVariable("BT_WALLET_HOTKEY", "hotenv");
            CliRun.Expect(0, "wallet", "create", "--no-password", "--no-prompt");
            Assert.True(File.Exists(_wallets.File("fromenv", "coldkey")));
            Assert.True(File.Exists(_wallets.File("fromenv", "hotkeys", "hotenv")));
            Assert.True(File.Exists(_wallets.File("fromenv", "hotkeys", "hotenvpub.txt")));

            // Flags win over the variables.
            CliRun.Expect(0, "wallet", "new-hotkey", "--wallet.hotkey", "flag", "--no-prompt");
            Assert.True(File.Exists(_wallets.File("fromenv", "hotkeys", "flag")));
            Assert.Contains("fromenv", CliRun.Expect(0, "wallet", "list").Out);
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }
}
