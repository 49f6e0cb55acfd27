using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Neuron3D.Bittensor.Axon;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Subnet17.Hosting;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Duels;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Subnet17.Validator.Tasks;

namespace Neuron3D.Cli.Commands;

/// <summary>
/// <c>neuron3d validator …</c>: run the Subnet 17 validator (spec sn17-404gen.md §3) and read its state.
/// </summary>
public static class ValidatorCommands
{
    /// <summary>The state database's file name inside <c>--neuron.full_path</c>.</summary>
    public const string StateFileName = "validator.db";

    /// <summary>The setting under which the state DB remembers which scorer judged fidelity.</summary>
    internal const string ScorerSetting = "scorer";

    private const string ExitCodesHelp = """
        Exit codes: 0 stopped cleanly (Ctrl+C / SIGTERM); 1 the command line did not parse; 2 a bad option value;
        4 the hotkey needs a password; 5 the wallet's hotkey file does not exist; 6 the hotkey file is unreadable;
        11 the validator cannot start (chain unreachable, hotkey not registered on the subnet); 10 anything unexpected.
        """;

    /// <summary>The <c>validator</c> command group.</summary>
    public static Command Create() => Create(ValidatorHost.Default);

    /// <summary>The command group with <paramref name="host"/>'s seams (tests replace the chain and the stop signal).</summary>
    internal static Command Create(ValidatorHost host)
    {
        var validator = new Command("validator", """
            The Subnet 17 (404-GEN) validator: hands out text-to-3D tasks to miners over its axon, checks and scores the
            signed results, keeps every miner's state (SQLite) under --neuron.full_path, and sets weights on chain.

            Examples:
              neuron3d validator run --wallet.name validator --subtensor.network finney --axon.external_ip 203.0.113.7
              neuron3d validator run --wallet.name validator --validation.endpoint http://127.0.0.1:8094 --metrics.port 9101
              neuron3d validator status --wallet.name validator --json
            """);
        validator.Subcommands.Add(RunCommand(host));
        validator.Subcommands.Add(StatusCommand());
        return validator;
    }

