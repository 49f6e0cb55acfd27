using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Weights;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Subnet17.Validator.Tasks;

using Neuron3D.Subnet17.Validator.Duels;

namespace Neuron3D.Subnet17.Validator;

/// <summary>Validator behaviour beyond the task rules; defaults follow SN17 (spec sn17-404gen.md §3).</summary>
public sealed record ValidatorOptions
{
    public ValidatorRules Rules { get; init; } = new();
    /// <summary>Reported by GetVersion: the SN17 validator protocol version implemented (VALIDATOR_VERSION 45 at the spec's snapshot).</summary>
    public int Version { get; init; } = 45;
    /// <summary>Reported by GetVersion as <c>validation_version</c> (a JSON string literal, quotes included, as the Python validator relays it).</summary>
    public string ValidationVersion { get; init; } = "\"neuron3d\"";
    /// <summary>GetVersion is answered to the owner and to hotkeys with at least this stake (TAO).</summary>
    public double GetVersionMinStake { get; init; } = 1000;
    /// <summary>The subnet owner's hotkey (always allowed to ask GetVersion).</summary>
    public string? OwnerHotkey { get; init; } = Miner.ValidatorSelector.Sn17OwnerHotkey;
    /// <summary>Largest SubmitResults body accepted (bytes); SN17 assets are a few MB of base64.</summary>
    public long MaxSubmitBodyBytes { get; init; } = 64L << 20;
}

/// <summary>One submission's fate, for logs, status and tests.</summary>
public sealed record SubmissionRecord(int Uid, string TaskId, SubmitStage Stage, SubmitOutcome? Outcome, double Score, string? Notes, double Seconds);

/// <summary>
/// The SN17 validator (spec sn17-404gen.md §3): it hands out tasks over <c>PullTask</c>, judges <c>SubmitResults</c>
/// (license signature, scorer, thresholds, penalties), keeps every miner's state in SQLite, answers <c>GetVersion</c>,
/// and turns rewards into weights. Handlers are thread-safe: one lock per miner around the state machine, the scorer
/// runs outside it (the validation lock keeps one validation per miner).
/// </summary>
public sealed class ValidatorNeuron
{
    private readonly Sr25519Keypair _hotkey;
    private readonly IMetagraphSource _metagraph;
    private readonly ITaskSource _tasks;
    private readonly IFidelityScorer _scorer;
    private readonly ValidatorStateStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly MinerTaskRules _rules;
    private readonly Dictionary<int, MinerRecord> _miners;
    private readonly Lock _metagraphGate = new();
    private Dictionary<string, NeuronView> _byHotkey = [];
    private readonly DuelCoordinator? _duels;

    public ValidatorNeuron(Sr25519Keypair hotkey, IMetagraphSource metagraph, ITaskSource tasks, IFidelityScorer scorer,
        ValidatorStateStore store, ValidatorOptions? options = null, TimeProvider? time = null, ILogger? log = null,
        DuelCoordinator? duels = null)
    {
        _hotkey = hotkey ?? throw new ArgumentNullException(nameof(hotkey));
        _metagraph = metagraph ?? throw new ArgumentNullException(nameof(metagraph));
        _tasks = tasks ?? throw new ArgumentNullException(nameof(tasks));
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        Options = options ?? new ValidatorOptions();
        _time = time ?? TimeProvider.System;
        _log = log ?? NullLogger.Instance;
        _rules = new MinerTaskRules(Options.Rules);
        _miners = _store.LoadAll();
        _duels = duels;
        if (_duels is not null)
        {
            // The duel tables own the ratings (spec §3.6); MinerRecord.Rating mirrors them for rewards and status.
            foreach (var miner in _miners.Values) miner.Rating = _duels.RatingOf(miner.Uid);
            _duels.RatingChanged += OnRatingChanged;
        }
    }

    private void OnRatingChanged(int uid, GlickoRating rating)
    {
        MinerRecord? miner;
        lock (_metagraphGate) miner = _miners.GetValueOrDefault(uid);
        if (miner is null) return;
        lock (miner)
        {
            miner.Rating = rating;
            _store.Save(miner);
        }
    }

    public ValidatorOptions Options { get; }

