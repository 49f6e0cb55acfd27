using System.CommandLine;
using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// btcli's wallet selection flags, <c>--wallet.name</c>, <c>--wallet.hotkey</c>, <c>--wallet.path</c>, with the
/// same fallbacks (BT_WALLET_NAME / BT_WALLET_HOTKEY / BT_WALLET_PATH, then "default", "default",
/// "~/.bittensor/wallets/"). Create one instance per command and add it with <see cref="AddTo"/>.
/// </summary>
public sealed class BittensorOptions
{
    /// <summary><c>--wallet.name</c> (alias <c>--wallet-name</c>).</summary>
    public Option<string> Name { get; } = new("--wallet.name", "--wallet-name")
    {
        Description = $"Wallet name: the folder under --wallet.path. Default: ${WalletPaths.NameVariable}, else \"{WalletPaths.DefaultName}\".",
        HelpName = "name",
    };

    /// <summary><c>--wallet.hotkey</c> (alias <c>--wallet-hotkey</c>).</summary>
    public Option<string> Hotkey { get; } = new("--wallet.hotkey", "--wallet-hotkey")
    {
        Description = $"Hotkey name: the file under <wallet>/hotkeys/. Default: ${WalletPaths.HotkeyVariable}, else \"{WalletPaths.DefaultHotkey}\".",
        HelpName = "hotkey",
    };

    /// <summary><c>--wallet.path</c> (alias <c>--wallet-path</c>).</summary>
    public Option<string> Path { get; } = new("--wallet.path", "--wallet-path")
    {
        Description = $"Folder holding the wallets. Default: ${WalletPaths.PathVariable}, else {WalletPaths.DefaultPath}.",
        HelpName = "folder",
    };

    /// <summary>
    /// Adds all three options, also to commands that use only some of them, so that one set of flags (or a
    /// script's common prefix) works with every command, as with btcli.
    /// </summary>
    public BittensorOptions AddTo(Command command)
    {
        command.Options.Add(Name);
        command.Options.Add(Hotkey);
        command.Options.Add(Path);
        return this;
    }

    /// <summary>The wallet the command line selects (explicit flags, then environment variables, then defaults).</summary>
    public Wallet Resolve(ParseResult parseResult) =>
        new(parseResult.GetValue(Name), parseResult.GetValue(Hotkey), parseResult.GetValue(Path));

    /// <summary>The wallets root the command line selects.</summary>
    public string ResolveRoot(ParseResult parseResult) =>
        WalletPaths.ExpandHome(parseResult.GetValue(Path) ?? WalletPaths.DefaultRoot());
}
