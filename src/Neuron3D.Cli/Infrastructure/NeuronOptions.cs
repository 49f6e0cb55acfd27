using System.CommandLine;
using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// The chain flags every neuron command shares, as the Bittensor SDK spells them: <c>--subtensor.network</c>,
/// <c>--subtensor.chain_endpoint</c> (with BT_SUBTENSOR_NETWORK / BT_SUBTENSOR_CHAIN_ENDPOINT) and <c>--netuid</c>.
/// </summary>
public sealed class NeuronChainOptions
{
    // The same --subtensor.network / --subtensor.chain_endpoint as the chain commands (one definition, one resolver).
    private readonly ChainOptions _chain = new();

    /// <summary><c>--netuid</c> (17 = 404-GEN on finney).</summary>
    public Option<int> Netuid { get; } = NeuronOptions.Netuid();

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public NeuronChainOptions AddTo(Command command)
    {
        command.Options.Add(_chain.Network);
        command.Options.Add(_chain.Endpoint);
        command.Options.Add(Netuid);
        return this;
    }

    /// <summary>The node to talk to: the explicit endpoint, else the named network.</summary>
    /// <exception cref="CliUsageException">Not a ws/wss address, or an unknown network name.</exception>
    public Uri ReadEndpoint(ParseResult pr) => _chain.ResolveEndpoint(pr);

    /// <summary>The subnet id, checked to fit a u16.</summary>
    /// <exception cref="CliUsageException">Outside 0–65535.</exception>
    public ushort ReadNetuid(ParseResult pr) => NeuronOptions.CheckNetuid(pr.GetValue(Netuid));
}

/// <summary>
/// Option factories and value checks shared by <c>miner</c> and <c>validator</c>, so that both spell, describe and
/// validate the SDK's flags the same way. Each factory returns a new option (an option belongs to one command).
/// </summary>
public static class NeuronOptions
{
    /// <summary><c>--netuid</c>, default 17.</summary>
    public static Option<int> Netuid() => new("--netuid")
    {
        Description = "Subnet id (17 = 404-GEN on finney).",
        DefaultValueFactory = _ => 17,
        HelpName = "uid",
    };

    /// <summary><c>--neuron.full_path</c>: the state folder; <paramref name="role"/> is "miners" or "validators".</summary>
    public static Option<string> FullPath(string role, string contents) => new("--neuron.full_path")
    {
        Description = $"State folder ({contents}). Default: ~/.bittensor/{role}/<wallet>/<hotkey>/netuid<N>/.",
        HelpName = "folder",
    };

    /// <summary><c>--neuron.sync_interval</c> in seconds.</summary>
    public static Option<double> SyncInterval(double defaultSeconds, string description) => new("--neuron.sync_interval")
    {
        Description = description,
        DefaultValueFactory = _ => defaultSeconds,
        HelpName = "seconds",
    };

    /// <summary><c>--metrics.port</c>: Prometheus text on loopback; off when absent.</summary>
    public static Option<int?> MetricsPort() => new("--metrics.port")
    {
        Description = "Serve Prometheus metrics at http://127.0.0.1:<port>/metrics (off by default).",
        HelpName = "port",
    };

    /// <summary><c>--axon.ip</c>: the address the axon listens on.</summary>
    public static Option<string> AxonIp(string description) => new("--axon.ip")
    {
        Description = description,
        DefaultValueFactory = _ => "0.0.0.0",
        HelpName = "ip",
    };

    /// <summary><c>--logging.trace</c>.</summary>
    public static Option<bool> Trace() => new("--logging.trace") { Description = "Log everything, including each synapse call." };

    /// <summary><c>--logging.json</c>.</summary>
    public static Option<bool> JsonLogs() => new("--logging.json") { Description = "Log JSON lines (one object per line) instead of text." };

    /// <summary>
    /// The state folder: explicit, or the SDK's layout <c>~/.bittensor/&lt;role&gt;/&lt;wallet&gt;/&lt;hotkey&gt;/netuid&lt;N&gt;</c>.
    /// </summary>
    public static string StateFolder(string role, string? fullPath, Wallet wallet, int netuid) => fullPath is { Length: > 0 }
        ? Path.GetFullPath(WalletPaths.ExpandHome(fullPath))
        : Path.Combine(WalletPaths.ExpandHome("~/.bittensor/" + role), wallet.Name, wallet.HotkeyName, $"netuid{netuid}");

    /// <summary>A subnet id as u16.</summary>
    public static ushort CheckNetuid(int netuid) =>
        netuid is >= 0 and <= ushort.MaxValue ? (ushort)netuid : throw new CliUsageException($"--netuid {netuid} is not a subnet id (0–65535)");

    /// <summary>A positive number of seconds as a TimeSpan.</summary>
    public static TimeSpan Seconds(double value, string option) =>
        value > 0 && value <= TimeSpan.MaxValue.TotalSeconds / 2
            ? TimeSpan.FromSeconds(value)
            : throw new CliUsageException($"{option} must be a positive number of seconds");

    /// <summary>An optional TCP port (0 = any free one).</summary>
    public static int? Port(int? port, string option) =>
        port is null or (>= 0 and <= 65535) ? port : throw new CliUsageException($"{option} {port} is not a TCP port (0–65535)");
}