    private static Command RunCommand(ValidatorHost host)
    {
        var command = new Command("run", $"""
            Run the validator until Ctrl+C or SIGTERM. Start-up checks: the hotkey file loads, the chain answers, the
            hotkey is registered on --netuid. Then the axon serves PullTask, SubmitResults and GetVersion with SN17's
            rules (cooldowns, violations, penalties, validation lock, 0.6 acceptance threshold), the metagraph is re-read
            every --neuron.sync_interval seconds, and weights (rank curve over accepted results × rating) are set on
            chain when --neuron.weights_interval_blocks and the subnet's WeightsSetRateLimit allow.

            Fidelity: with --validation.endpoint the SN17 validation service (GPU) scores prompt fidelity; with
            --validation.clip_model an ONNX CLIP model on the CPU scores text alignment of 4 rendered views; without
            either the score is STRUCTURAL ONLY (splat gates and surface-mesh checks; prompts are not judged), and every
            log line, status report and metric says so.

            State: <neuron.full_path>/{StateFileName} (default ~/.bittensor/validators/<wallet>/<hotkey>/netuid<N>/),
            restored on restart. Metrics: with --metrics.port, Prometheus text at http://127.0.0.1:<port>/metrics.
            Logs: stderr, one line each (--logging.json for JSON lines; --logging.debug, --logging.trace for more).

            Examples:
              neuron3d validator run --wallet.name validator --subtensor.network finney --axon.external_ip 203.0.113.7
              neuron3d validator run --wallet.name validator --subtensor.network local --netuid 2 --axon.external_ip 127.0.0.2 \
                                     --neuron.min_stake_to_set_weights 0 --neuron.weights_interval_blocks 10

            {ExitCodesHelp}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var o = new RunOptions();
        o.AddTo(command);
        command.SetBody(context => RunValidator(context, host, o.Read(context.ParseResult, wallet)));
        return command;
    }

    private static Command StatusCommand()
    {
        var command = new Command("status", """
            Show the validator's state: per miner uid the hotkey, accepted results in the 4 h window, fidelity EMA,
            duel rating, cooldown, last accepted result, reward and the weight share it earns now; then the last
            weights set on chain and the last attempt. Reads the state DB of the selected wallet/hotkey/netuid (or
            --neuron.full_path); safe while the validator runs.

            Examples:
              neuron3d validator status --wallet.name validator
              neuron3d validator status --neuron.full_path /srv/validator --json
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var netuid = NeuronOptions.Netuid();
        var fullPath = ValidatorFullPath();
        command.Options.Add(netuid);
        command.Options.Add(fullPath);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var statePath = Path.Combine(StateFolder(pr.GetValue(fullPath), wallet.Resolve(pr), pr.GetValue(netuid)), StateFileName);
            if (!File.Exists(statePath))
                throw new CliUsageException($"no validator state at {statePath}: check --wallet.name/--wallet.hotkey/--netuid or --neuron.full_path");
            using var store = new ValidatorStateStore(statePath);
            ValidatorStatusReport.Write(context, statePath, store, DateTimeOffset.UtcNow);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> ValidatorFullPath() => NeuronOptions.FullPath("validators", "state DB");

    /// <summary>The validator's state folder: explicit, or ~/.bittensor/validators/&lt;wallet&gt;/&lt;hotkey&gt;/netuid&lt;N&gt;.</summary>
    /// <summary>Environment variable holding the judge's API key (sent as a bearer token).</summary>
    internal const string JudgeApiKeyVariable = "NEURON3D_JUDGE_API_KEY";

    internal static string StateFolder(string? fullPath, Wallet wallet, int netuid) => NeuronOptions.StateFolder("validators", fullPath, wallet, netuid);

    private static int RunValidator(CliContext context, ValidatorHost host, ValidatorSettings settings) =>
        NeuronRunner.Run(context, new NeuronRun(settings.Wallet, "Neuron3D.Validator", "(the axon closes; state is saved)",
            settings.Trace, settings.JsonLogs, host.Loggers, host.Stop), (hotkey, loggers, log, stop) =>
        {
            log.LogInformation("validator for hotkey {Hotkey} on netuid {Netuid} via {Endpoint}; state in {State}",
                hotkey.Ss58Address, settings.Netuid, settings.ChainEndpoint, settings.StateFolder);
            return RunValidatorAsync(host, settings, hotkey, loggers, log, stop);
        });

    private static async Task<int> RunValidatorAsync(ValidatorHost host, ValidatorSettings settings, Sr25519Keypair hotkey,
        ILoggerFactory loggers, ILogger log, CancellationToken stop)
    {
        var chain = await NeuronRunner.ConnectAsync(settings.ChainEndpoint, settings.ChainTimeout,
            ct => host.ConnectChain(settings.ChainEndpoint, settings.Netuid, hotkey, ct), stop).ConfigureAwait(false);
        await using var chainLifetime = chain.Lifetime;

        using var store = new ValidatorStateStore(Path.Combine(settings.StateFolder, StateFileName));
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var scorer = CreateScorer(settings, http);
        using var scorerLifetime = scorer as IDisposable;
        store.WriteSetting(ScorerSetting, scorer.Name);
        if (scorer is StructuralScorer)
            log.LogWarning("fidelity is STRUCTURAL ONLY: no --validation.endpoint or --validation.clip_model, so results are judged by " +
                           "SN17's splat gates and surface-mesh checks, not by how well they match the prompt");
        else
            log.LogInformation("fidelity scored by {Scorer}", scorer.Name);

        var tasks = settings.PromptsFile is { } file ? PromptTaskSource.FromFile(file) : PromptTaskSource.Bundled();
        log.LogInformation("{Count} prompts from {Source}", tasks.Prompts.Count, settings.PromptsFile ?? "the bundled list");
        using var duels = DuelCoordinator.Open(settings.Duels, Path.Combine(settings.StateFolder, StateFileName), tasks, http, host.Time,
            loggers.CreateLogger("Neuron3D.Validator.Duels"));
        if (duels is null)
            log.LogInformation("duels off (no --duels.judge_endpoint): every miner keeps the initial Glicko-2 rating, rewards follow accepted results only");
        else
            log.LogInformation("duels judged by {Judge} ({Model}), starting {Delay:0} s after start-up", settings.Duels.JudgeEndpoint, settings.Duels.JudgeModel,
                settings.Duels.StartDelay);
        var neuron = new ValidatorNeuron(hotkey, chain.Metagraph, tasks, scorer, store, settings.Validator, host.Time,
            loggers.CreateLogger("Neuron3D.Validator"), duels);
        var restored = neuron.Miners.Sum(m => m.Observations.Count);
        if (restored > 0 || neuron.Miners.Count > 0)
            log.LogInformation("restored {Miners} miner record(s) with {Results} accepted result(s) from {Store}", neuron.Miners.Count, restored, store);

        // Start-up checks: the metagraph reads, and our hotkey is in it.
        try
        {
            await neuron.SyncAsync(stop).ConfigureAwait(false);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            throw new NeuronStartupException($"cannot read the metagraph of netuid {settings.Netuid} at {settings.ChainEndpoint}: {e.Message}");
        }
        if (neuron.Self is not { } self)
            throw new NeuronStartupException($"hotkey {hotkey.Ss58Address} is not registered on netuid {settings.Netuid}; register it first " +
                                             "(btcli subnets register, or neuron3d localnet on a local chain)");
        log.LogInformation("uid {Uid}, stake {Stake:0.###} TAO, validator permit {Permit}", self.Uid, self.Stake, self.ValidatorPermit);

        await using var axon = neuron.CreateAxon(new AxonOptions { BindIp = settings.AxonIp, Port = settings.AxonPort }, loggers);
        await axon.StartAsync(stop).ConfigureAwait(false);
        log.LogInformation("axon on {Ip}:{Port} (PullTask, SubmitResults, GetVersion)", settings.AxonIp, axon.Port);
        host.AxonStarted?.Invoke(axon.Port);
        await PublishAxonAsync(chain, settings, axon.Port, self, log, stop).ConfigureAwait(false);

        var publisher = settings.SetWeights
            ? new WeightsPublisher(chain.Weights, () => neuron.ProposeWeights(settings.MinStakeToSetWeights), settings.Weights,
                store.LastWeightsAttempt(successOnly: true), host.Time, loggers.CreateLogger("Neuron3D.Validator.Weights"))
            : null;
        if (publisher is null) log.LogWarning("--neuron.disable_set_weights: weights are never put on chain");
        else publisher.Attempted += store.SaveWeightsAttempt;

        await using var metrics = settings.MetricsPort is { } metricsPort
            ? new MetricsServer(() => ValidatorMetrics.Render(neuron, publisher, scorer.Name), metricsPort)
            : null;
        if (metrics is not null)
        {
            await metrics.StartAsync(stop).ConfigureAwait(false);
            log.LogInformation("metrics at http://127.0.0.1:{Port}/metrics", metrics.Port);
            host.MetricsStarted?.Invoke(metrics.Port);
        }

        var loops = new List<Task> { SyncLoopAsync(neuron, settings.SyncInterval, host.Time, log, stop) };
        if (duels is not null) loops.Add(duels.RunAsync(stop));
        if (publisher is not null) loops.Add(publisher.RunAsync(stop));
        await Task.WhenAll(loops).ConfigureAwait(false);

        var submissions = neuron.Counters.Submissions;
        log.LogInformation("stopped: {Pulls} pulls, {Submissions} submissions ({Accepted} accepted), {Sets} weights set(s); state saved in {Store}",
            neuron.Counters.Pulls, submissions.Values.Sum(), submissions.GetValueOrDefault("accepted"), publisher?.Sets ?? 0, store);
        return ExitCodes.Success;
    }

    /// <summary>The validation service, the CLIP model, or (neither given) the structural scorer.</summary>
    private static IFidelityScorer CreateScorer(ValidatorSettings settings, HttpClient http)
    {
        if (settings.ValidationEndpoint is { } endpoint) return new ValidationServiceScorer(http, endpoint, settings.ValidationTimeout);
        if (settings.ClipModel is not { } clipModel) return new StructuralScorer();
        try
        {
            return new ClipOnnxScorer(clipModel);
        }
        catch (ClipModelException e)
        {
            throw new CliUsageException($"--validation.clip_model: {e.Message}");
        }
    }

    /// <summary>Re-reads the metagraph every <paramref name="interval"/>; a failed read is logged and retried at the next tick.</summary>
    private static async Task SyncLoopAsync(ValidatorNeuron neuron, TimeSpan interval, TimeProvider time, ILogger log, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                await Task.Delay(interval, time, stop).ConfigureAwait(false);
                await neuron.SyncAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning("metagraph sync failed, keeping the last one until the next sync: {Message}", e.Message);
            }
        }
    }