    /// <summary>Totals since start (pulls, submissions by outcome, scores) for metrics.</summary>
    public ValidatorCounters Counters { get; } = new();

    /// <summary>Our own metagraph row after the last <see cref="SyncAsync"/>; null while our hotkey is not registered.</summary>
    public NeuronView? Self => Lookup(Hotkey);

    /// <summary>Our hotkey (SS58): miners sign license consents for it.</summary>
    public string Hotkey => _hotkey.Ss58Address;

    /// <summary>Raised after every handled submission.</summary>
    public event Action<SubmissionRecord>? Submission;

    private double Now => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>Snapshot copies of every miner's state, by uid.</summary>
    public IReadOnlyList<MinerRecord> Miners
    {
        get { lock (_metagraphGate) return _miners.Values.OrderBy(m => m.Uid).ToList(); }
    }

    /// <summary>Reads the metagraph; a uid whose hotkey changed starts from scratch (spec §3.1).</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var neurons = await _metagraph.ReadNeuronsAsync(cancellationToken).ConfigureAwait(false);
        lock (_metagraphGate)
        {
            _byHotkey = neurons.GroupBy(n => n.Hotkey).ToDictionary(g => g.Key, g => g.First());
            foreach (var neuron in neurons)
            {
                if (!_miners.TryGetValue(neuron.Uid, out var miner))
                {
                    _miners[neuron.Uid] = miner = new MinerRecord(neuron.Uid, neuron.Hotkey);
                    _store.Save(miner);
                }
                else if (miner.Hotkey != neuron.Hotkey)
                {
                    lock (miner)
                    {
                        _log.LogInformation("uid {Uid} changed hotkey {Old} → {New}: its state starts over", neuron.Uid, miner.Hotkey, neuron.Hotkey);
                        miner.ResetForNewHotkey(neuron.Hotkey);
                        _store.Save(miner);
                        _duels?.ResetRating(neuron.Uid);
                    }
                }
            }
        }
    }

    /// <summary>Attaches PullTask, SubmitResults and GetVersion with the spec's blacklists and priorities (§3.8).</summary>
    public AxonServer AttachTo(AxonServer axon)
    {
        ArgumentNullException.ThrowIfNull(axon);
        axon.Attach<PullTask>((pull, info, _) => ValueTask.FromResult(HandlePull(pull, info)), blacklist: AllowAllBlacklist.Instance);
        axon.Attach<SubmitResults>(HandleSubmitAsync, priority: info => Lookup(info.Hotkey)?.Stake ?? 0,
            blacklist: new DelegateBlacklist(RefuseSubmit), maxRequestBodySize: Options.MaxSubmitBodyBytes);
        axon.Attach<GetVersion>((version, _, _) => ValueTask.FromResult(version with { Version = Options.Version, ValidationVersion = Options.ValidationVersion }),
            priority: _ => 10_000_000, blacklist: new DelegateBlacklist(RefuseGetVersion));
        return axon;
    }

    /// <summary>Creates an axon for this validator's hotkey with <paramref name="options"/> and attaches the routes.</summary>
    public AxonServer CreateAxon(AxonOptions options, ILoggerFactory? loggers = null) =>
        AttachTo(new AxonServer(Hotkey, new Sr25519SynapseVerifier(), AllowAllBlacklist.Instance,
            options with { HandlerTimeout = options.HandlerTimeout < TimeSpan.FromSeconds(60) ? TimeSpan.FromSeconds(300) : options.HandlerTimeout },
            loggers));

    private NeuronView? Lookup(string? hotkey)
    {
        if (hotkey is null) return null;
        lock (_metagraphGate) return _byHotkey.GetValueOrDefault(hotkey);
    }

    private MinerRecord? MinerFor(string? hotkey)
    {
        var neuron = Lookup(hotkey);
        if (neuron is null) return null;
        lock (_metagraphGate) return _miners.GetValueOrDefault(neuron.Uid);
    }

    private string? RefuseSubmit(SynapseRequestInfo info)
    {
        var miner = MinerFor(info.Hotkey);
        if (miner is null) return "hotkey is not registered on this subnet";
        lock (miner) return miner.AssignedTask is null ? "no task is assigned to this miner" : null;
    }

    private string? RefuseGetVersion(SynapseRequestInfo info)
    {
        var neuron = Lookup(info.Hotkey);
        if (neuron is null) return "hotkey is not registered on this subnet";
        if (info.Hotkey != Options.OwnerHotkey && neuron.Stake < Options.GetVersionMinStake) return "stake below the GetVersion minimum";
        return null;
    }

    /// <summary>PullTask (spec §3.3).</summary>
    public PullTask HandlePull(PullTask pull, SynapseRequestInfo info)
    {
        var now = Now;
        var miner = MinerFor(info.Hotkey);
        if (miner is null)
        {
            Counters.CountPull(known: false, gotTask: false);
            return pull with { Task = null, CooldownUntil = _rules.UnknownHotkeyCooldownUntil(now) };
        }
        lock (miner)
        {
            // A queued duel task goes before a synthetic one (spec §3.2).
            var answer = _rules.Pull(miner, now, () => _duels?.TryTakeDuelTask(miner.Uid, now) ?? _tasks.Next());
            _store.Save(miner);
            Counters.CountPull(known: true, gotTask: answer.Task is not null);
            if (answer.Task is not null)
                _log.LogDebug("uid {Uid} pulled task {Task}: {Prompt}", miner.Uid, answer.Task.Id, answer.Task.LogId);
            return pull with
            {
                Task = answer.Task,
                ValidationThreshold = answer.ValidationThreshold,
                ThrottlePeriod = answer.ThrottlePeriod,
                CooldownUntil = answer.CooldownUntil,
                CooldownViolations = answer.CooldownViolations,
            };
        }
    }

    /// <summary>SubmitResults (spec §3.4).</summary>
    public async ValueTask<SubmitResults> HandleSubmitAsync(SubmitResults submit, SynapseRequestInfo info, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = Now;
        var miner = MinerFor(info.Hotkey);
        if (miner is null) return submit with { Results = "", Signature = "", CooldownUntil = _rules.UnknownHotkeyCooldownUntil(now) };

        SubmitStage stage;
        Sn17Task? task;
        SubmitResults? answerBeforeDuel = null;
        (Sn17Task Task, AcceptedDuelResult? Result)? pendingDuel = null;
        lock (miner)
        {
            task = miner.AssignedTask;
            var signatureValid = task is not null && task.Id == submit.EffectiveTaskId &&
                LicenseConsent.Verify(submit.Signature, submit.SubmitTime, task.Prompt, Hotkey, miner.Hotkey);
            stage = _rules.BeginSubmit(miner, submit.EffectiveTaskId, signatureValid, submit.Results.Length == 0, now);
            _store.Save(miner);
            if (stage != SubmitStage.Validate)
            {
                var early = Answer(submit, miner, now, new SubmissionRecord(miner.Uid, submit.EffectiveTaskId, stage, null, 0, null, Elapsed(started)));
                if (stage is SubmitStage.BadSignature or SubmitStage.Skipped && task is not null) pendingDuel = (task, null);
                else return early;
                answerBeforeDuel = early;
            }
        }
        if (answerBeforeDuel is not null)
        {
            await ReportDuelResultAsync(miner.Uid, pendingDuel!.Value.Task, null, now, cancellationToken).ConfigureAwait(false);
            return answerBeforeDuel;
        }

        var (report, spz) = await ScoreAsync(task!, submit.Results, cancellationToken).ConfigureAwait(false);
        SubmitResults answer;
        SubmitOutcome outcome;
        lock (miner)
        {
            (outcome, var fidelity) = _rules.CompleteSubmit(miner, report?.Score, Now);
            _store.Save(miner);
            var record = new SubmissionRecord(miner.Uid, task!.Id, stage, outcome, report?.Score ?? 0, report?.Notes, Elapsed(started));
            answer = Answer(submit, miner, Now, record, fidelity, outcome == SubmitOutcome.ValidationFailed);
        }
        // A duel task ended: an accepted result takes part with its preview, any other ending loses (spec §3.6).
        if (outcome != SubmitOutcome.TooSoon)
            await ReportDuelResultAsync(miner.Uid, task, outcome == SubmitOutcome.Accepted && spz is not null
                ? new AcceptedDuelResult(spz, report?.GridPreviewPng) : null, Now, cancellationToken).ConfigureAwait(false);
        return answer;
    }

    private async Task ReportDuelResultAsync(int uid, Sn17Task task, AcceptedDuelResult? accepted, double now, CancellationToken cancellationToken)
    {
        if (_duels is null || !_duels.IsDuelTask(task.Id)) return;
        try
        {
            await _duels.OnResultAsync(uid, task.Id, accepted, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The miner's answer does not depend on duel bookkeeping; a failure there is logged, never sent back.
            _log.LogWarning(e, "uid {Uid} task {Task}: recording the duel result failed", uid, task.Id);
        }
    }

    private async Task<(ScoreReport? Report, byte[]? Spz)> ScoreAsync(Sn17Task task, string resultsBase64, CancellationToken cancellationToken)
    {
        byte[] spz;
        try
        {
            spz = Convert.FromBase64String(resultsBase64);
        }
        catch (FormatException)
        {
            return (new ScoreReport(0, _scorer.Name, Notes: "results are not valid base64"), null);
        }
        var options = new ScoreRequestOptions(GridPreview: _duels?.IsDuelTask(task.Id) == true);
        return (await _scorer.ScoreAsync(task, spz, options, cancellationToken).ConfigureAwait(false), spz);
    }

    private SubmitResults Answer(SubmitResults submit, MinerRecord miner, double now, SubmissionRecord record,
        double fidelity = 0, bool validationFailed = false)
    {
        _log.LogInformation("uid {Uid} task {Task}: {Stage}{Outcome} score {Score:F3}{Notes}", record.Uid, record.TaskId, record.Stage,
            record.Outcome is { } o ? "/" + o : "", record.Score, record.Notes is null ? "" : " — " + record.Notes);
        Counters.CountSubmission(record);
        Submission?.Invoke(record);
        return submit with
        {
            Results = "",
            Signature = "",
            Feedback = _rules.FeedbackFor(miner, now, fidelity, validationFailed),
            CooldownUntil = miner.CooldownUntil,
        };
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalSeconds;

    /// <summary>Every uid's reward now: accepted results in the 4 h window × duel rating (spec §3.7).</summary>
    public double[] Rewards()
    {
        var now = Now;
        lock (_metagraphGate)
        {
            var rewards = new double[_miners.Count == 0 ? 0 : _miners.Keys.Max() + 1];
            foreach (var miner in _miners.Values)
                lock (miner) rewards[miner.Uid] = _rules.Reward(miner, now);
            return rewards;
        }
    }

    /// <summary>The weights to put on chain now: rank curve over rewards, then the SDK's u16 normalisation.</summary>
    public (ushort[] Uids, ushort[] Values) WeightsToSet()
    {
        var (uids, weights) = RankWeights.Compute(Rewards());
        return WeightNormalization.ToEmit(uids.Select(u => (long)u).ToArray(), weights);
    }

    /// <summary>
    /// What <see cref="WeightsPublisher"/> should set now: nothing while our hotkey is unregistered or holds less than
    /// <paramref name="minOwnStake"/> TAO (SN17 only sets weights from 1000 TAO), or when no miner's reward exceeds
    /// <see cref="RankWeights.MinReward"/>; otherwise <see cref="WeightsToSet"/>.
    /// </summary>
    public WeightsProposal ProposeWeights(double minOwnStake)
    {
        if (Self is not { } self) return WeightsProposal.Skip($"our hotkey {Hotkey} is not in the metagraph");
        if (self.Stake < minOwnStake)
            return WeightsProposal.Skip(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"our stake {self.Stake:0.###} TAO is below --neuron.min_stake_to_set_weights {minOwnStake:0.###} TAO"));
        var (uids, values) = WeightsToSet();
        return uids.Length == 0
            ? WeightsProposal.Skip($"no miner has a reward above {RankWeights.MinReward} (accepted results in the 4 h window × duel rating)")
            : new WeightsProposal(uids, values);
    }

    private sealed class DelegateBlacklist(Func<SynapseRequestInfo, string?> refuse) : IAxonBlacklist
    {
        public string? Refuse(SynapseRequestInfo request) => refuse(request);
    }
}
