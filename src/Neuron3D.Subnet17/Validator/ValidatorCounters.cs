namespace Neuron3D.Subnet17.Validator;

/// <summary>
/// Running totals of a validator since it started, for <c>/metrics</c>: pulls, submissions by how they ended, and a
/// histogram of the scores of validated submissions. Thread-safe; readers get consistent-enough snapshots (each
/// number is read atomically).
/// </summary>
public sealed class ValidatorCounters
{
    /// <summary>Upper bounds of the score histogram's buckets (scores are 0–1; the acceptance threshold is 0.6).</summary>
    public static IReadOnlyList<double> ScoreBuckets { get; } = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    private readonly long[] _scoreBuckets = new long[ScoreBuckets.Count + 1];
    private readonly Dictionary<string, long> _submissions = [];
    private readonly Lock _gate = new();
    private long _pulls;
    private long _tasksHandedOut;
    private long _cooldownPulls;
    private long _unknownPulls;
    private double _scoreSum;
    private long _scoreCount;

    /// <summary>PullTask calls answered.</summary>
    public long Pulls => Interlocked.Read(ref _pulls);
    /// <summary>Pulls answered with a task (new or already assigned).</summary>
    public long TasksHandedOut => Interlocked.Read(ref _tasksHandedOut);
    /// <summary>Pulls refused because the miner was cooling down (each one a cooldown violation).</summary>
    public long CooldownPulls => Interlocked.Read(ref _cooldownPulls);
    /// <summary>Pulls from hotkeys not in the metagraph.</summary>
    public long UnknownPulls => Interlocked.Read(ref _unknownPulls);

    /// <summary>Counts one pull: <paramref name="known"/> = the hotkey is a subnet neuron, <paramref name="gotTask"/> = a task was handed out.</summary>
    public void CountPull(bool known, bool gotTask)
    {
        Interlocked.Increment(ref _pulls);
        if (!known) Interlocked.Increment(ref _unknownPulls);
        else if (gotTask) Interlocked.Increment(ref _tasksHandedOut);
        else Interlocked.Increment(ref _cooldownPulls);
    }

    /// <summary>Counts one handled submission under its outcome label (see <see cref="OutcomeLabel"/>); validated ones add their score to the histogram.</summary>
    public void CountSubmission(SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var label = OutcomeLabel(record);
        lock (_gate)
        {
            _submissions[label] = _submissions.GetValueOrDefault(label) + 1;
            if (record.Outcome is null or SubmitOutcome.ValidationFailed) return;
            var bucket = 0;
            while (bucket < ScoreBuckets.Count && record.Score > ScoreBuckets[bucket]) bucket++;
            _scoreBuckets[bucket]++;
            _scoreSum += record.Score;
            _scoreCount++;
        }
    }

    /// <summary>
    /// The metrics label of a submission: the outcome of a validated one (accepted, rejected, too_soon,
    /// validation_failed) or the stage that stopped it earlier (wrong_task, bad_signature, skipped, locked).
    /// </summary>
    public static string OutcomeLabel(SubmissionRecord record) => (record ?? throw new ArgumentNullException(nameof(record))).Outcome switch
    {
        SubmitOutcome.Accepted => "accepted",
        SubmitOutcome.Rejected => "rejected",
        SubmitOutcome.TooSoon => "too_soon",
        SubmitOutcome.ValidationFailed => "validation_failed",
        _ => record.Stage switch
        {
            SubmitStage.WrongTask => "wrong_task",
            SubmitStage.BadSignature => "bad_signature",
            SubmitStage.Skipped => "skipped",
            SubmitStage.Locked => "locked",
            _ => "validating",
        },
    };

    /// <summary>Submissions by outcome label.</summary>
    public IReadOnlyDictionary<string, long> Submissions
    {
        get { lock (_gate) return new Dictionary<string, long>(_submissions); }
    }

    /// <summary>The score histogram: cumulative counts per bucket of <see cref="ScoreBuckets"/> then +Inf, the sum and the count.</summary>
    public (long[] Cumulative, double Sum, long Count) Scores
    {
        get
        {
            lock (_gate)
            {
                var cumulative = new long[_scoreBuckets.Length];
                long running = 0;
                for (var i = 0; i < cumulative.Length; i++) cumulative[i] = running += _scoreBuckets[i];
                return (cumulative, _scoreSum, _scoreCount);
            }
        }
    }
}
