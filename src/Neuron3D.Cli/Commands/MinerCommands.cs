using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Neuron3D.Assets.Checks;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Generation;
using Neuron3D.Generation.Backends;
using Neuron3D.Subnet17.Hosting;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Miner.Generators;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Cli.Commands;

/// <summary>
/// <c>neuron3d miner …</c>: run the Subnet 17 miner (spec sn17-404gen.md §2) and read its journal.
/// </summary>
public static class MinerCommands
{
    /// <summary>The miner could not start: the chain is unreachable or the hotkey is not registered on the subnet.</summary>
    public const int CannotStartExitCode = NeuronRunner.CannotStartExitCode;

    /// <summary>The journal's file name inside <c>--neuron.full_path</c>.</summary>
    public const string JournalFileName = "journal.db";

    /// <summary>The version the optional liveness axon reports in <c>GetVersion</c>.</summary>
    public const int MinerVersion = 1;

    private const string ExitCodesHelp = """
        Exit codes: 0 stopped cleanly (Ctrl+C / SIGTERM); 1 the command line did not parse; 2 a bad option value;
        4 the hotkey needs a password; 5 the wallet's hotkey file does not exist; 6 the hotkey file is unreadable;
        11 the miner cannot start (chain unreachable, hotkey not registered on the subnet); 10 anything unexpected.
        """;

    /// <summary>The <c>miner</c> command group.</summary>
    public static Command Create() => Create(MinerHost.Default);

    /// <summary>The command group with <paramref name="host"/>'s seams (tests replace the chain and the stop signal).</summary>
    internal static Command Create(MinerHost host)
    {
        var miner = new Command("miner", """
            The Subnet 17 (404-GEN) miner: pulls tasks from validators, generates Gaussian splats, checks them the way
            validators do, submits them signed, and journals everything (SQLite) under --neuron.full_path.

            Examples:
              neuron3d miner run --wallet.name miner --wallet.hotkey default --subtensor.network finney
              neuron3d miner run --wallet.name miner --generator http://127.0.0.1:8093 --metrics.port 9100
              neuron3d miner status --wallet.name miner --json
            """);
        miner.Subcommands.Add(RunCommand(host));
        miner.Subcommands.Add(StatusCommand());
        return miner;
    }

