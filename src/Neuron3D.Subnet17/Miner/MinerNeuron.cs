using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Splats;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Miner;

/// <summary>How one task cycle of a worker ended.</summary>
public enum CycleOutcome
{
    /// <summary>No validator was eligible; the worker waited.</summary>
    Idle,
    /// <summary>The pull failed (transport, status) or the validator gave neither task nor cooldown.</summary>
    ValidatorFailed,
    /// <summary>The validator asked us to wait (cooldown).</summary>
    CoolingDown,
    /// <summary>A result was submitted and feedback came back.</summary>
    Submitted,
    /// <summary>An empty result was submitted (unsupported task, generation failure, failed self-check) and acknowledged.</summary>
    Skipped,
    /// <summary>The submission got no feedback (transport error, blacklisted, unregistered).</summary>
    SubmitFailed,
}

/// <summary>
/// The SN17 miner (spec sn17-404gen.md §2): workers pull tasks from validators chosen by <see cref="ValidatorSelector"/>,
/// generate splats, check them the way validators will, compress them to SPZ, sign the license consent and submit,
/// honouring every cooldown. Everything is journaled; a worker's failure never stops the others.
/// </summary>
public sealed class MinerNeuron
{
    private readonly Dendrite _dendrite;
    private readonly Sr25519Keypair _hotkey;
    private readonly IMetagraphSource _metagraph;
    private readonly MinerJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ValidatorSelector _selector;
    private readonly Lock _selectorGate = new();

    public MinerNeuron(Dendrite dendrite, Sr25519Keypair hotkey, IMetagraphSource metagraph, MinerJournal journal,
        MinerOptions? options = null, TimeProvider? time = null, ILogger? log = null)
    {
        _dendrite = dendrite ?? throw new ArgumentNullException(nameof(dendrite));
        _hotkey = hotkey ?? throw new ArgumentNullException(nameof(hotkey));
        _metagraph = metagraph ?? throw new ArgumentNullException(nameof(metagraph));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        Options = options ?? new MinerOptions();
        _time = time ?? TimeProvider.System;
        _log = log ?? NullLogger.Instance;
        _selector = new ValidatorSelector(Options.MinValidatorStake, Options.OwnerHotkey);
    }

    public MinerOptions Options { get; }

    /// <summary>Counters for /metrics and status lines.</summary>
    public MinerCounters Counters { get; } = new();

    private double Now => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>When <paramref name="validatorUid"/> may be asked again (unix seconds; 0 = any time).</summary>
    public double CooldownOf(int validatorUid)
    {
        lock (_selectorGate) return _selector.CooldownOf(validatorUid);
    }

