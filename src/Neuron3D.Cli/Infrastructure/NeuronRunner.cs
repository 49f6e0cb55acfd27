using Microsoft.Extensions.Logging;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Subnet17.Hosting;
using Neuron3D.Subnet17.Miner;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>A neuron cannot start: the chain is unreachable, or the hotkey is not registered. Exit code <see cref="NeuronRunner.CannotStartExitCode"/>.</summary>
public sealed class NeuronStartupException(string message) : Exception(message);

/// <summary>How a long-running neuron command (<c>miner run</c>, <c>validator run</c>) starts and stops.</summary>
/// <param name="Wallet">Whose hotkey signs.</param>
/// <param name="Category">Log category, e.g. "Neuron3D.Miner".</param>
/// <param name="OnStop">Logged when Ctrl+C/SIGTERM arrives, e.g. "(no new pulls; running tasks may finish)".</param>
/// <param name="Trace">--logging.trace.</param>
/// <param name="JsonLogs">--logging.json.</param>
/// <param name="Loggers">A test's logger factory instead of the console.</param>
/// <param name="Stop">An extra stop signal (tests), like Ctrl+C.</param>
public sealed record NeuronRun(Wallet Wallet, string Category, string OnStop, bool Trace, bool JsonLogs, Func<ILoggerFactory>? Loggers, CancellationToken Stop);

/// <summary>
/// The shared frame of neuron commands: load the hotkey (password from BT_PW_ or a prompt), set up console logs on
/// stderr, turn Ctrl+C/SIGINT/SIGTERM into a graceful stop, run the body, and report start-up failures as one
/// <c>error:</c> line with exit code <see cref="CannotStartExitCode"/>.
/// </summary>
public static class NeuronRunner
{
    /// <summary>The neuron could not start: the chain is unreachable or the hotkey is not registered on the subnet.</summary>
    public const int CannotStartExitCode = 11;

    /// <summary>Runs <paramref name="body"/> (hotkey, loggers, log, stop token) inside the frame; returns its exit code.</summary>
    public static int Run(CliContext context, NeuronRun run, Func<Sr25519Keypair, ILoggerFactory, ILogger, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        var password = Passwords.ForExistingKeyfile(context, run.Wallet.HotkeyFile, "hotkey");
        using var hotkey = run.Wallet.GetHotkey(password);

        var level = run.Trace ? LogLevel.Trace : context.Debug ? LogLevel.Debug : LogLevel.Information;
        using var loggers = run.Loggers?.Invoke() ?? MinerLogging.Create(level, run.JsonLogs);
        var log = loggers.CreateLogger(run.Category);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(run.Stop);
        using var signals = new StopSignals(stop, log, run.OnStop);
        try
        {
            return body(hotkey, loggers, log, stop.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NeuronStartupException or MinerStartupException)
        {
            context.Error.WriteLine($"error: {e.Message}");
            if (context.Debug) context.Error.WriteLine(e.ToString());
            return CannotStartExitCode;
        }
    }

    /// <summary>
    /// Connects to the chain within <paramref name="timeout"/>; any failure (other than a stop) becomes a
    /// <see cref="NeuronStartupException"/> that names the endpoint and the flags to check.
    /// </summary>
    public static async Task<T> ConnectAsync<T>(Uri endpoint, TimeSpan timeout, Func<CancellationToken, Task<T>> connect, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(connect);
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        connectTimeout.CancelAfter(timeout);
        try
        {
            return await connect(connectTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (NeuronStartupException or MinerStartupException) && !stop.IsCancellationRequested)
        {
            throw new NeuronStartupException($"cannot reach the chain at {endpoint}: {e.Message} " +
                                             "(check --subtensor.network / --subtensor.chain_endpoint)");
        }
    }
}
