using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Neuron3D.Bittensor.Chain.Rpc;
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
            Description = "Folder for wallets, state and previews; must be empty. Default: ./neuron3d-demo/run-<UTC time>.",
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
                Folder = Path.GetFullPath(pr.GetValue(folder) is { Length: > 0 } f ? f
                    : Path.Combine("neuron3d-demo", "run-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture))),
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

    private static TimeSpan Seconds(double value, string option, bool allowZero = false) =>
        (value > 0 || (allowZero && value == 0)) && value <= 86_400
            ? TimeSpan.FromSeconds(value)
            : throw new CliUsageException($"{option} must be {(allowZero ? "0 or more" : "a positive number of")} seconds (at most a day)");

    private static int Run(CliContext context, DemoHost host, LocalSubnetDemoOptions options, Uri? endpoint, int port)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(host.Stop);
        using var signals = new StopSignals(stop, context.Error);
        var view = new LiveView(context.Error);
        try
        {
            return RunAsync(context, host, options, endpoint, port, view, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            context.Error.WriteLine("stopped before the summary (Ctrl+C)");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is DemoChainException or LocalChainLaunchException or RpcConnectionException or SubtensorStateException)
        {
            context.Error.WriteLine($"error: {e.Message}");
            if (context.Debug) context.Error.WriteLine(e.ToString());
            return ChainExitCode;
        }
    }

    private static async Task<int> RunAsync(CliContext context, DemoHost host, LocalSubnetDemoOptions options, Uri? endpoint, int port,
        LiveView view, CancellationToken stop)
    {
        LocalChainLauncher? launched = null;
        try
        {
            if (endpoint is null)
            {
                launched = new LocalChainLauncher(port == 0 ? LocalChainLauncher.FreePort() : port);
                view.Line($"starting the local chain on port {launched.Port} (first use installs it: about 1.5 min)");
                await launched.StartAsync(stop).ConfigureAwait(false);
                host.ChainStarted?.Invoke(launched.Endpoint);
            }
            using var loggers = context.Debug ? MinerLogging.Create(LogLevel.Information, json: false) : null;
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
                await launched.StopAsync().ConfigureAwait(false);
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

    /// <summary>Ctrl+C, SIGINT and SIGTERM stop the demo gracefully (the chain it started is stopped too); a second one is left to the runtime.</summary>
    private sealed class StopSignals : IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly TextWriter _error;
        private readonly List<PosixSignalRegistration> _registrations = [];

        public StopSignals(CancellationTokenSource stop, TextWriter error)
        {
            _stop = stop;
            _error = error;
            Console.CancelKeyPress += OnCancelKeyPress;
            foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }

        private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            if (_stop.IsCancellationRequested) return;
            e.Cancel = true;
            Request("Ctrl+C");
        }

        private void OnSignal(PosixSignalContext context)
        {
            if (_stop.IsCancellationRequested) return;
            context.Cancel = true;
            Request(context.Signal.ToString());
        }

        private void Request(string why)
        {
            _error.WriteLine($"{why}: stopping the neurons and the chain; press Ctrl+C again to kill");
            _stop.Cancel();
        }

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
            foreach (var registration in _registrations) registration.Dispose();
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

/// <summary>The local chain could not be installed, started or stopped; the message carries the script's last lines.</summary>
internal sealed class LocalChainLaunchException(string message) : Exception(message);

/// <summary>
/// Starts ../shared/localchain on one port the way its README asks: a writable copy (artifacts/localchain in the
/// repository, else ~/.neuron3d/localchain; node_modules there is reused), <c>start.sh PORT memory</c>, the genesis
/// time pinned once (see LocalChainFixture), and <c>stop.sh PORT</c> — or a kill of the recorded pid — at the end.
/// </summary>
internal sealed class LocalChainLauncher(int port)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public int Port { get; } = port;

    public Uri Endpoint => new($"ws://127.0.0.1:{Port}");

    private string WorkDirectory { get; } = FindRepositoryRoot() is { } root
        ? Path.Combine(root, "artifacts", "localchain")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".neuron3d", "localchain");

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        CopySource();
        try
        {
            await RunScriptAsync("start.sh", [Port.ToString(CultureInfo.InvariantCulture), "memory"], StartTimeout, cancellationToken).ConfigureAwait(false);
            // At genesis chopsticks reads the wall clock twice per block; on a loaded machine the reads straddle a slot
            // and blocks panic. One dev_timeTravel to a slot-aligned time makes block building deterministic.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000 * 1000;
            using var body = new StringContent($$"""{"id":1,"jsonrpc":"2.0","method":"dev_timeTravel","params":[{{now}}]}""", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{Port}"), body, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || !text.Contains("\"result\"", StringComparison.Ordinal))
                throw new LocalChainLaunchException($"the local chain on port {Port} refused dev_timeTravel: {(int)response.StatusCode} {text}");
        }
        catch
        {
            await StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the chain (stop.sh, else a kill of the recorded pid); never throws.</summary>
    public async Task StopAsync()
    {
        var pidFile = Path.Combine(WorkDirectory, "run", $"chopsticks-{Port}.pid");
        if (!File.Exists(pidFile)) return;
        try
        {
            await RunScriptAsync("stop.sh", [Port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(false);
        }
        catch (LocalChainLaunchException)
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                try { System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true); }
                catch (ArgumentException) { } // already gone
            }
            File.Delete(pidFile);
        }
    }

    private void CopySource()
    {
        var source = FindSource();
        Directory.CreateDirectory(WorkDirectory);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var target = new FileInfo(Path.Combine(WorkDirectory, Path.GetFileName(file)));
            var info = new FileInfo(file);
            if (target.Exists && target.Length == info.Length && target.LastWriteTimeUtc >= info.LastWriteTimeUtc) continue;
            if (target.Exists) target.IsReadOnly = false;
            File.Copy(file, target.FullName, overwrite: true);
            new FileInfo(target.FullName).IsReadOnly = false; // ../shared may come without write bits
        }
    }

    private static string FindSource()
    {
        if (Environment.GetEnvironmentVariable("NEURON3D_SHARED") is { Length: > 0 } shared && File.Exists(Path.Combine(shared, "localchain", "start.sh")))
            return Path.Combine(shared, "localchain");
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "shared", "localchain", "start.sh")))
                    return Path.Combine(dir.FullName, "shared", "localchain");
        throw new LocalChainLaunchException("no shared/localchain folder (with start.sh) above the current folder or the program; set NEURON3D_SHARED, or pass --subtensor.chain_endpoint");
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Neuron3D.slnx")))
                    return dir.FullName;
        return null;
    }

    private async Task RunScriptAsync(string script, string[] arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(WorkDirectory, script), .. arguments])
        {
            WorkingDirectory = WorkDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["LOCALCHAIN_READY_TIMEOUT"] = "240";
        using var process = System.Diagnostics.Process.Start(psi) ?? throw new LocalChainLaunchException($"could not run {script}");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new LocalChainLaunchException($"{script} did not finish within {timeout.TotalSeconds:F0} s: {Tail(await stderr.ConfigureAwait(false))}");
        }
        if (process.ExitCode != 0)
            throw new LocalChainLaunchException($"{script} {string.Join(' ', arguments)} exited {process.ExitCode}: {Tail(await stdout.ConfigureAwait(false))} {Tail(await stderr.ConfigureAwait(false))}");
    }

    private static string Tail(string text) => text.Length > 1500 ? text[^1500..] : text;
}