    /// <summary>Publishes the axon's external address on chain (serve_axon) unless the metagraph already shows it.</summary>
    private static async Task PublishAxonAsync(ValidatorChain chain, ValidatorSettings settings, int boundPort, NeuronView self, ILogger log, CancellationToken stop)
    {
        if (settings.ExternalIp is not { } ip)
        {
            log.LogWarning("the axon is not published on chain (pass --axon.external_ip): miners find validators through the metagraph; " +
                           "it shows {Ip}:{Port}", self.IsServing ? self.AxonIp : "nothing", self.AxonPort);
            return;
        }
        var port = settings.ExternalPort ?? boundPort;
        if (self.IsServing && self.AxonIp == ip.ToString() && self.AxonPort == port)
        {
            log.LogInformation("axon already published on chain as {Ip}:{Port}", ip, port);
            return;
        }
        try
        {
            await chain.PublishAxon(AxonInfo.Create(ip.ToString(), port), stop).ConfigureAwait(false);
            log.LogInformation("axon published on chain as {Ip}:{Port}", ip, port);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            throw new NeuronStartupException($"cannot publish the axon {ip}:{port} on chain (serve_axon): {e.Message}");
        }
    }

    /// <summary>All of <c>validator run</c>'s options.</summary>
    private sealed class RunOptions
    {
        private static readonly ValidatorRules Spec = new();
        private readonly NeuronChainOptions _chain = new();
        private readonly Option<string> _fullPath = ValidatorFullPath();
        private readonly Option<double> _syncInterval = NeuronOptions.SyncInterval(600, "Seconds between metagraph syncs and weight attempts.");
        private readonly Option<int> _weightsBlocks = new("--neuron.weights_interval_blocks", "--neuron.weight_set_interval")
        {
            Description = "Fewest blocks between two of our weight sets (the subnet's WeightsSetRateLimit applies on top).",
            DefaultValueFactory = _ => 100,
            HelpName = "blocks",
        };
        private readonly Option<double?> _weightsSeconds = new("--neuron.weights_interval_seconds")
        {
            Description = "Also wait this many seconds after a successful set before the next (off by default).",
            HelpName = "seconds",
        };
        private readonly Option<double> _minStake = new("--neuron.min_stake_to_set_weights")
        {
            Description = "Our own stake (TAO) needed before we set weights; also the stake a caller needs for GetVersion.",
            DefaultValueFactory = _ => 1000,
            HelpName = "tao",
        };
        private readonly Option<bool> _noWeights = new("--neuron.disable_set_weights") { Description = "Never set weights (score and serve only)." };
        private readonly Option<string> _ownerHotkey = new("--neuron.owner_hotkey")
        {
            Description = $"The subnet owner's hotkey, always allowed to ask GetVersion. Default: the SN17 owner, {ValidatorSelector.Sn17OwnerHotkey}.",
            HelpName = "ss58",
        };
        private readonly Option<string> _prompts = new("--tasks.prompts")
        {
            Description = "Prompt file for synthetic text tasks (UTF-8, one per line, '#' comments). Default: the bundled list of 160.",
            HelpName = "file",
        };
        private readonly Option<string> _validationEndpoint = new("--validation.endpoint", "--validation.endpoints")
        {
            Description = "SN17 validation service (http://host:port, POST /validate_txt_to_3d_ply/ …) that scores prompt fidelity. " +
                          "Without it the score is structural only.",
            HelpName = "url",
        };
        private readonly Option<string> _clipModel = new("--validation.clip_model")
        {
            Description = "ONNX CLIP model folder (image and text encoders, tokenizer vocabulary) scoring text alignment on the CPU.",
            HelpName = "folder",
        };
        private readonly Option<string> _judgeEndpoint = new("--duels.judge_endpoint")
        {
            Description = "OpenAI-compatible chat-completions server with a vision model that judges duels (SN17 §3.6), e.g. http://127.0.0.1:8000/v1/. " +
                          "Without it there are no duels and every rating stays at 1500.",
            HelpName = "url",
        };
        private readonly Option<string> _judgeModel = new("--duels.judge_model")
        {
            Description = "Model name sent to the judge.",
            DefaultValueFactory = _ => new DuelOptions().JudgeModel,
            HelpName = "name",
        };
        private readonly Option<double> _duelsStartDelay = new("--duels.start_delay")
        {
            Description = "Seconds after start-up before the first duel (miners must have pulled in the meantime).",
            DefaultValueFactory = _ => new DuelOptions().StartDelay,
            HelpName = "seconds",
        };
        private readonly Option<double> _validationTimeout = new("--validation.timeout")
        {
            Description = "Seconds the validation service may take per result.",
            DefaultValueFactory = _ => 120,
            HelpName = "seconds",
        };
        private readonly Option<int> _throttle = Rule("--generation.throttle_period", "Part of a cooldown (s) a slow miner has already served.", Spec.ThrottlePeriod);
        private readonly Option<int> _cooldown = Rule("--generation.task_cooldown", "Wait (s) after every finished task.", Spec.TaskCooldown);
        private readonly Option<int> _violationPenalty = Rule("--generation.cooldown_violation_penalty", "Seconds added per pull during cooldown past the threshold.", Spec.CooldownViolationPenalty);
        private readonly Option<int> _violationThreshold = Rule("--generation.cooldown_violations_threshold", "Pulls during cooldown tolerated before the penalty.", Spec.CooldownViolationsThreshold);
        private readonly Option<int> _penalty = Rule("--generation.cooldown_penalty", "Extra wait (s) after a bad signature or a score below the threshold.", Spec.CooldownPenalty);
        private readonly Option<int> _lock = Rule("--validation.validation_lock_duration", "Seconds one validation of a miner holds its lock.", Spec.ValidationLockDuration);
        private readonly Option<double> _threshold = new("--generation.quality_threshold")
        {
            Description = "Scores below it are rejected with the penalty (0–1).",
            DefaultValueFactory = _ => Spec.QualityThreshold,
            HelpName = "score",
        };
        private readonly Option<double> _alpha = new("--validation.moving_average_alpha")
        {
            Description = "Weight of a new score in the fidelity EMA (0–1).",
            DefaultValueFactory = _ => Spec.FidelityAlpha,
            HelpName = "alpha",
        };
        private readonly Option<int> _axonPort = new("--axon.port")
        {
            Description = "Port the axon listens on (0 = any free port).",
            DefaultValueFactory = _ => 8091,
            HelpName = "port",
        };
        private readonly Option<string> _axonIp = NeuronOptions.AxonIp("Address the axon listens on.");
        private readonly Option<string> _externalIp = new("--axon.external_ip")
        {
            Description = "Address published on chain (serve_axon) for miners to reach; not published when absent. The chain refuses 127.0.0.1.",
            HelpName = "ip",
        };
        private readonly Option<int?> _externalPort = new("--axon.external_port")
        {
            Description = "Port published on chain. Default: the port the axon listens on.",
            HelpName = "port",
        };
        private readonly Option<int?> _metricsPort = NeuronOptions.MetricsPort();
        private readonly Option<bool> _trace = NeuronOptions.Trace();
        private readonly Option<bool> _jsonLogs = NeuronOptions.JsonLogs();

