using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Subnet17.Validator.Tasks;

namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>An accepted duel result: the miner's SPZ and, when the scorer made one, its 2×2 grid preview (PNG).</summary>
public sealed record AcceptedDuelResult(ReadOnlyMemory<byte> Spz, byte[]? GridPreviewPng = null);

/// <summary>How a duel ended. <see cref="Outcome"/> is null when it was dropped without a rating change.</summary>
/// <param name="Explanation">The judge's issues, or why no judge was needed, or why the duel was dropped.</param>
/// <param name="Failure">For a duel dropped because the judge failed: how.</param>
public sealed record DuelReport(
    long Nonce, int LeftUid, int RightUid, string TaskLogId, DuelOutcome? Outcome, string Explanation,
    GlickoRating LeftBefore, GlickoRating LeftAfter, GlickoRating RightBefore, GlickoRating RightAfter, JudgeFailure? Failure = null);

/// <summary>What one <see cref="DuelCoordinator.JudgeNextAsync"/> did.</summary>
public enum JudgeStepKind
{
    /// <summary>No duel is waiting for the judge.</summary>
    Idle,
    /// <summary>The last judge call started less than one duel interval ago.</summary>
    RateLimited,
    /// <summary>The decayed peak latency is above the slow threshold: judging is paused.</summary>
    Paused,
    /// <summary>A duel was judged and the ratings updated.</summary>
    Judged,
    /// <summary>The judge gave no verdict; the duel was dropped without a rating change.</summary>
    JudgeFailed,
}

/// <summary>One judging step's result; <see cref="RetryAfter"/> says when another step can do something.</summary>
public sealed record JudgeStep(JudgeStepKind Kind, TimeSpan RetryAfter, DuelReport? Report = null);

/// <summary>Counts for status pages and metrics.</summary>
public sealed record DuelStats(int Open, int Pending, int AwaitingJudge, double PeakLatencySeconds, long LastNonce);

/// <summary>
/// SN17 duels for a validator (spec sn17-404gen.md §3.6), behind the small surface a validator neuron needs:
/// <see cref="TryTakeDuelTask"/> when a miner pulls and needs a new task, <see cref="OnResultAsync"/> when that task's
/// result is accepted or fails, and <see cref="RunAsync"/> to judge finished duels and update Glicko-2 ratings.
/// State (queues, started and awaiting duels, pull times, the nonce, ratings) lives in <see cref="DuelStore"/> and
/// survives restarts. Thread-safe; every state change happens under one lock, judge calls and renders outside it.
/// </summary>
public sealed class DuelCoordinator : IDisposable
{
    private static readonly TimeSpan IdleRecheck = TimeSpan.FromSeconds(1);
    private const double CollectEvery = 60;

    private readonly DuelOptions _options;
    private readonly DuelStore _store;
    private readonly DuelJudge _judge;
    private readonly DuelScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly SpzReadOptions _previewLimits;
    private readonly Dictionary<int, GlickoRating> _ratings;
    private readonly HashSet<long> _judging = [];
    private readonly Lock _gate = new();
    private double _nextJudgeAt;
    private double _nextCollectAt;

    /// <param name="store">Where duel state lives; the coordinator owns and disposes it.</param>
    /// <param name="tasks">Synthetic tasks: each duel attempt draws one (its prompt feeds the pairing hash).</param>
    /// <param name="previewLimits">Decode limits when the coordinator renders a grid itself (default: the structural scorer's).</param>
    public DuelCoordinator(DuelOptions options, DuelStore store, DuelJudge judge, ITaskSource tasks,
        TimeProvider? time = null, ILogger? log = null, SpzReadOptions? previewLimits = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _judge = judge ?? throw new ArgumentNullException(nameof(judge));
        ArgumentNullException.ThrowIfNull(tasks);
        _time = time ?? TimeProvider.System;
        _log = log ?? NullLogger.Instance;
        _previewLimits = previewLimits ?? StructuralScorer.DefaultLimits;

        _scheduler = new DuelScheduler(options, tasks, Now);
        var state = _store.Load();
        _scheduler.Restore(state.LastPulls, state.LastNonce, state.Duels);
        _ratings = state.Ratings;
        _log.LogInformation("duels: judge {Endpoint}, start at {Start:F0}, restored {Open} open duels ({Awaiting} awaiting the judge)",
            judge.CompletionsUrl, _scheduler.StartsAt, state.Duels.Count, _scheduler.AwaitingJudgeCount);
    }

