namespace Neuron3D.Bittensor.Wallets;

/// <summary>
/// Where wallets live and what they are called when nothing is said (spec §2.1), as btcli resolves it:
/// an explicit value wins, then <c>BT_WALLET_PATH</c> / <c>BT_WALLET_NAME</c> / <c>BT_WALLET_HOTKEY</c>, then
/// <c>~/.bittensor/wallets/</c>, <c>default</c>, <c>default</c>. A leading <c>~</c> is expanded to the home folder.
/// </summary>
public static class WalletPaths
{
    /// <summary>Variable that overrides the wallets root folder.</summary>
    public const string PathVariable = "BT_WALLET_PATH";
    /// <summary>Variable that overrides the default wallet name.</summary>
    public const string NameVariable = "BT_WALLET_NAME";
    /// <summary>Variable that overrides the default hotkey name.</summary>
    public const string HotkeyVariable = "BT_WALLET_HOTKEY";

    /// <summary>btcli's default wallets root.</summary>
    public const string DefaultPath = "~/.bittensor/wallets/";
    /// <summary>btcli's default wallet name.</summary>
    public const string DefaultName = "default";
    /// <summary>btcli's default hotkey name.</summary>
    public const string DefaultHotkey = "default";

    /// <summary>The wallets root when none is given: <c>BT_WALLET_PATH</c>, else <see cref="DefaultPath"/> (not yet expanded).</summary>
    public static string DefaultRoot(Func<string, string?>? environment = null) => FromEnvironment(PathVariable, DefaultPath, environment);

    /// <summary>The wallet name when none is given: <c>BT_WALLET_NAME</c>, else <see cref="DefaultName"/>.</summary>
    public static string DefaultWalletName(Func<string, string?>? environment = null) => FromEnvironment(NameVariable, DefaultName, environment);

    /// <summary>The hotkey name when none is given: <c>BT_WALLET_HOTKEY</c>, else <see cref="DefaultHotkey"/>.</summary>
    public static string DefaultHotkeyName(Func<string, string?>? environment = null) => FromEnvironment(HotkeyVariable, DefaultHotkey, environment);

    /// <summary>Expands a leading <c>~</c> (alone or followed by a separator) to the user's home folder.</summary>
    public static string ExpandHome(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~") return Home();
        if (path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return Home() + path[1..];
        return path;
    }

    private static string Home() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home
        ? home
        : throw new InvalidOperationException("The home folder is unknown, so a path starting with ~ cannot be expanded; give an absolute path.");

    private static string FromEnvironment(string variable, string fallback, Func<string, string?>? environment) =>
        (environment ?? Environment.GetEnvironmentVariable)(variable) is { Length: > 0 } value ? value : fallback;
}