        private static Option<int> Rule(string name, string description, int specDefault) => new(name)
        {
            Description = description,
            DefaultValueFactory = _ => specDefault,
            HelpName = "n",
        };

        public void AddTo(Command command)
        {
            _chain.AddTo(command);
            foreach (var option in new Option[]
                     {
                         _fullPath, _syncInterval, _weightsBlocks, _weightsSeconds, _minStake, _noWeights, _ownerHotkey, _prompts,
                         _validationEndpoint, _clipModel, _judgeEndpoint, _judgeModel, _duelsStartDelay, _validationTimeout, _throttle, _cooldown, _violationPenalty, _violationThreshold, _penalty,
                         _threshold, _alpha, _lock, _axonPort, _axonIp, _externalIp, _externalPort, _metricsPort, _trace, _jsonLogs,
                     })
                command.Options.Add(option);
        }

        public ValidatorSettings Read(ParseResult pr, BittensorOptions walletOptions)
        {
            var netuid = _chain.ReadNetuid(pr);
            var endpoint = _chain.ReadEndpoint(pr);

            Uri? validation = null;
            if (pr.GetValue(_validationEndpoint) is { Length: > 0 } validationText &&
                (!Uri.TryCreate(validationText, UriKind.Absolute, out validation) || validation.Scheme is not ("http" or "https")))
                throw new CliUsageException($"--validation.endpoint '{validationText}' is not an http:// or https:// address");

            var clipModel = pr.GetValue(_clipModel) is { Length: > 0 } clipText ? Path.GetFullPath(WalletPaths.ExpandHome(clipText)) : null;
            if (clipModel is not null && validation is not null)
                throw new CliUsageException("give --validation.endpoint or --validation.clip_model, not both");

            Uri? judge = null;
            if (pr.GetValue(_judgeEndpoint) is { Length: > 0 } judgeText &&
                (!Uri.TryCreate(judgeText.EndsWith('/') ? judgeText : judgeText + "/", UriKind.Absolute, out judge) || judge.Scheme is not ("http" or "https")))
                throw new CliUsageException($"--duels.judge_endpoint '{judgeText}' is not an http:// or https:// address");
            var startDelay = pr.GetValue(_duelsStartDelay);
            if (!(startDelay >= 0)) throw new CliUsageException("--duels.start_delay must be 0 or more seconds");

            var prompts = pr.GetValue(_prompts) is { Length: > 0 } promptsText ? Path.GetFullPath(WalletPaths.ExpandHome(promptsText)) : null;
            if (prompts is not null && !File.Exists(prompts)) throw new CliUsageException($"--tasks.prompts: no file at {prompts}");

            var owner = pr.GetValue(_ownerHotkey) ?? ValidatorSelector.Sn17OwnerHotkey;
            if (!Ss58.TryDecode(owner, out _, out _)) throw new CliUsageException($"--neuron.owner_hotkey '{owner}' is not an SS58 address");
            var minStake = pr.GetValue(_minStake);
            if (!(minStake >= 0)) throw new CliUsageException("--neuron.min_stake_to_set_weights must be 0 or more TAO");
            var threshold = pr.GetValue(_threshold);
            if (!(threshold is >= 0 and <= 1)) throw new CliUsageException("--generation.quality_threshold must be within 0–1");
            var alpha = pr.GetValue(_alpha);
            if (!(alpha is > 0 and <= 1)) throw new CliUsageException("--validation.moving_average_alpha must be within (0, 1]");
            foreach (var rule in new[] { _throttle, _cooldown, _violationPenalty, _violationThreshold, _penalty, _lock })
                if (pr.GetValue(rule) < 0) throw new CliUsageException($"{rule.Name} must be 0 or more");
            var weightsBlocks = pr.GetValue(_weightsBlocks);
            if (weightsBlocks < 0) throw new CliUsageException("--neuron.weights_interval_blocks must be 0 or more");

            IPAddress? externalIp = null;
            if (pr.GetValue(_externalIp) is { Length: > 0 } ipText && !IPAddress.TryParse(ipText, out externalIp))
                throw new CliUsageException($"--axon.external_ip '{ipText}' is not an IP address");
            var externalPort = NeuronOptions.Port(pr.GetValue(_externalPort), "--axon.external_port");
            if (externalPort == 0) throw new CliUsageException("--axon.external_port 0 is not a port miners can reach");

            var wallet = walletOptions.Resolve(pr);
            var syncInterval = NeuronOptions.Seconds(pr.GetValue(_syncInterval), "--neuron.sync_interval");
            return new ValidatorSettings
            {
                Wallet = wallet,
                ChainEndpoint = endpoint,
                Netuid = netuid,
                StateFolder = StateFolder(pr.GetValue(_fullPath), wallet, netuid),
                PromptsFile = prompts,
                ValidationEndpoint = validation,
                ClipModel = clipModel,
                Duels = new DuelOptions
                {
                    JudgeEndpoint = judge,
                    JudgeModel = pr.GetValue(_judgeModel)!,
                    // The key is a secret: from the environment only, never a flag that shows up in process lists.
                    JudgeApiKey = Environment.GetEnvironmentVariable(JudgeApiKeyVariable) is { Length: > 0 } key ? key : new DuelOptions().JudgeApiKey,
                    StartDelay = startDelay,
                },
                ValidationTimeout = NeuronOptions.Seconds(pr.GetValue(_validationTimeout), "--validation.timeout"),
                SyncInterval = syncInterval,
                SetWeights = !pr.GetValue(_noWeights),
                MinStakeToSetWeights = minStake,
                Weights = new WeightsPublisherOptions
                {
                    CheckInterval = syncInterval,
                    MinBlocksBetweenSets = (ulong)weightsBlocks,
                    MinTimeBetweenSets = pr.GetValue(_weightsSeconds) is { } seconds ? NeuronOptions.Seconds(seconds, "--neuron.weights_interval_seconds") : null,
                    RetryDelay = syncInterval < TimeSpan.FromSeconds(60) ? syncInterval : TimeSpan.FromSeconds(60),
                },
                AxonPort = NeuronOptions.Port(pr.GetValue(_axonPort), "--axon.port")!.Value,
                AxonIp = pr.GetValue(_axonIp)!,
                ExternalIp = externalIp,
                ExternalPort = externalPort,
                MetricsPort = NeuronOptions.Port(pr.GetValue(_metricsPort), "--metrics.port"),
                Trace = pr.GetValue(_trace),
                JsonLogs = pr.GetValue(_jsonLogs),
                Validator = new ValidatorOptions
                {
                    OwnerHotkey = owner,
                    GetVersionMinStake = minStake,
                    Rules = new ValidatorRules
                    {
                        ThrottlePeriod = pr.GetValue(_throttle),
                        TaskCooldown = pr.GetValue(_cooldown),
                        CooldownViolationPenalty = pr.GetValue(_violationPenalty),
                        CooldownViolationsThreshold = pr.GetValue(_violationThreshold),
                        CooldownPenalty = pr.GetValue(_penalty),
                        QualityThreshold = threshold,
                        FidelityAlpha = alpha,
                        ValidationLockDuration = pr.GetValue(_lock),
                    },
                },
            };
        }
    }
}

