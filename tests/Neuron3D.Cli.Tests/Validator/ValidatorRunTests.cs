using System.Collections.Concurrent;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Neuron3D.Assets.Splats;
using Neuron3D.Bittensor.Axon;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Commands;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Testing;

namespace Neuron3D.Cli.Tests.Validator;

/// <summary>
/// <c>neuron3d validator run</c> in-process: option checks, start-up failures with their exit codes, and full runs
/// with a real Kestrel axon on 127.0.0.1, our miner completing a task over real synapses, /metrics scraped, weights
/// handed to a scripted chain, <c>validator status --json</c> read, and a restart that restores the state.
/// </summary>
public sealed class ValidatorRunTests : IDisposable
{
    private static readonly Sr25519Keypair ValidatorKey = Sr25519Keypair.FromUri("//Bob");
    private static readonly Sr25519Keypair MinerKey = Sr25519Keypair.FromUri("//Alice");

    private readonly TempWallets _wallets = new();
    private readonly ScriptedWeightsChain _weights = new();
    private readonly ConcurrentQueue<AxonInfo> _published = new();
    private NeuronView[] _neurons =
    [
        new(0, ValidatorKey.Ss58Address, 5000, false, ValidatorPermit: true),
        new(1, MinerKey.Ss58Address, 0, false),
    ];

