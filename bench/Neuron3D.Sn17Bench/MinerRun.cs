using System.Diagnostics;
using System.Globalization;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Generation.Backends;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Miner.Generators;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Subnet17.Validator.Tasks;

namespace Neuron3D.Sn17Bench;

/// <summary>
/// <c>miner DIR SECONDS</c>: our miner (one worker, the built-in procedural generator, default self-check) against our
/// validator (structural scorer, throttle, cooldowns, penalty and validation lock 0) on a real Kestrel axon on
/// 127.0.0.1, both in this process. Every task cycle is split by instrumentation: pull (cycle start → generation
/// start), generation, the validator's SubmitResults handler (its own stopwatch, reported with each submission:
/// license check, base64 decode, scoring, state) and the rest after generation (self-check, SPZ, SHA-256, base64,
/// license signature, submit round trip, journal). The handler's time is the validator's work, not the miner's, so the
/// overhead leaves it out. Writes DIR/miner-cycles.tsv and DIR/miner-run.tsv.
/// </summary>
internal static class MinerRun
{
    /// <summary>Cycles run before timing starts (JIT, connection pool, SQLite caches).</summary>
    private const int WarmUpCycles = 2;

    public static async Task RunAsync(string dir, double seconds)
    {
        var validatorKey = Sr25519Keypair.FromUri("//Bob");
        var minerKey = Sr25519Keypair.FromUri("//Alice");
        var validatorRow = new NeuronView(0, validatorKey.Ss58Address, 5000, true, "127.0.0.1", 0);
        var minerRow = new NeuronView(1, minerKey.Ss58Address, 0, false);

        using var store = new ValidatorStateStore(Path.Combine(dir, "validator.db"));
        var validator = new ValidatorNeuron(validatorKey, new FixedMetagraph([validatorRow, minerRow]), PromptTaskSource.Bundled(seed: 17),
            new StructuralScorer(), store, new ValidatorOptions { Rules = Rules.Unthrottled });
        var handler = new HandlerTime();
        validator.Submission += handler.Add;
        await validator.SyncAsync(CancellationToken.None);
        await using var axon = validator.CreateAxon(new AxonOptions { BindIp = "127.0.0.1", Port = 0, RateLimitPerHotkey = 0 });
        await axon.StartAsync();

        using var journal = new MinerJournal(Path.Combine(dir, "journal.db"));
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(minerKey));
        var miner = new MinerNeuron(dendrite, minerKey, new FixedMetagraph([validatorRow with { AxonPort = axon.Port }, minerRow]), journal,
            new MinerOptions { OwnerHotkey = null, MinValidatorStake = 0 });
        await miner.SyncAsync(CancellationToken.None);
        using var backend = new BackendGenerator(new ProceduralBackend());
        var generator = new TimedGenerator(backend);

        await using var cycles = new StreamWriter(Path.Combine(dir, "miner-cycles.tsv"));
        await cycles.WriteLineAsync("outcome\tcycle_ms\tpull_ms\tgeneration_ms\tafter_generation_ms\tvalidator_handler_ms\toverhead_ms");
        for (var i = 0; i < WarmUpCycles; i++) await CycleAsync(miner, generator, handler);

        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var tasks = 0;
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
        {
            var cycle = await CycleAsync(miner, generator, handler);
            if (cycle is null) continue;
            tasks++;
            await cycles.WriteLineAsync(cycle);
        }
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        await File.WriteAllTextAsync(Path.Combine(dir, "miner-run.tsv"), string.Create(CultureInfo.InvariantCulture,
            $"tasks\twall_seconds\tprocess_cpu_seconds\taccepted_since_start\tworker_errors\n{tasks}\t{wall:F3}\t{cpu:F3}\t{miner.Counters.Accepted}\t{miner.Counters.WorkerErrors}\n"));
    }

    /// <summary>One timed cycle as a TSV row, or null when no task was handed out (the worker found no eligible validator).</summary>
    private static async Task<string?> CycleAsync(MinerNeuron miner, TimedGenerator generator, HandlerTime handler)
    {
        generator.Clear();
        handler.TakeMilliseconds();
        var started = Stopwatch.GetTimestamp();
        var outcome = await miner.RunCycleAsync(generator, CancellationToken.None);
        var ended = Stopwatch.GetTimestamp();
        if (outcome is CycleOutcome.Idle)
        {
            await Task.Delay(1);
            return null;
        }
        var cycleMs = Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds;
        var handlerMs = handler.TakeMilliseconds();
        if (generator.StartedAt == 0) // the task was skipped before generation: all of the cycle is pull and submit
            return Row(outcome, cycleMs, cycleMs, 0, 0, handlerMs);
        return Row(outcome, cycleMs, Stopwatch.GetElapsedTime(started, generator.StartedAt).TotalMilliseconds,
            Stopwatch.GetElapsedTime(generator.StartedAt, generator.EndedAt).TotalMilliseconds,
            Stopwatch.GetElapsedTime(generator.EndedAt, ended).TotalMilliseconds, handlerMs);
    }

    private static string Row(CycleOutcome outcome, double cycleMs, double pullMs, double generationMs, double afterMs, double handlerMs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{outcome}\t{cycleMs:F3}\t{pullMs:F3}\t{generationMs:F3}\t{afterMs:F3}\t{handlerMs:F3}\t{pullMs + afterMs - handlerMs:F3}");
}

/// <summary>Sums the validator's SubmitResults handler time (ms) from its submission records until taken.</summary>
internal sealed class HandlerTime
{
    private readonly Lock _gate = new();
    private double _milliseconds;

    public void Add(SubmissionRecord record)
    {
        lock (_gate) _milliseconds += record.Seconds * 1000;
    }

    public double TakeMilliseconds()
    {
        lock (_gate)
        {
            var taken = _milliseconds;
            _milliseconds = 0;
            return taken;
        }
    }
}

/// <summary>Validator rules for throughput runs: no throttle, cooldown, penalty or validation lock between tasks.</summary>
internal static class Rules
{
    public static ValidatorRules Unthrottled { get; } = new()
    {
        ThrottlePeriod = 0, TaskCooldown = 0, CooldownPenalty = 0, ValidationLockDuration = 0,
    };
}