/// <summary>Everything <c>validator run</c> needs, validated.</summary>
internal sealed record ValidatorSettings
{
    public required Wallet Wallet { get; init; }
    public required Uri ChainEndpoint { get; init; }
    public required ushort Netuid { get; init; }
    public required string StateFolder { get; init; }
    public string? PromptsFile { get; init; }
    public Uri? ValidationEndpoint { get; init; }
    public string? ClipModel { get; init; }
    public DuelOptions Duels { get; init; } = new();
    public TimeSpan ValidationTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(600);
    public bool SetWeights { get; init; } = true;
    public double MinStakeToSetWeights { get; init; } = 1000;
    public required WeightsPublisherOptions Weights { get; init; }
    public int AxonPort { get; init; } = 8091;
    public string AxonIp { get; init; } = "0.0.0.0";
    public IPAddress? ExternalIp { get; init; }
    public int? ExternalPort { get; init; }
    public int? MetricsPort { get; init; }
    public bool Trace { get; init; }
    public bool JsonLogs { get; init; }
    public TimeSpan ChainTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public required ValidatorOptions Validator { get; init; }
}

/// <summary>What <c>validator run</c> gets from the chain: the metagraph, the weights seam, axon publication, and what to dispose at exit.</summary>
internal sealed record ValidatorChain(IMetagraphSource Metagraph, IWeightsChain Weights, Func<AxonInfo, CancellationToken, Task> PublishAxon, IAsyncDisposable Lifetime);