    /// <summary>
    /// The coordinator for <paramref name="options"/>, or null when no judge endpoint is configured (duels off: the
    /// validator then hands out synthetic tasks only and ratings stay at their defaults).
    /// </summary>
    /// <param name="statePath">The validator's SQLite state file (shared with <see cref="ValidatorStateStore"/>).</param>
    /// <param name="http">Shared client with an infinite timeout (the judge timeout applies per call).</param>
    public static DuelCoordinator? Open(DuelOptions options, string statePath, ITaskSource tasks, HttpClient http,
        TimeProvider? time = null, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.JudgeEndpoint is null) return null;
        var judge = new DuelJudge(http, options);
        var store = new DuelStore(statePath);
        try
        {
            return new DuelCoordinator(options, store, judge, tasks, time, log);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Raised (outside the lock) whenever a uid's rating changes: duels and resets.</summary>
    public event Action<int, GlickoRating>? RatingChanged;

    /// <summary>Raised when a duel ends: judged, decided without the judge, dropped or abandoned.</summary>
    public event Action<DuelReport>? Finished;

    /// <summary>Decayed peak latency of the judge (and of validations reported through <see cref="ObserveValidationSeconds"/>).</summary>
    public PeakLatency Latency { get; } = new();

    private double Now => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>Counts of open, pending and awaiting duels.</summary>
    public DuelStats Stats
    {
        get
        {
            lock (_gate)
                return new DuelStats(_scheduler.OpenDuels.Count(), _scheduler.PendingCount, _scheduler.AwaitingJudgeCount, Latency.Seconds, _scheduler.LastNonce);
        }
    }

    /// <summary>The uid's duel rating (SN17's 1500 / 350 / 0.5 until its first duel).</summary>
    public GlickoRating RatingOf(int uid)
    {
        lock (_gate) return _ratings.GetValueOrDefault(uid, GlickoRating.Initial);
    }

    /// <summary>A new hotkey took <paramref name="uid"/>: its rating starts over (spec §3.6).</summary>
    public void ResetRating(int uid)
    {
        lock (_gate)
        {
            _ratings[uid] = GlickoRating.Initial;
            _store.SaveRating(uid, GlickoRating.Initial);
        }
        RatingChanged?.Invoke(uid, GlickoRating.Initial);
    }

    /// <summary>Feeds a validation-service call's latency (seconds) into the pause rule, as SN17 does.</summary>
    public void ObserveValidationSeconds(double seconds) => Latency.Observe(seconds);

    /// <summary>
    /// A miner that needs a new task pulls (spec §3.2: duel before synthetic). Notes the pull, maybe makes one duel,
    /// and returns the miner's oldest queued duel task — or null, and the miner gets a synthetic task.
    /// </summary>
    /// <param name="now">Unix seconds.</param>
    public Sn17Task? TryTakeDuelTask(int uid, double now)
    {
        List<DuelReport> abandoned;
        DuelTake take;
        lock (_gate)
        {
            abandoned = CollectAbandoned(now);
            take = _scheduler.Take(uid, now);
            _store.SavePull(uid, now, _scheduler.LastNonce, take);
        }
        foreach (var report in abandoned) Report(report);
        if (take.Created is { } created) _log.LogDebug("duel created: {Duel}", created);
        if (take.Taken is { } taken) _log.LogDebug("[{Uid}] received {Duel}", uid, taken);
        return take.Task;
    }

    /// <summary>True when <paramref name="taskId"/> is a started duel's task (the validator then asks its scorer for a grid preview).</summary>
    public bool IsDuelTask(string taskId)
    {
        lock (_gate) return _scheduler.ByTaskId(taskId) is not null;
    }

    /// <summary>
    /// The result of a miner's task: <paramref name="accepted"/> for an accepted result, null when it failed (bad
    /// signature, low score, skipped, unreadable). Returns false when the task is not one of this miner's open duels.
    /// When the scorer gave no grid preview, one is rendered from the SPZ on a worker thread. Deciding results (one or
    /// both missing) update ratings at once; otherwise the duel waits for the judge once both are in.
    /// </summary>
    /// <param name="now">Unix seconds.</param>
    public async Task<bool> OnResultAsync(int uid, string taskId, AcceptedDuelResult? accepted, double now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        Duel? duel;
        lock (_gate)
        {
            duel = _scheduler.ByTaskId(taskId);
            if (duel?.SideOf(uid) is not { Started: true, Finished: false }) return false;
        }

        byte[]? preview = null;
        if (accepted is not null)
        {
            try
            {
                preview = accepted.GridPreviewPng ?? await Task.Run(
                    () => DuelPreview.RenderGridPng(accepted.Spz.Span, _options.PreviewViewSize, _previewLimits, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AssetFormatException e)
            {
                // The scorer accepted what we cannot render: our fault, not the miners' — no rating may move.
                Drop(duel, $"grid preview of [{uid}]'s accepted result could not be rendered: {e.Message}");
                return true;
            }
        }

        DuelReport? decided = null;
        lock (_gate)
        {
            var update = _scheduler.Finish(uid, taskId, preview, now);
            if (update is not { } u) return false;
            if (u.DecidedWithoutJudge is { } outcome)
            {
                var why = outcome == DuelOutcome.Draw ? "neither miner delivered an accepted result" : "one miner delivered no accepted result";
                decided = Apply(u.Duel, outcome, why);
            }
            else
            {
                _store.SaveResult(u.Duel, u.Duel.SideOf(uid)!);
            }
        }
        _log.LogDebug("[{Uid}] finished {Duel} {How}", uid, duel, preview is null ? "without a result" : "with a preview");
        if (decided is not null) Report(decided);
        return true;
    }

    /// <summary>
    /// One judging step: takes the oldest duel awaiting the judge, unless judging must wait — the last call started
    /// less than 60 / duels_per_minute seconds ago, or the decayed peak latency is above the slow threshold. A paused
    /// step counts as a zero-second call for the decay, so one slow answer pauses duels for a while, not forever.
    /// </summary>
    public async Task<JudgeStep> JudgeNextAsync(CancellationToken cancellationToken)
    {
        Duel? duel;
        var now = Now;
        lock (_gate)
        {
            duel = _scheduler.NextToJudge(d => _judging.Contains(d.Nonce));
            if (duel is null) return new JudgeStep(JudgeStepKind.Idle, IdleRecheck);
            if (now < _nextJudgeAt) return new JudgeStep(JudgeStepKind.RateLimited, TimeSpan.FromSeconds(_nextJudgeAt - now));
            if (Latency.Seconds > _options.SlowLatencyThreshold)
            {
                Latency.Observe(0);
                return new JudgeStep(JudgeStepKind.Paused, _options.PauseRecheck);
            }
            _nextJudgeAt = now + _options.JudgeInterval;
            _judging.Add(duel.Nonce);
        }

        try
        {
            var started = _time.GetUtcNow();
            JudgeVerdict verdict;
            try
            {
                verdict = await _judge.JudgeAsync(duel.Task, duel.Left.PreviewPng!, duel.Right.PreviewPng!, duel.Nonce, cancellationToken).ConfigureAwait(false);
            }
            catch (DuelJudgeException e)
            {
                Latency.Observe((_time.GetUtcNow() - started).TotalSeconds);
                // SN17 logs "duel failed (validator error)" and drops the duel: a draw would shrink both deviations and
                // pull the ratings together for a fault of neither miner, and a retry could repeat a judge outage.
                var dropped = Drop(duel, e.Message, e.Failure);
                return new JudgeStep(JudgeStepKind.JudgeFailed, TimeSpan.Zero, dropped);
            }
            Latency.Observe((_time.GetUtcNow() - started).TotalSeconds);

            DuelReport report;
            lock (_gate) report = Apply(duel, verdict.Outcome, verdict.Issues);
            Report(report);
            return new JudgeStep(JudgeStepKind.Judged, TimeSpan.Zero, report);
        }
        finally
        {
            lock (_gate) _judging.Remove(duel.Nonce);
        }
    }

    /// <summary>Judges duels until <paramref name="cancellationToken"/> fires, waiting as each step says.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var step = await JudgeNextAsync(cancellationToken).ConfigureAwait(false);
                if (step.RetryAfter > TimeSpan.Zero) await Task.Delay(step.RetryAfter, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    // Under _gate: rates the duel from both sides' pre-game ratings and removes it, in one store transaction.
    private DuelReport Apply(Duel duel, DuelOutcome outcome, string explanation)
    {
        var leftBefore = _ratings.GetValueOrDefault(duel.Left.Uid, GlickoRating.Initial);
        var rightBefore = _ratings.GetValueOrDefault(duel.Right.Uid, GlickoRating.Initial);
        var (leftAfter, rightAfter) = Glicko2.RateDuel(leftBefore, rightBefore, outcome);
        _store.Resolve([duel], [(duel.Left.Uid, leftAfter), (duel.Right.Uid, rightAfter)]);
        _scheduler.Resolve(duel);
        _ratings[duel.Left.Uid] = leftAfter;
        _ratings[duel.Right.Uid] = rightAfter;
        return new DuelReport(duel.Nonce, duel.Left.Uid, duel.Right.Uid, duel.Task.LogId, outcome, explanation,
            leftBefore, leftAfter, rightBefore, rightAfter);
    }

    private DuelReport Drop(Duel duel, string reason, JudgeFailure? failure = null)
    {
        DuelReport report;
        lock (_gate)
        {
            report = Unrated(duel, reason, failure);
            if (!_scheduler.IsOpen(duel)) return report; // already ended another way
            _store.Resolve([duel], []);
            _scheduler.Resolve(duel);
        }
        _log.LogWarning("{Duel} dropped without rating change: {Reason}", duel, reason);
        Report(report);
        return report;
    }

    private List<DuelReport> CollectAbandoned(double now)
    {
        if (now < _nextCollectAt) return [];
        _nextCollectAt = now + CollectEvery;
        var abandoned = _scheduler.CollectAbandoned(now);
        if (abandoned.Count == 0) return [];
        _store.Resolve(abandoned, []);
        return abandoned.Select(d => Unrated(d, $"abandoned: untouched for {_options.AbandonAfter:F0} s", null)).ToList();
    }

    private DuelReport Unrated(Duel duel, string reason, JudgeFailure? failure)
    {
        var left = _ratings.GetValueOrDefault(duel.Left.Uid, GlickoRating.Initial);
        var right = _ratings.GetValueOrDefault(duel.Right.Uid, GlickoRating.Initial);
        return new DuelReport(duel.Nonce, duel.Left.Uid, duel.Right.Uid, duel.Task.LogId, null, reason, left, left, right, right, failure);
    }

    private void Report(DuelReport report)
    {
        if (report.Outcome is { } outcome)
        {
            _log.LogInformation("duel {Nonce} [{Left}] vs [{Right}]: {Outcome}; ratings {LeftBefore:F1} → {LeftAfter:F1}, {RightBefore:F1} → {RightAfter:F1} ({Why})",
                report.Nonce, report.LeftUid, report.RightUid, outcome, report.LeftBefore.Rating, report.LeftAfter.Rating,
                report.RightBefore.Rating, report.RightAfter.Rating, report.Explanation);
            RatingChanged?.Invoke(report.LeftUid, report.LeftAfter);
            RatingChanged?.Invoke(report.RightUid, report.RightAfter);
        }
        Finished?.Invoke(report);
    }

    public void Dispose() => _store.Dispose();
}