    private static CliResult Invoke(ValidatorHost host, params string[] args)
    {
        var root = new RootCommand();
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(ValidatorCommands.Create(host));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private string StateFolder => _wallets.File("state");

    private string[] RunArgs(params string[] extra) =>
    [
        "validator", "run", .. _wallets.Args("validator"), "--neuron.full_path", StateFolder,
        .. extra.Contains("--subtensor.chain_endpoint") ? [] : new[] { "--subtensor.chain_endpoint", "ws://127.0.0.1:9" },
        "--axon.ip", "127.0.0.1", "--axon.port", "0", .. extra,
    ];

    private void CreateValidatorWallet() => new Wallet("validator", "default", _wallets.Root).RegenerateHotkey(KeySource.FromUri("//Bob"));

    private ValidatorHost HostWith(CancellationToken stop = default, Action<int>? axonStarted = null, Action<int>? metricsStarted = null,
        Func<ILoggerFactory>? loggers = null) => new()
    {
        ConnectChain = (_, _, _, _) => Task.FromResult(new ValidatorChain(new LiveMetagraph(() => _neurons), _weights,
            (axon, _) => { _published.Enqueue(axon); return Task.CompletedTask; }, NoDispose.Instance)),
        Stop = stop,
        Loggers = loggers ?? (() => NullLoggerFactory.Instance),
        AxonStarted = axonStarted,
        MetricsStarted = metricsStarted,
    };

    [Fact]
    public void Help_lists_the_flags_and_the_exit_codes()
    {
        var help = CliRun.Expect(0, "validator", "run", "--help").Out;
        foreach (var flag in new[]
                 {
                     "--wallet.name", "--wallet.hotkey", "--wallet.path", "--subtensor.network", "--subtensor.chain_endpoint", "--netuid",
                     "--axon.port", "--axon.ip", "--axon.external_ip", "--axon.external_port", "--neuron.full_path", "--neuron.sync_interval",
                     "--neuron.weights_interval_blocks", "--neuron.weights_interval_seconds", "--neuron.min_stake_to_set_weights",
                     "--neuron.disable_set_weights", "--tasks.prompts", "--validation.endpoint", "--validation.clip_model", "--generation.throttle_period",
                     "--generation.task_cooldown", "--generation.cooldown_violation_penalty", "--generation.cooldown_violations_threshold",
                     "--generation.cooldown_penalty", "--generation.quality_threshold", "--validation.moving_average_alpha",
                     "--validation.validation_lock_duration", "--metrics.port", "--logging.trace", "--logging.json", "--logging.debug",
                 })
            Assert.Contains(flag, help);
        Assert.Contains("STRUCTURAL ONLY", help);
        Assert.Contains("11 the validator cannot start", help);
        Assert.Contains("--json", CliRun.Expect(0, "validator", "status", "--help").Out);
    }

    [Theory]
    [InlineData("--validation.endpoint", "ftp://127.0.0.1:8094", "not an http:// or https:// address")]
    [InlineData("--subtensor.chain_endpoint", "http://127.0.0.1:9944", "not a ws:// or wss:// address")]
    [InlineData("--netuid", "70000", "not a subnet id")]
    [InlineData("--tasks.prompts", "/no/such/prompts.txt", "no file at")]
    [InlineData("--generation.quality_threshold", "1.5", "within 0–1")]
    [InlineData("--validation.moving_average_alpha", "0", "within (0, 1]")]
    [InlineData("--generation.task_cooldown", "-1", "--generation.task_cooldown must be 0 or more")]
    [InlineData("--neuron.sync_interval", "0", "positive number of seconds")]
    [InlineData("--axon.external_ip", "not-an-ip", "not an IP address")]
    [InlineData("--neuron.owner_hotkey", "nobody", "not an SS58 address")]
    [InlineData("--metrics.port", "70000", "not a TCP port")]
    public void Bad_option_values_are_refused_with_exit_code_2(string option, string value, string message)
    {
        var result = Invoke(HostWith(), RunArgs(option, value));
        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Validation_service_and_clip_model_are_one_or_the_other()
    {
        var result = Invoke(HostWith(), RunArgs("--validation.endpoint", "http://127.0.0.1:8094", "--validation.clip_model", _wallets.Root));
        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("not both", result.Error);
    }

    [Fact]
    public void An_unusable_clip_model_folder_is_bad_input_naming_the_file()
    {
        CreateValidatorWallet();
        var folder = _wallets.File("no-model");
        Directory.CreateDirectory(folder);
        var result = Invoke(HostWith(), RunArgs("--validation.clip_model", folder));
        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains("--validation.clip_model: " + folder, result.Error);
    }

    [Fact]
    public void Missing_wallet_stops_before_anything_with_exit_code_5()
    {
        var result = Invoke(HostWith(), RunArgs());
        Assert.True(result.ExitCode == ExitCodes.KeyfileNotFound, result.ToString());
        Assert.Contains(Path.Combine(_wallets.Root, "validator", "hotkeys", "default"), result.Error);
    }

    [Fact]
    public void Unregistered_hotkey_is_a_clear_start_up_failure()
    {
        CreateValidatorWallet();
        _neurons = [new(0, MinerKey.Ss58Address, 0, false)];
        var result = Invoke(HostWith(), RunArgs("--netuid", "3"));
        Assert.True(result.ExitCode == NeuronRunner.CannotStartExitCode, result.ToString());
        Assert.Contains($"hotkey {ValidatorKey.Ss58Address} is not registered on netuid 3", result.Error);
    }

    [Fact]
    public void Unreachable_chain_is_a_clear_start_up_failure()
    {
        CreateValidatorWallet();
        var result = Invoke(ValidatorHost.Default with { Loggers = () => NullLoggerFactory.Instance }, RunArgs());
        Assert.True(result.ExitCode == NeuronRunner.CannotStartExitCode, result.ToString());
        Assert.Contains("cannot reach the chain at ws://127.0.0.1:9", result.Error);
    }

    [Fact]
    public void Status_without_state_names_the_missing_file()
    {
        var result = CliRun.Invoke("validator", "status", "--neuron.full_path", StateFolder);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(Path.Combine(StateFolder, ValidatorCommands.StateFileName), result.Error);
    }

    [Fact]
    public async Task Run_scores_a_miner_serves_metrics_sets_weights_reports_status_and_restores_state_after_a_restart()
    {
        CreateValidatorWallet();
        var logs = new ListLoggerProvider();

        // First run: a miner completes one task; weights follow.
        var first = await StartAsync(logs, "--axon.external_ip", "10.1.2.3", "--axon.external_port", "8091");
        var miner = await MineOneTaskAsync(first.AxonPort);
        Assert.Equal(CycleOutcome.Submitted, miner);
        await WaitForAsync(() => !_weights.Sets.IsEmpty, "weights were never set");
        var sent = Assert.Single(_weights.Sets);
        Assert.Equal(new ushort[] { 1 }, sent.Uids);
        Assert.Equal(new ushort[] { 65535 }, sent.Values);
        Assert.Equal(AxonInfo.Create("10.1.2.3", 8091), Assert.Single(_published));

        var samples = await ScrapeAsync(first.MetricsPort);
        Assert.Equal(1, samples.Value("neuron3d_validator_submissions_total", ("outcome", "accepted")));
        Assert.Equal(1, samples.Value("neuron3d_validator_pulls_total", ("result", "task")));
        Assert.Equal(1, samples.Value("neuron3d_validator_scores_bucket", ("le", "1")));
        Assert.Equal(1, samples.Value("neuron3d_validator_weights_sets_total", ("result", "set")));
        Assert.Equal((double)_weights.Blocks.First(), samples.Value("neuron3d_validator_last_weights_block"));
        Assert.StartsWith("structural only", Assert.Single(samples, s => s.Name == "neuron3d_validator_info").Labels["scorer"]);

        var status = CliRun.Expect(0, "validator", "status", "--neuron.full_path", StateFolder, "--json").Json;
        Assert.True(status["structuralOnly"]!.GetValue<bool>());
        var minerRow = status["miners"]!.AsArray().Single(m => m!["uid"]!.GetValue<int>() == 1)!;
        Assert.Equal(MinerKey.Ss58Address, minerRow["hotkey"]!.GetValue<string>());
        Assert.Equal(1, minerRow["observations"]!.GetValue<int>());
        Assert.Equal(1500.0, minerRow["reward"]!.GetValue<double>());
        Assert.Equal(1.0, minerRow["weightShare"]!.GetValue<double>());
        Assert.True(minerRow["cooldownUntil"]!.GetValue<long>() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("Set", status["lastWeightsSet"]!["outcome"]!.GetValue<string>());
        Assert.Equal(1, status["lastWeightsSet"]!["uids"]![0]!.GetValue<int>());

        var text = CliRun.Expect(0, "validator", "status", "--neuron.full_path", StateFolder).Out;
        Assert.Contains("scorer: structural only", text);
        Assert.Contains("weights: last set in block", text);

        Assert.Equal(0, (await first.StopAsync()).ExitCode);
        Assert.Contains(logs.Lines, l => l.Contains("STRUCTURAL ONLY", StringComparison.Ordinal));

        // Second run on the same state: the accepted result, the cooldown and the last weights set are back.
        _weights.Blocks.Clear();
        var second = await StartAsync(logs);
        var restored = await ScrapeAsync(second.MetricsPort);
        Assert.Equal(1, restored.Value("neuron3d_validator_miner_window_results", ("uid", "1")));
        Assert.Equal(1500, restored.Value("neuron3d_validator_miner_reward", ("uid", "1")));
        Assert.Equal(0, restored.Value("neuron3d_validator_pulls_total", ("result", "task")));
        using (var dendrite = new Dendrite(new Sr25519SynapseSigner(MinerKey)))
        {
            var pull = await dendrite.CallAsync(new AxonTarget("127.0.0.1", second.AxonPort, ValidatorKey.Ss58Address), new PullTask(), TimeSpan.FromSeconds(30));
            Assert.Null(pull.Task); // still cooling down from the first run's task
            Assert.Equal(minerRow["cooldownUntil"]!.GetValue<long>(), pull.CooldownUntil);
        }
        Assert.Equal(0, (await second.StopAsync()).ExitCode);
        Assert.Contains(logs.Lines, l => l.Contains("restored 2 miner record(s) with 1 accepted result(s)", StringComparison.Ordinal));
        Assert.Single(_published); // the second run was not asked to publish
    }

    private sealed record RunningValidator(Task<CliResult> Run, CancellationTokenSource Stop, int AxonPort, int MetricsPort)
    {
        public async Task<CliResult> StopAsync()
        {
            await Stop.CancelAsync();
            var result = await Run.WaitAsync(TimeSpan.FromSeconds(30));
            Stop.Dispose();
            return result;
        }
    }

    private async Task<RunningValidator> StartAsync(ListLoggerProvider logs, params string[] extra)
    {
        var stop = new CancellationTokenSource();
        var axonPort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var metricsPort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = HostWith(stop.Token, axonPort.SetResult, metricsPort.SetResult, () => LoggerFactory.Create(b => b.AddProvider(logs)));
        var run = Task.Run(() => Invoke(host, RunArgs(["--metrics.port", "0", "--neuron.sync_interval", "0.2",
            "--neuron.weights_interval_blocks", "1000", "--neuron.min_stake_to_set_weights", "1000", .. extra])));
        var started = await Task.WhenAny(metricsPort.Task, run).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(started != run, "the validator stopped at start-up: " + (run.IsCompleted ? run.Result.ToString() : ""));
        var port = await axonPort.Task;
        _neurons[0] = _neurons[0] with { IsServing = true, AxonIp = "127.0.0.1", AxonPort = port };
        return new RunningValidator(run, stop, port, await metricsPort.Task);
    }

    private async Task<CycleOutcome> MineOneTaskAsync(int validatorPort)
    {
        Assert.Equal(validatorPort, _neurons[0].AxonPort);
        using var journal = new MinerJournal(_wallets.File("miner-journal.db"));
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(MinerKey));
        var miner = new MinerNeuron(dendrite, MinerKey, new LiveMetagraph(() => _neurons), journal, new MinerOptions { OwnerHotkey = null });
        await miner.SyncAsync(CancellationToken.None);
        var outcome = await miner.RunCycleAsync(new LatticeBallGenerator(), CancellationToken.None);
        Assert.True(outcome == CycleOutcome.Submitted, string.Join("; ", journal.Recent(5).Select(e => $"{e.Status}: {e.Note}")));
        return outcome;
    }

    private static async Task<List<PrometheusSample>> ScrapeAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return PrometheusScrape.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/metrics"));
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _wallets.Dispose();
    }

    /// <summary>Reads the current neuron rows on every sync, so tests can publish the validator's port after it binds.</summary>
    private sealed class LiveMetagraph(Func<IReadOnlyList<NeuronView>> neurons) : IMetagraphSource
    {
        public Task<IReadOnlyList<NeuronView>> ReadNeuronsAsync(CancellationToken cancellationToken) => Task.FromResult(neurons());
    }

    /// <summary>A chain without a rate limit whose block advances on every read; it records each weights set.</summary>
    private sealed class ScriptedWeightsChain : IWeightsChain
    {
        private ulong _block = 10_000;
        public ConcurrentQueue<(ushort[] Uids, ushort[] Values)> Sets { get; } = new();
        public ConcurrentQueue<ulong> Blocks { get; } = new();

        public Task<WeightsWindow> ReadWindowAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new WeightsWindow(Interlocked.Increment(ref _block), Blocks.LastOrDefault(), 0));

        public Task<WeightsReceipt> SetWeightsAsync(IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, CancellationToken cancellationToken)
        {
            var block = Interlocked.Increment(ref _block);
            Sets.Enqueue(([.. uids], [.. values]));
            Blocks.Enqueue(block);
            return Task.FromResult(new WeightsReceipt(block, false, [.. uids], [.. values], "scripted"));
        }

        public Task<WeightsReceipt> RevealPendingAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("commit-reveal is off on this scripted chain");
    }