    /// <summary>Reads the metagraph and checks our hotkey is registered.</summary>
    /// <exception cref="MinerStartupException">The hotkey is not registered on the subnet.</exception>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var neurons = await _metagraph.ReadNeuronsAsync(cancellationToken).ConfigureAwait(false);
        if (!neurons.Any(n => n.Hotkey == _hotkey.Ss58Address))
            throw new MinerStartupException($"hotkey {_hotkey.Ss58Address} is not registered on this subnet; register it first (neuron3d subnet register)");
        lock (_selectorGate) _selector.Update(neurons);
        _log.LogInformation("metagraph synced: {Neurons} neurons, {Validators} eligible validators", neurons.Count,
            neurons.Count(n => n.IsServing && n.Stake >= Options.MinValidatorStake && n.Hotkey != _hotkey.Ss58Address));
    }

    /// <summary>
    /// Runs until <paramref name="stop"/> fires: a metagraph sync loop and one worker per generator. After the stop
    /// signal no new task is pulled; in-flight tasks get <see cref="MinerOptions.ShutdownGrace"/> to finish.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<IMinerGenerator> workers, CancellationToken stop)
    {
        if (workers.Count == 0) throw new ArgumentException("at least one generator is needed", nameof(workers));
        await SyncAsync(stop).ConfigureAwait(false);
        using var abandon = new CancellationTokenSource();
        using var onStop = stop.Register(() => abandon.CancelAfter(Options.ShutdownGrace));

        var tasks = workers.Select((g, i) => WorkerLoopAsync(i, g, stop, abandon.Token)).ToList();
        tasks.Add(SyncLoopAsync(stop));
        await Task.WhenAll(tasks).ConfigureAwait(false);
        _log.LogInformation("miner stopped");
    }

    private async Task SyncLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Options.SyncInterval, _time, stop).ConfigureAwait(false);
                await SyncAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.LogWarning("metagraph sync failed, keeping the previous view: {Error}", e.Message);
            }
        }
    }

    private async Task WorkerLoopAsync(int index, IMinerGenerator generator, CancellationToken stop, CancellationToken abandon)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var outcome = await RunCycleAsync(generator, abandon).ConfigureAwait(false);
                if (outcome is CycleOutcome.Idle)
                    await Task.Delay(Options.IdleDelay, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested || abandon.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A worker's crash must not take the miner down: log, count, back off, go on.
                Counters.WorkerFailed();
                _log.LogError("worker {Worker} ({Generator}) failed: {Error}", index, generator.Name, e.Message);
                try { await Task.Delay(Options.IdleDelay, _time, stop).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>One task cycle of spec §2.3 with <paramref name="generator"/>.</summary>
    public async Task<CycleOutcome> RunCycleAsync(IMinerGenerator generator, CancellationToken cancellationToken)
    {
        NeuronView? validator;
        lock (_selectorGate)
        {
            validator = _selector.Next(Now);
            // Claim it at once so two workers never take the same validator.
            if (validator is not null) _selector.SetCooldown(validator.Uid, Now + Options.FailedValidatorDelay.TotalSeconds);
        }
        if (validator is null) return CycleOutcome.Idle;

        var target = new AxonTarget(validator.AxonIp, validator.AxonPort, validator.Hotkey);
        var pulled = await _dendrite.CallAsync(target, new PullTask(), Options.PullTimeout, cancellationToken).ConfigureAwait(false);
        Counters.Pulled();
        if (pulled.Dendrite.StatusCode != 200)
        {
            _log.LogWarning("validator {Uid} pull failed: {Status} {Message}", validator.Uid, pulled.Dendrite.StatusCode, pulled.Dendrite.StatusMessage);
            return Cooldown(validator, Now + Options.FailedValidatorDelay.TotalSeconds, CycleOutcome.ValidatorFailed);
        }
        if (pulled.Task is null)
        {
            return pulled.CooldownUntil > 0
                ? Cooldown(validator, pulled.CooldownUntil, CycleOutcome.CoolingDown)
                : Cooldown(validator, Now + Options.FailedValidatorDelay.TotalSeconds, CycleOutcome.ValidatorFailed);
        }

        var task = pulled.Task;
        _journal.Pulled(task, validator.Uid, validator.Hotkey, Now);
        _log.LogInformation("task {Task} from validator {Uid}: {Prompt}", task.Id, validator.Uid, task.LogId);

        var (results, skipReason) = await ProduceAsync(generator, task, validator, cancellationToken).ConfigureAwait(false);
        var submitTime = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000L;
        var submit = new SubmitResults
        {
            TaskId = task.Id,
            Results = results,
            SubmitTime = submitTime,
            Signature = LicenseConsent.Sign(_hotkey, submitTime, task.Prompt, validator.Hotkey),
        };
        var answer = await _dendrite.CallAsync(target, submit, Options.SubmitTimeout, cancellationToken).ConfigureAwait(false);
        _journal.Submitted(task.Id, validator.Hotkey, Now, skipReason);

        if (answer.Feedback is null)
        {
            Counters.SubmitFailed();
            _journal.Failed(task.Id, validator.Hotkey, $"no feedback: {answer.Dendrite.StatusCode} {answer.Dendrite.StatusMessage}");
            _log.LogWarning("validator {Uid} gave no feedback for {Task}: {Status} {Message}", validator.Uid, task.Id,
                answer.Dendrite.StatusCode, answer.Dendrite.StatusMessage);
            return Cooldown(validator, Now + Options.FailedValidatorDelay.TotalSeconds, CycleOutcome.SubmitFailed);
        }

        _journal.Scored(task.Id, validator.Hotkey, answer.Feedback);
        var f = answer.Feedback;
        _log.LogInformation(
            "feedback from {Uid} for {Task}: score {Score:F3}, EMA {Ema:F3}, window {Window}, rating {Rating:F1}, reward {Reward:F1}{Failed}",
            validator.Uid, task.Id, f.TaskFidelityScore, f.AverageFidelityScore, f.GenerationsWithinTheWindow,
            f.CurrentDuelRating, f.CurrentMinerReward, f.ValidationFailed ? " (validation failed on the validator)" : "");
        if (skipReason is null) Counters.Submit();
        else Counters.Skip();
        if (f.TaskFidelityScore > 0) Counters.Accept();
        return Cooldown(validator, answer.CooldownUntil, skipReason is null ? CycleOutcome.Submitted : CycleOutcome.Skipped);
    }

    /// <summary>Generates, self-checks and encodes; returns base64 SPZ, or "" with the reason for skipping.</summary>
    private async Task<(string Results, string? SkipReason)> ProduceAsync(IMinerGenerator generator, Sn17Task task, NeuronView validator, CancellationToken cancellationToken)
    {
        if (!generator.Supports(task.Kind))
            return ("", $"{generator.Name} cannot do {task.Kind.ToString().ToLowerInvariant()} tasks");

        SplatCloud cloud;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.GenerationTimeout);
            cloud = await generator.GenerateAsync(task, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Skip(task, $"generation timed out after {Options.GenerationTimeout.TotalSeconds:F0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Skip(task, $"generation failed: {e.Message}");
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Counters.Generated(seconds);

        if (Options.SelfCheck is { } checkOptions)
        {
            var report = SplatChecks.Check(cloud, checkOptions);
            if (!report.Passed)
                return Skip(task, "self-check failed: " + string.Join(", ", report.FailedRules));
        }

        var spz = SpzCodec.Encode(cloud);
        _journal.Generated(task.Id, validator.Hotkey, seconds, Convert.ToHexStringLower(SHA256.HashData(spz)), spz.Length);
        return (Convert.ToBase64String(spz), null);
    }

    private (string, string?) Skip(Sn17Task task, string reason)
    {
        _log.LogWarning("skipping task {Task} with an empty result: {Reason}", task.Id, reason);
        return ("", reason);
    }

    private CycleOutcome Cooldown(NeuronView validator, double until, CycleOutcome outcome)
    {
        lock (_selectorGate) _selector.SetCooldown(validator.Uid, until);
        return outcome;
    }
}

/// <summary>Running totals since start (exported at /metrics); updated by concurrent workers.</summary>
public sealed class MinerCounters
{
    private long _pulls, _submitted, _skipped, _accepted, _submitFailures, _workerErrors, _generationMicros;

    public long Pulls => Interlocked.Read(ref _pulls);
    public long Submitted => Interlocked.Read(ref _submitted);
    public long Skipped => Interlocked.Read(ref _skipped);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long SubmitFailures => Interlocked.Read(ref _submitFailures);
    public long WorkerErrors => Interlocked.Read(ref _workerErrors);
    public double GenerationSeconds => Interlocked.Read(ref _generationMicros) / 1e6;

    internal void Pulled() => Interlocked.Increment(ref _pulls);
    internal void Submit() => Interlocked.Increment(ref _submitted);
    internal void Skip() => Interlocked.Increment(ref _skipped);
    internal void Accept() => Interlocked.Increment(ref _accepted);
    internal void SubmitFailed() => Interlocked.Increment(ref _submitFailures);
    internal void WorkerFailed() => Interlocked.Increment(ref _workerErrors);
    internal void Generated(double seconds) => Interlocked.Add(ref _generationMicros, (long)(seconds * 1e6));
}

/// <summary>The miner cannot start (unregistered hotkey, unreachable chain, missing wallet); the message says what to do.</summary>
public sealed class MinerStartupException(string message) : Exception(message);
