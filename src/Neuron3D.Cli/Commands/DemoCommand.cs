using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Localnet;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Subnet17.Demo;
using Neuron3D.Subnet17.Hosting;

namespace Neuron3D.Cli.Commands;

/// <summary>
/// <c>neuron3d demo</c>: the whole Subnet 17 life cycle on the local real chain in one command (<see cref="LocalSubnetDemo"/>),
/// with a live view on stderr and a summary read back from chain on stdout.
/// </summary>
public static class DemoCommand
{
    /// <summary>The chain could not be started or reached, or it cannot host the demo.</summary>
    public const int ChainExitCode = 11;

    /// <summary>The demo ran, but the chain does not show the full-quality miner out-earning the weaker ones.</summary>
    public const int VerdictExitCode = 12;

    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The <c>demo</c> command.</summary>
    public static Command Create() => Create(DemoHost.Default);

    /// <summary>The command with <paramref name="host"/>'s seams (tests add a stop signal and learn the chain's port).</summary>
    internal static Command Create(DemoHost host)
    {
        var command = new Command("demo", """
            The whole local subnet in one command: starts the local real chain (../shared/localchain: the subtensor
            runtime under chopsticks) unless --subtensor.chain_endpoint is given, creates fresh wallets (owner, one
            validator, three miners) in the demo folder, funds them from //Alice, creates a subnet with a short tempo
            and commit-reveal off, registers and stakes, serves the validator's axon on 127.0.0.2, and runs the
            validator and three miners in this process: miner-full (built-in generator), miner-weak (a splat budget
            below the validator's gate, no self-check) and miner-skip (declines every task). The validator scores
            their results and sets weights; blocks are built so epochs run; each epoch's incentive and emission are
            read from chain. It ends with a summary table read from chain and PNG previews in <folder>/previews.
            Ctrl+C stops cleanly, and always stops the chain the demo started.

            Exit codes: 0 done (the chain shows the full-quality miner earning more); 12 done, but it does not;
            11 the chain could not be started, reached or used; 2 a bad option; 7 interrupted before the summary;
            10 anything unexpected.

            Examples:
              neuron3d demo
              neuron3d demo --epochs 5 --keep-running
              neuron3d demo --json > summary.json
            """);
        var endpoint = new Option<string>("--subtensor.chain_endpoint")
        {
            Description = "Use this running development chain (ws://…; //Alice must be sudo) instead of starting one.",
            HelpName = "url",
        };
        var port = new Option<int>("--localchain.port")
        {
            Description = "Port of the local chain the demo starts (0: a free port).",
            HelpName = "port",
        };
        var folder = new Option<string>("--demo.folder")
        {
            Description = "Folder for wallets, state and previews; must be empty. Default: artifacts/demo/run-<UTC time> in the repository, else ~/.neuron3d/demo/run-<UTC time>.",
            HelpName = "folder",
        };
        var tempo = new Option<int>("--tempo") { Description = "Subnet tempo in blocks.", DefaultValueFactory = _ => 3, HelpName = "blocks" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs after the first weights.", DefaultValueFactory = _ => 3, HelpName = "n" };
        var interval = new Option<double>("--epoch.interval")
        {
            Description = "Seconds the miners work between epochs.",
            DefaultValueFactory = _ => 10,
            HelpName = "seconds",
        };
        var cooldown = new Option<double>("--task.cooldown")
        {
            Description = "The validator's cooldown after each task, seconds (SN17 uses 300).",
            DefaultValueFactory = _ => 8,
            HelpName = "seconds",
        };
        var firstResult = new Option<double>("--first_result.timeout")
        {
            Description = "Seconds to wait for miner-full's first accepted result before the first weights.",
            DefaultValueFactory = _ => 180,
            HelpName = "seconds",
        };
        var axonPort = new Option<int>("--axon.port") { Description = "The validator's axon port (0: a free port).", HelpName = "port" };
        var keepRunning = new Option<bool>("--keep-running") { Description = "Go on with epochs after the summary's epochs until Ctrl+C; the summary comes then." };
        foreach (var option in new Option[] { endpoint, port, folder, tempo, epochs, interval, cooldown, firstResult, axonPort, keepRunning })
            command.Options.Add(option);

        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var endpointText = pr.GetValue(endpoint);
            Uri? chain = null;
            if (endpointText is { Length: > 0 } && (!Uri.TryCreate(endpointText, UriKind.Absolute, out chain) || chain.Scheme is not ("ws" or "wss")))
                throw new CliUsageException($"--subtensor.chain_endpoint '{endpointText}' is not a ws:// or wss:// address");
            if (pr.GetValue(port) is < 0 or > 65535) throw new CliUsageException($"--localchain.port {pr.GetValue(port)} is not a TCP port (0–65535)");
            if (pr.GetValue(tempo) is < 1 or > ushort.MaxValue) throw new CliUsageException($"--tempo {pr.GetValue(tempo)} must be 1–360 blocks");
            var options = new LocalSubnetDemoOptions
            {
                Folder = Path.GetFullPath(pr.GetValue(folder) is { Length: > 0 } f ? f : DefaultFolder()),
                Tempo = (ushort)pr.GetValue(tempo),
                Epochs = pr.GetValue(epochs),
                EpochInterval = Seconds(pr.GetValue(interval), "--epoch.interval", allowZero: true),
                TaskCooldown = Seconds(pr.GetValue(cooldown), "--task.cooldown"),
                FirstResultTimeout = Seconds(pr.GetValue(firstResult), "--first_result.timeout"),
                AxonPort = pr.GetValue(axonPort),
                KeepRunning = pr.GetValue(keepRunning),
            };
            try
            {
                options.Validate();
            }
            catch (DemoOptionsException e)
            {
                throw new CliUsageException(e.Message);
            }
            return Run(context, host, options, chain, pr.GetValue(port));
        });
        return command;
    }

    /// <summary>A new run folder where the local chain's work copy lives too: artifacts/demo in the repository (git-ignored), else ~/.neuron3d/demo.</summary>
    private static string DefaultFolder()
    {
        var run = "run-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return LocalChainPaths.FindRepositoryRoot() is { } root
            ? Path.Combine(root, "artifacts", "demo", run)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".neuron3d", "demo", run);
    }

    private static TimeSpan Seconds(double value, string option, bool allowZero = false) =>
        (value > 0 || (allowZero && value == 0)) && value <= 86_400
            ? TimeSpan.FromSeconds(value)
            : throw new CliUsageException($"{option} must be {(allowZero ? "0 or more" : "a positive number of")} seconds (at most a day)");

    private static int Run(CliContext context, DemoHost host, LocalSubnetDemoOptions options, Uri? endpoint, int port)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(host.Stop);
        using var loggers = MinerLogging.Create(LogLevel.Information, json: false);
        using var signals = new StopSignals(stop, loggers.CreateLogger("Neuron3D.Demo"), "(the neurons, then the chain the demo started)");
        var view = new LiveView(context.Error);
        try
        {
            return RunAsync(context, host, options, endpoint, port, view, context.Debug ? loggers : null, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            context.Error.WriteLine("stopped before the summary (Ctrl+C)");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is DemoChainException or LocalChainException or RpcConnectionException or SubtensorStateException)
        {
            context.Error.WriteLine($"error: {e.Message}");
            if (context.Debug) context.Error.WriteLine(e.ToString());
            return ChainExitCode;
        }
    }

    private static async Task<int> RunAsync(CliContext context, DemoHost host, LocalSubnetDemoOptions options, Uri? endpoint, int port,
        LiveView view, ILoggerFactory? loggers, CancellationToken stop)
    {
        LocalChain? launched = null;
        try
        {
            if (endpoint is null)
            {
                // Instant blocks: every extrinsic of the setup is in a block at once; epochs are built on request.
                launched = new LocalChain(new LocalChainOptions { Port = port == 0 ? LocalChain.FindFreePort() : port, BlockMode = BlockBuildMode.Instant });
                view.Line($"starting the local chain on port {launched.Port} (the first use installs it: about 1.5 min)");
                await launched.StartAsync(new LineProgress(view.Line), stop).ConfigureAwait(false);
                host.ChainStarted?.Invoke(launched.Endpoint);
            }
            var demo = new LocalSubnetDemo(options, loggers);
            demo.Progress += view.Show;
            var summary = await demo.RunAsync(endpoint ?? launched!.Endpoint, stop).ConfigureAwait(false);
            if (context.Json) context.WriteJson(JsonSerializer.SerializeToNode(summary, SummaryJson)!);
            else WriteSummary(context.Out, summary);
            return summary.BetterMinerEarnsMore ? ExitCodes.Success : VerdictExitCode;
        }
        finally
        {
            if (launched is not null)
            {
                await launched.StopAsync(CancellationToken.None).ConfigureAwait(false);
                view.Line($"local chain on port {launched.Port} stopped");
            }
        }
    }

    /// <summary>The summary table: every neuron as the chain reports it, the validator's tally, previews, verdict.</summary>
    internal static void WriteSummary(TextWriter o, DemoSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"Summary — subnet {s.Netuid} on {s.Endpoint}, block {s.Block}, tempo {s.Tempo}, {s.Epochs} epochs, {s.Elapsed.TotalSeconds:F0} s"));
        o.WriteLine("  uid  role        incentive  dividends  emission α  earned α   stake α  permit  accepted  rejected  skipped");
        foreach (var n in s.Neurons)
            o.WriteLine(string.Create(inv,
                $"  {n.Uid,3}  {LocalSubnetDemo.Label(n.Role),-10}  {n.Incentive,9:F4}  {n.Dividends,9:F4}  {n.EmissionAlpha,10:F4}  {n.EarnedAlpha,8:F4}  {n.StakeAlpha,8:F3}  {(n.ValidatorPermit ? "yes" : "no"),6}  {n.Tally.Accepted,8}  {n.Tally.Rejected,8}  {n.Tally.Skipped,7}"));
        o.WriteLine($"previews: {Path.Combine(s.Folder, "previews")} ({s.Previews.Count} files)");
        o.WriteLine($"wallets and state: {s.Folder}");
        o.WriteLine((s.BetterMinerEarnsMore ? "OK: " : "NOT SHOWN: ") + s.Verdict);
    }

    /// <summary>Reports progress lines at once, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class LineProgress(Action<string> line) : IProgress<string>
    {
        public void Report(string value) => line(value);
    }

    /// <summary>The live terminal view: one line per event, epochs as small tables.</summary>
    private sealed class LiveView(TextWriter writer)
    {
        private readonly Lock _gate = new();

        public void Line(string text)
        {
            lock (_gate) writer.WriteLine(text);
        }

        public void Show(DemoEvent e)
        {
            var inv = CultureInfo.InvariantCulture;
            var at = string.Create(inv, $"[{e.Elapsed.TotalSeconds,6:F1}s]");
            var text = new StringBuilder();
            switch (e)
            {
                case DemoStepEvent step:
                    text.Append(inv, $"{at} {step.Message}");
                    break;
                case DemoSubmissionEvent sub:
                    text.Append(inv, $"{at} task   uid {sub.Uid} {LocalSubnetDemo.Label(sub.Role),-10} {sub.Verdict,-9} score {sub.Score:F2}{(sub.Notes is null ? "" : "  " + sub.Notes)}");
                    break;
                case DemoWeightsEvent w:
                    text.Append(inv, $"{at} weights set in block {w.Block}: ");
                    text.AppendJoin(", ", w.Uids.Zip(w.Values).Select(p => string.Create(inv, $"uid {p.First} = {p.Second / 65535.0:F3}")));
                    break;
                case DemoEpochEvent epoch:
                    text.Append(inv, $"{at} epoch {epoch.Epoch} ran in block {epoch.Block} (from chain):");
                    foreach (var n in epoch.Neurons)
                        text.Append(inv, $"\n           uid {n.Uid} {LocalSubnetDemo.Label(n.Role),-10} incentive {n.Incentive:F3}  dividends {n.Dividends:F3}  emission {n.EmissionAlpha,8:F4} α  earned {n.EarnedAlpha,8:F4} α");
                    break;
            }
            Line(text.ToString());
        }
    }
}

/// <summary>What <c>demo</c> takes from the outside world, replaceable in tests.</summary>
internal sealed record DemoHost
{
    public static DemoHost Default { get; } = new();

    /// <summary>Stops the demo like Ctrl+C does.</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>Learns the endpoint of the chain the demo started.</summary>
    public Action<Uri>? ChainStarted { get; init; }
}