    /// <summary>8,000-odd opaque splats on a cubic lattice inside a ball: one solid object that passes SN17's gates and the mesh checks.</summary>
    internal sealed class LatticeBallGenerator : IMinerGenerator
    {
        public string Name => "lattice-ball";
        public bool Supports(TaskKind kind) => kind == TaskKind.Text;

        public Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken)
        {
            const float Radius = 0.3f, Step = 0.024f;
            var points = new List<(float X, float Y, float Z)>();
            for (var x = -Radius; x <= Radius; x += Step)
                for (var y = -Radius; y <= Radius; y += Step)
                    for (var z = -Radius; z <= Radius; z += Step)
                        if (x * x + y * y + z * z <= Radius * Radius) points.Add((x, y, z));
            var cloud = new SplatCloud(points.Count, 0);
            for (var i = 0; i < points.Count; i++)
            {
                (cloud.Positions[3 * i], cloud.Positions[3 * i + 1], cloud.Positions[3 * i + 2]) = points[i];
                cloud.LogScales[3 * i] = cloud.LogScales[3 * i + 1] = cloud.LogScales[3 * i + 2] = -4f;
                cloud.ShDc[3 * i] = 0.8f;
                cloud.ShDc[3 * i + 1] = 0.4f;
                cloud.ShDc[3 * i + 2] = 0.2f;
                // SN17 rejects assets whose splats all keep the identity rotation.
                cloud.Rotations[4 * i] = 0.9f;
                cloud.Rotations[4 * i + 1 + i % 3] = 0.05f * (1 + i % 5);
                cloud.OpacityLogits[i] = 2f;
            }
            return Task.FromResult(cloud);
        }
    }

    /// <summary>Collects every log line of the run (category and message).</summary>
    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception));
        }
    }
}