    private static Command RunCommand(MinerHost host)
    {
        var command = new Command("run", $"""
            Run the miner until Ctrl+C or SIGTERM. Start-up checks: the hotkey file loads, the chain answers, the
            hotkey is registered on --netuid. Then one worker per generator pulls tasks from validators chosen as the
            reference miner does (serving axon, minimum stake, cooldowns, round-robin, every fifth pull to the owner's
            validator). A result that fails the self-check is replaced by an empty one (a skip is not penalised; a low
            score is). On stop no new task is pulled and running ones get --neuron.shutdown_grace seconds.

            State: <neuron.full_path>/{JournalFileName} (default ~/.bittensor/miners/<wallet>/<hotkey>/netuid<N>/).
            Metrics: with --metrics.port, Prometheus text at http://127.0.0.1:<port>/metrics.
            Logs: stderr, one line each (--logging.json for JSON lines; --logging.debug, --logging.trace for more).

            Examples:
              neuron3d miner run --wallet.name miner --subtensor.network finney
              neuron3d miner run --wallet.name miner --generator http://10.0.0.5:8093 --generator http://10.0.0.6:8093
              neuron3d miner run --wallet.name miner --subtensor.network local --netuid 2 --neuron.min_stake 0 --neuron.no_owner_preference

            {ExitCodesHelp}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var o = new RunOptions();
        o.AddTo(command);
        command.SetBody(context =>
        {
            var settings = o.Read(context.ParseResult, wallet);
            return RunMiner(context, host, settings);
        });
        return command;
    }

    private static Command StatusCommand()
    {
        var command = new Command("status", """
            Show the miner's journal: per validator the tasks, submissions, acceptance rate (accepted ÷ submitted),
            average score and generation time and the latest feedback; then unfinished tasks and the newest ones.
            Reads the journal of the selected wallet/hotkey/netuid (or --neuron.full_path); safe while the miner runs.

            Examples:
              neuron3d miner status --wallet.name miner
              neuron3d miner status --neuron.full_path /srv/miner --json --recent 5
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var netuid = NeuronOptions.Netuid();
        var fullPath = MinerFullPath();
        var recent = new Option<int>("--recent") { Description = "How many of the newest tasks to list.", DefaultValueFactory = _ => 10, HelpName = "n" };
        command.Options.Add(netuid);
        command.Options.Add(fullPath);
        command.Options.Add(recent);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            if (pr.GetValue(recent) < 0) throw new CliUsageException("--recent must be 0 or more");
            var state = StateFolder(pr.GetValue(fullPath), wallet.Resolve(pr), pr.GetValue(netuid));
            var journalPath = Path.Combine(state, JournalFileName);
            if (!File.Exists(journalPath))
                throw new CliUsageException($"no miner journal at {journalPath}: check --wallet.name/--wallet.hotkey/--netuid or --neuron.full_path");
            using var journal = new MinerJournal(journalPath);
            MinerStatusReport.Write(context, journalPath, journal.History(), journal.Unfinished(), journal.Recent(pr.GetValue(recent)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static int RunMiner(CliContext context, MinerHost host, MinerSettings settings) =>
        NeuronRunner.Run(context, new NeuronRun(settings.Wallet, "Neuron3D.Miner", "(no new pulls; running tasks may finish)",
            settings.Trace, settings.JsonLogs, host.Loggers, host.Stop), (hotkey, loggers, log, stop) =>
        {
            log.LogInformation("miner for hotkey {Hotkey} on netuid {Netuid} via {Endpoint}; state in {State}",
                hotkey.Ss58Address, settings.Netuid, settings.ChainEndpoint, settings.StateFolder);
            return RunMinerAsync(host, settings, hotkey, loggers, log, stop);
        });

    private static async Task<int> RunMinerAsync(MinerHost host, MinerSettings settings, Sr25519Keypair hotkey,
        ILoggerFactory loggers, ILogger log, CancellationToken stop)
    {
        // The chain.
        var metagraph = await NeuronRunner.ConnectAsync(settings.ChainEndpoint, settings.ChainTimeout,
            ct => host.ConnectMetagraph(settings.ChainEndpoint, settings.Netuid, ct), stop).ConfigureAwait(false);
        await using var metagraphLifetime = metagraph as IAsyncDisposable ?? NoDispose.Instance;

        // Journal, generators, dendrite, the neuron.
        using var journal = new MinerJournal(Path.Combine(settings.StateFolder, JournalFileName));
        foreach (var pending in journal.Unfinished())
            log.LogInformation("unfinished task {Task} from validator {Uid} (pulled at {At:u}); validators re-send pending tasks",
                pending.TaskId, pending.ValidatorUid, DateTimeOffset.FromUnixTimeMilliseconds((long)(pending.PulledAt * 1000)));
        var generators = settings.Generators.SelectMany(g => host.CreateGenerators(g, settings)).ToList();
        try
        {
            using var dendrite = new Dendrite(new Sr25519SynapseSigner(hotkey));
            var neuron = new MinerNeuron(dendrite, hotkey, metagraph, journal, settings.Miner, host.Time, loggers.CreateLogger("Neuron3D.Miner"));

            await using var metrics = settings.MetricsPort is { } metricsPort
                ? new MetricsServer(() => MinerMetrics.Render(neuron.Counters, journal), metricsPort)
                : null;
            if (metrics is not null)
            {
                await metrics.StartAsync(stop).ConfigureAwait(false);
                log.LogInformation("metrics at http://127.0.0.1:{Port}/metrics", metrics.Port);
                host.MetricsStarted?.Invoke(metrics.Port);
            }

            await using var axon = settings.AxonPort is { } axonPort
                ? new AxonServer(hotkey.Ss58Address, new Sr25519SynapseVerifier(), AllowAllBlacklist.Instance,
                    new AxonOptions { BindIp = settings.AxonIp, Port = axonPort }, loggers)
                : null;
            if (axon is not null)
            {
                axon.Attach<GetVersion>(static (request, _, _) => ValueTask.FromResult(request with { Version = MinerVersion }));
                await axon.StartAsync(stop).ConfigureAwait(false);
                log.LogInformation("liveness axon on {Ip}:{Port} (GetVersion)", settings.AxonIp, axon.Port);
                host.AxonStarted?.Invoke(axon.Port);
            }

            log.LogInformation("{Workers} worker(s): {Generators}", generators.Count, string.Join(", ", generators.Select(g => g.Name)));
            try
            {
                await neuron.RunAsync(generators, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped during the start-up sync: nothing was running yet.
            }
            log.LogInformation("stopped: {Pulls} pulls, {Submitted} submitted, {Skipped} skipped, {Accepted} accepted",
                neuron.Counters.Pulls, neuron.Counters.Submitted, neuron.Counters.Skipped, neuron.Counters.Accepted);
            return ExitCodes.Success;
        }
        finally
        {
            foreach (var generator in generators) (generator as IDisposable)?.Dispose();
        }
    }

    private static Option<string> MinerFullPath() => NeuronOptions.FullPath("miners", "journal");

    /// <summary>The miner's state folder: explicit, or ~/.bittensor/miners/&lt;wallet&gt;/&lt;hotkey&gt;/netuid&lt;N&gt;.</summary>
    internal static string StateFolder(string? fullPath, Wallet wallet, int netuid) => NeuronOptions.StateFolder("miners", fullPath, wallet, netuid);

    /// <summary>All of <c>miner run</c>'s options.</summary>
    private sealed class RunOptions
    {
        private readonly NeuronChainOptions _chain = new();
        private readonly Option<string[]> _generator = new("--generator", "--generation.endpoints")
        {
            Description = "A generator: 'builtin' (the CPU procedural generator) or a generation service http://host:port " +
                          "(POST /generate/ → PLY). Repeat for several; each service gets one worker.",
            HelpName = "builtin|url",
            DefaultValueFactory = _ => ["builtin"],
            AllowMultipleArgumentsPerToken = true,
        };
        private readonly Option<int> _concurrency = new("--generator.concurrency")
        {
            Description = "Workers for the built-in generator (each uses one core while generating).",
            DefaultValueFactory = _ => 1,
            HelpName = "n",
        };
        private readonly Option<bool> _images = new("--generator.images")
        {
            Description = "The generation services decode base64 images in 'prompt' (image tasks are skipped otherwise).",
        };
        private readonly Option<double> _generationTimeout = new("--generation.timeout")
        {
            Description = "Seconds a generation may take before the task is skipped.",
            DefaultValueFactory = _ => 300,
            HelpName = "seconds",
        };
        private readonly Option<string> _fullPath = MinerFullPath();
        private readonly Option<double> _syncInterval = NeuronOptions.SyncInterval(1800, "Seconds between metagraph syncs.");
        private readonly Option<double> _minStake = new("--neuron.min_stake", "--neuron.min_stake_to_set_weights")
        {
            Description = "Validators with less stake (TAO) are never asked for tasks.",
            DefaultValueFactory = _ => 1000,
            HelpName = "tao",
        };
        private readonly Option<string> _ownerHotkey = new("--neuron.owner_hotkey")
        {
            Description = $"Validator asked every fifth pull. Default: the SN17 owner, {ValidatorSelector.Sn17OwnerHotkey}.",
            HelpName = "ss58",
        };
        private readonly Option<bool> _noOwner = new("--neuron.no_owner_preference") { Description = "Plain round-robin, no preferred validator." };
        private readonly Option<double> _grace = new("--neuron.shutdown_grace")
        {
            Description = "On Ctrl+C/SIGTERM, seconds running tasks may still take before they are abandoned.",
            DefaultValueFactory = _ => 30,
            HelpName = "seconds",
        };
        private readonly Option<int> _minSplats = new("--self_check.min_splats")
        {
            Description = "Self-check: fewest splats a result may have (SN17 validators reject fewer than 7000).",
            DefaultValueFactory = _ => SplatCheckOptions.Default.MinSplats,
            HelpName = "n",
        };
        private readonly Option<int> _maxSplats = new("--self_check.max_splats")
        {
            Description = "Self-check: most splats a result may have.",
            DefaultValueFactory = _ => SplatCheckOptions.Default.MaxSplats,
            HelpName = "n",
        };
        private readonly Option<double> _maxTransparent = new("--self_check.max_transparent_share")
        {
            Description = "Self-check: largest share (0–1) of nearly transparent splats.",
            DefaultValueFactory = _ => SplatCheckOptions.Default.MaxTransparentShare,
            HelpName = "share",
        };
        private readonly Option<bool> _noSelfCheck = new("--self_check.off") { Description = "Submit results without the self-check." };
        private readonly Option<int?> _metricsPort = NeuronOptions.MetricsPort();
        private readonly Option<int?> _axonPort = new("--axon.port")
        {
            Description = "Serve a liveness axon (GetVersion) on this port (off by default; SN17 miners need none).",
            HelpName = "port",
        };
        private readonly Option<string> _axonIp = NeuronOptions.AxonIp("Address the liveness axon listens on.");
        private readonly Option<bool> _trace = NeuronOptions.Trace();
        private readonly Option<bool> _jsonLogs = NeuronOptions.JsonLogs();

        public void AddTo(Command command)
        {
            _chain.AddTo(command);
            foreach (var option in new Option[]
                     {
                         _generator, _concurrency, _images, _generationTimeout, _fullPath, _syncInterval,
                         _minStake, _ownerHotkey, _noOwner, _grace, _minSplats, _maxSplats, _maxTransparent, _noSelfCheck, _metricsPort,
                         _axonPort, _axonIp, _trace, _jsonLogs,
                     })
                command.Options.Add(option);
        }

        public MinerSettings Read(ParseResult pr, BittensorOptions walletOptions)
        {
            var netuid = _chain.ReadNetuid(pr);
            var endpoint = _chain.ReadEndpoint(pr);

            var generators = new List<GeneratorSpec>();
            foreach (var text in pr.GetValue(_generator) ?? ["builtin"])
            {
                if (text == "builtin") generators.Add(new GeneratorSpec(null));
                else if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") generators.Add(new GeneratorSpec(uri));
                else throw new CliUsageException($"--generator '{text}' is neither 'builtin' nor an http:// or https:// address");
            }
            var concurrency = pr.GetValue(_concurrency);
            if (concurrency is < 1 or > 256) throw new CliUsageException("--generator.concurrency must be 1–256");

            var owner = pr.GetValue(_noOwner) ? null : pr.GetValue(_ownerHotkey) ?? ValidatorSelector.Sn17OwnerHotkey;
            if (owner is not null && !Ss58.TryDecode(owner, out _, out _))
                throw new CliUsageException($"--neuron.owner_hotkey '{owner}' is not an SS58 address");
            var minStake = pr.GetValue(_minStake);
            if (!(minStake >= 0)) throw new CliUsageException("--neuron.min_stake must be 0 or more TAO");
            var maxTransparent = pr.GetValue(_maxTransparent);
            if (!(maxTransparent is >= 0 and <= 1)) throw new CliUsageException("--self_check.max_transparent_share must be within 0–1");
            var minSplats = pr.GetValue(_minSplats);
            var maxSplats = pr.GetValue(_maxSplats);
            if (minSplats < 0 || maxSplats < minSplats) throw new CliUsageException("--self_check.min_splats must be ≥ 0 and ≤ --self_check.max_splats");

            var wallet = walletOptions.Resolve(pr);
            return new MinerSettings
            {
                Wallet = wallet,
                ChainEndpoint = endpoint,
                Netuid = netuid,
                Generators = generators,
                BuiltinConcurrency = concurrency,
                ServicesDecodeImages = pr.GetValue(_images),
                StateFolder = StateFolder(pr.GetValue(_fullPath), wallet, netuid),
                MetricsPort = NeuronOptions.Port(pr.GetValue(_metricsPort), "--metrics.port"),
                AxonPort = NeuronOptions.Port(pr.GetValue(_axonPort), "--axon.port"),
                AxonIp = pr.GetValue(_axonIp)!,
                Trace = pr.GetValue(_trace),
                JsonLogs = pr.GetValue(_jsonLogs),
                Miner = new MinerOptions
                {
                    GenerationTimeout = NeuronOptions.Seconds(pr.GetValue(_generationTimeout), "--generation.timeout"),
                    SyncInterval = NeuronOptions.Seconds(pr.GetValue(_syncInterval), "--neuron.sync_interval"),
                    MinValidatorStake = minStake,
                    OwnerHotkey = owner,
                    ShutdownGrace = NeuronOptions.Seconds(pr.GetValue(_grace), "--neuron.shutdown_grace"),
                    SelfCheck = pr.GetValue(_noSelfCheck) ? null : new SplatCheckOptions
                    {
                        MinSplats = minSplats,
                        MaxSplats = maxSplats,
                        MaxTransparentShare = maxTransparent,
                    },
                },
            };
        }
    }
}

/// <summary>One <c>--generator</c>: the built-in generator (null) or a generation service's address.</summary>
internal sealed record GeneratorSpec(Uri? Endpoint);

/// <summary>Everything <c>miner run</c> needs, validated.</summary>
internal sealed record MinerSettings
{
    public required Wallet Wallet { get; init; }
    public required Uri ChainEndpoint { get; init; }
    public required ushort Netuid { get; init; }
    public required IReadOnlyList<GeneratorSpec> Generators { get; init; }
    public int BuiltinConcurrency { get; init; } = 1;
    public bool ServicesDecodeImages { get; init; }
    public required string StateFolder { get; init; }
    public int? MetricsPort { get; init; }
    public int? AxonPort { get; init; }
    public string AxonIp { get; init; } = "0.0.0.0";
    public bool Trace { get; init; }
    public bool JsonLogs { get; init; }
    public TimeSpan ChainTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public required MinerOptions Miner { get; init; }
}

/// <summary>
/// What <c>miner run</c> takes from the outside world, replaceable in tests: the chain's metagraph, the generators,
/// the clock, an extra stop signal, the logger factory and a hook that learns the metrics port.
/// </summary>
internal sealed record MinerHost
{
    public static MinerHost Default { get; } = new();

    /// <summary>Connects to the chain and returns the subnet's metagraph source (disposed at exit when disposable).</summary>
    public Func<Uri, ushort, CancellationToken, Task<IMetagraphSource>> ConnectMetagraph { get; init; } =
        async (endpoint, netuid, cancellationToken) => await ChainMetagraphSource.ConnectAsync(endpoint, netuid, cancellationToken).ConfigureAwait(false);

    /// <summary>The workers of one <c>--generator</c>.</summary>
    public Func<GeneratorSpec, MinerSettings, IEnumerable<IMinerGenerator>> CreateGenerators { get; init; } = DefaultGenerators;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Stops the miner like Ctrl+C does.</summary>
    public CancellationToken Stop { get; init; }

    public Func<ILoggerFactory>? Loggers { get; init; }

    public Action<int>? MetricsStarted { get; init; }

    public Action<int>? AxonStarted { get; init; }

    private static IEnumerable<IMinerGenerator> DefaultGenerators(GeneratorSpec spec, MinerSettings settings)
    {
        // The backends' own timeouts equal the miner's, so a stalled backend fails with the backend's message.
        var timeout = settings.Miner.GenerationTimeout;
        if (spec.Endpoint is { } endpoint)
        {
            var http = new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = endpoint, Timeout = timeout });
            return [new BackendGenerator(http, settings.ServicesDecodeImages)];
        }
        return Enumerable.Range(0, settings.BuiltinConcurrency)
            .Select(_ => (IMinerGenerator)new BackendGenerator(new ProceduralBackend(ProceduralGenerator.Default, timeout)));
    }
}

/// <summary>Prints <c>miner status</c> as text or JSON.</summary>
internal static class MinerStatusReport
{
    public static void Write(CliContext context, string journalPath, IReadOnlyList<ValidatorHistory> history,
        IReadOnlyList<JournalEntry> unfinished, IReadOnlyList<JournalEntry> recent)
    {
        var tasks = history.Sum(h => h.Tasks);
        var submitted = history.Sum(h => h.Submitted);
        var accepted = history.Sum(h => h.Accepted);
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["journal"] = journalPath,
                ["totals"] = new JsonObject
                {
                    ["tasks"] = tasks,
                    ["submitted"] = submitted,
                    ["accepted"] = accepted,
                    ["skipped"] = history.Sum(h => h.Skipped),
                    ["failed"] = history.Sum(h => h.Failed),
                    ["acceptanceRate"] = submitted == 0 ? 0 : (double)accepted / submitted,
                },
                ["validators"] = new JsonArray(history.Select(h => (JsonNode)new JsonObject
                {
                    ["uid"] = h.ValidatorUid,
                    ["hotkey"] = h.ValidatorHotkey,
                    ["tasks"] = h.Tasks,
                    ["submitted"] = h.Submitted,
                    ["accepted"] = h.Accepted,
                    ["skipped"] = h.Skipped,
                    ["failed"] = h.Failed,
                    ["acceptanceRate"] = h.AcceptanceRate,
                    ["averageScore"] = h.AverageScore,
                    ["averageGenerationSeconds"] = h.AverageGenerationSeconds,
                    ["lastPulledAt"] = h.LastPulledAt,
                    ["latestFeedback"] = h.LatestFeedback is { } f ? FeedbackJson(f) : null,
                }).ToArray()),
                ["unfinished"] = new JsonArray(unfinished.Select(EntryJson).ToArray()),
                ["recent"] = new JsonArray(recent.Select(EntryJson).ToArray()),
            });
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        var o = context.Out;
        o.WriteLine($"journal {journalPath}");
        o.WriteLine(string.Create(inv, $"{tasks} tasks, {submitted} submitted, {accepted} accepted ({(submitted == 0 ? 0 : 100.0 * accepted / submitted):F1} %)"));
        if (history.Count == 0)
        {
            o.WriteLine("no tasks yet");
            return;
        }
        o.WriteLine();
        o.WriteLine("  uid  hotkey            tasks  subm  acc  skip  fail  accept%  avg score  avg gen s  last feedback");
        foreach (var h in history)
        {
            var feedback = h.LatestFeedback is { } f
                ? string.Create(inv, $"score {f.TaskFidelityScore:F3}, EMA {f.AverageFidelityScore:F3}, window {f.GenerationsWithinTheWindow}, rating {f.CurrentDuelRating:F1}, reward {f.CurrentMinerReward:F1}")
                : "-";
            o.WriteLine(string.Create(inv,
                $"{h.ValidatorUid,5}  {Short(h.ValidatorHotkey),-16}  {h.Tasks,5}  {h.Submitted,4}  {h.Accepted,3}  {h.Skipped,4}  {h.Failed,4}  {100 * h.AcceptanceRate,7:F1}  {Number(h.AverageScore, "F3"),9}  {Number(h.AverageGenerationSeconds, "F1"),9}  {feedback}"));
        }
        o.WriteLine();
        o.WriteLine(unfinished.Count == 0 ? "no unfinished tasks" : $"{unfinished.Count} unfinished task(s):");
        foreach (var e in unfinished) o.WriteLine(Line(e));
        if (recent.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("newest tasks:");
            foreach (var e in recent) o.WriteLine(Line(e));
        }
    }

    private static string Line(JournalEntry e)
    {
        var inv = CultureInfo.InvariantCulture;
        var what = e.Kind == TaskKind.Image ? "image" : Prompt(e.Prompt);
        var score = e.Feedback is { } f ? string.Create(inv, $"  score {f.TaskFidelityScore:F3}") : "";
        var note = e.Note is { } text ? $"  ({text})" : "";
        return string.Create(inv, $"  {Time(e.PulledAt)}  uid {e.ValidatorUid,-4} {e.Status,-9} {e.TaskId}  {what}{score}{note}");
    }

    private static JsonNode EntryJson(JournalEntry e) => new JsonObject
    {
        ["taskId"] = e.TaskId,
        ["validatorUid"] = e.ValidatorUid,
        ["validatorHotkey"] = e.ValidatorHotkey,
        ["kind"] = e.Kind == TaskKind.Image ? "image" : "text",
        // Image prompts are whole base64 files: the status shows their size, not the bytes.
        ["prompt"] = e.Kind == TaskKind.Image ? $"<image, {e.Prompt.Length} base64 chars>" : e.Prompt,
        ["status"] = e.Status.ToString(),
        ["pulledAt"] = e.PulledAt,
        ["generationSeconds"] = e.GenerationSeconds,
        ["resultSha256"] = e.ResultSha256,
        ["resultBytes"] = e.ResultBytes,
        ["submittedAt"] = e.SubmittedAt,
        ["note"] = e.Note,
        ["feedback"] = e.Feedback is { } f ? FeedbackJson(f) : null,
    };

    private static JsonObject FeedbackJson(Feedback f) => new()
    {
        ["validationFailed"] = f.ValidationFailed,
        ["taskFidelityScore"] = f.TaskFidelityScore,
        ["averageFidelityScore"] = f.AverageFidelityScore,
        ["generationsWithinTheWindow"] = f.GenerationsWithinTheWindow,
        ["currentDuelRating"] = f.CurrentDuelRating,
        ["currentMinerReward"] = f.CurrentMinerReward,
    };

    private static string Short(string hotkey) => hotkey.Length <= 16 ? hotkey : hotkey[..7] + "…" + hotkey[^7..];
    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
    private static string Time(double unixSeconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)(unixSeconds * 1000)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    private static string Prompt(string prompt) => prompt.Length <= 60 ? prompt : prompt[..57] + "...";
}