/// <summary>
/// What <c>validator run</c> takes from the outside world, replaceable in tests: the chain, the clock, an extra stop
/// signal, the logger factory and hooks that learn the axon and metrics ports.
/// </summary>
internal sealed record ValidatorHost
{
    public static ValidatorHost Default { get; } = new();

    /// <summary>Connects to the chain for the hotkey on the subnet.</summary>
    public Func<Uri, ushort, Sr25519Keypair, CancellationToken, Task<ValidatorChain>> ConnectChain { get; init; } = ConnectSubtensorAsync;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Stops the validator like Ctrl+C does.</summary>
    public CancellationToken Stop { get; init; }

    public Func<ILoggerFactory>? Loggers { get; init; }

    public Action<int>? MetricsStarted { get; init; }

    public Action<int>? AxonStarted { get; init; }

    private static async Task<ValidatorChain> ConnectSubtensorAsync(Uri endpoint, ushort netuid, Sr25519Keypair hotkey, CancellationToken cancellationToken)
    {
        var client = await SubtensorClient.ConnectAsync(endpoint, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ValidatorChain(new ChainMetagraphSource(client, netuid), new SubtensorWeightsChain(client, hotkey, netuid),
            async (axon, ct) => await client.ServeAxonAsync(hotkey, netuid, axon, ct).ConfigureAwait(false), client);
    }
}

/// <summary>Prints <c>validator status</c> as text or JSON.</summary>
internal static class ValidatorStatusReport
{
    public static void Write(CliContext context, string statePath, ValidatorStateStore store, DateTimeOffset now)
    {
        var rules = new MinerTaskRules(new ValidatorRules());
        var nowSeconds = now.ToUnixTimeMilliseconds() / 1000.0;
        var miners = store.LoadAll().Values.OrderBy(m => m.Uid).ToList();
        var rewards = new double[miners.Count == 0 ? 0 : miners.Max(m => m.Uid) + 1];
        foreach (var miner in miners) rewards[miner.Uid] = rules.Reward(miner, nowSeconds);
        var (weightedUids, shares) = RankWeights.Compute(rewards);
        var shareByUid = weightedUids.Zip(shares).ToDictionary(p => p.First, p => p.Second);
        var lastSet = store.LastWeightsAttempt(successOnly: true);
        var lastAttempt = store.LastWeightsAttempt(successOnly: false);
        var scorer = store.ReadSetting(ValidatorCommands.ScorerSetting) ?? "unknown (the validator has not run yet)";

        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["state"] = statePath,
                ["scorer"] = scorer,
                ["structuralOnly"] = scorer.StartsWith("structural only", StringComparison.Ordinal),
                ["miners"] = new JsonArray(miners.Select(m => (JsonNode)new JsonObject
                {
                    ["uid"] = m.Uid,
                    ["hotkey"] = m.Hotkey,
                    ["observations"] = m.Observations.Count,
                    ["fidelityEma"] = m.FidelityScore,
                    ["rating"] = m.Rating.Rating,
                    ["ratingDeviation"] = m.Rating.Deviation,
                    ["cooldownUntil"] = m.CooldownUntil,
                    ["cooldownViolations"] = m.CooldownViolations,
                    ["assignedTask"] = m.AssignedTask?.Id,
                    ["lastAcceptedAt"] = m.LastSubmitTime == 0 ? null : m.LastSubmitTime,
                    ["reward"] = rewards[m.Uid],
                    ["weightShare"] = shareByUid.GetValueOrDefault(m.Uid),
                }).ToArray()),
                ["lastWeightsSet"] = lastSet is null ? null : AttemptJson(lastSet),
                ["lastWeightsAttempt"] = lastAttempt is null ? null : AttemptJson(lastAttempt),
            });
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        var o = context.Out;
        o.WriteLine($"state {statePath}");
        o.WriteLine($"scorer: {scorer}");
        o.WriteLine(lastSet is null ? "weights: never set" : string.Create(inv, $"weights: last set in block {lastSet.Block} at {lastSet.At:u} for {lastSet.Uids.Length} miner(s){(lastSet.Committed ? " (committed)" : "")}"));
        if (lastAttempt is not null && lastAttempt.Outcome != WeightsOutcome.Set)
            o.WriteLine(string.Create(inv, $"         last attempt {lastAttempt.At:u}: {lastAttempt.Outcome} — {lastAttempt.Message}"));
        if (miners.Count == 0)
        {
            o.WriteLine("no miners yet");
            return;
        }
        o.WriteLine();
        o.WriteLine("  uid  hotkey            window  fid. EMA   rating  cooldown until        last accepted         reward  weight");
        foreach (var m in miners)
        {
            o.WriteLine(string.Create(inv,
                $"{m.Uid,5}  {Short(m.Hotkey),-16}  {m.Observations.Count,6}  {m.FidelityScore,8:F3}  {m.Rating.Rating,7:F1}  {Time(m.CooldownUntil),-20}  {Time(m.LastSubmitTime),-20}  {rewards[m.Uid],6:F0}  {100 * shareByUid.GetValueOrDefault(m.Uid),5:F1} %"));
        }
    }

    private static JsonObject AttemptJson(WeightsAttempt a) => new()
    {
        ["at"] = a.At.ToString("O", CultureInfo.InvariantCulture),
        ["outcome"] = a.Outcome.ToString(),
        ["block"] = a.Block,
        ["uids"] = new JsonArray(a.Uids.Select(u => (JsonNode)u).ToArray()),
        ["values"] = new JsonArray(a.Values.Select(v => (JsonNode)v).ToArray()),
        ["committed"] = a.Committed,
        ["message"] = a.Message,
    };

    private static string Short(string hotkey) => hotkey.Length <= 16 ? hotkey : hotkey[..7] + "…" + hotkey[^7..];

    private static string Time(double unixSeconds) => unixSeconds <= 0
        ? "-"
        : DateTimeOffset.FromUnixTimeMilliseconds((long)(unixSeconds * 1000)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
