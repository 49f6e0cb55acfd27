using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator.Tasks;

namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>What one pull did to the duel state: the duel made (if any), the duel handed out (if any).</summary>
public readonly record struct DuelTake(Duel? Created, Duel? Taken)
{
    /// <summary>The task to give the pulling miner, or null (it gets a synthetic task).</summary>
    public Sn17Task? Task => Taken?.Task;
}

/// <summary>What a result did: the duel it belonged to, and the outcome when it needs no judge.</summary>
public readonly record struct DuelResultUpdate(Duel Duel, DuelOutcome? DecidedWithoutJudge);

/// <summary>
/// The duel bookkeeping of an SN17 validator (spec sn17-404gen.md §3.6): pull times, the nonce, pairing, per-miner FIFO
/// queues, started duels by task id and the duels awaiting the judge. Clock-free (every call takes <c>now</c>, unix
/// seconds) and not thread-safe: <see cref="DuelCoordinator"/> serialises calls and persists what they return.
/// </summary>
public sealed class DuelScheduler
{
    private readonly DuelOptions _options;
    private readonly ITaskSource _tasks;
    private readonly Dictionary<int, double> _lastPull = [];
    private readonly SortedDictionary<long, Duel> _open = [];
    private readonly Dictionary<int, LinkedList<Duel>> _queues = [];
    private readonly Dictionary<string, Duel> _byTaskId = [];

    /// <param name="startedAt">When the validator started (unix seconds): duels begin <see cref="DuelOptions.StartDelay"/> later.</param>
    public DuelScheduler(DuelOptions options, ITaskSource tasks, double startedAt)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _tasks = tasks ?? throw new ArgumentNullException(nameof(tasks));
        StartsAt = startedAt + options.StartDelay;
    }

    /// <summary>No duel is made or handed out before this time (unix seconds).</summary>
    public double StartsAt { get; }

    /// <summary>The last timestamp_nonce used by a pairing attempt (0 before the first).</summary>
    public long LastNonce { get; private set; }

    /// <summary>Duels not yet pulled by both miners.</summary>
    public int PendingCount { get; private set; }

    /// <summary>Duels with both previews in, waiting for the judge.</summary>
    public int AwaitingJudgeCount { get; private set; }

    /// <summary>Every unresolved duel, oldest first.</summary>
    public IEnumerable<Duel> OpenDuels => _open.Values;

    /// <summary>Unix seconds of every uid's last pull.</summary>
    public IReadOnlyDictionary<int, double> LastPulls => _lastPull;

    /// <summary>The duels still queued for <paramref name="uid"/>, in the order it will get them.</summary>
    public IReadOnlyList<Duel> QueueOf(int uid) => _queues.TryGetValue(uid, out var q) ? q.ToList() : [];

    /// <summary>True while <paramref name="duel"/> is unresolved.</summary>
    public bool IsOpen(Duel duel) => _open.TryGetValue(duel.Nonce, out var open) && ReferenceEquals(open, duel);

    /// <summary>The started, unresolved duel whose task has this id, or null.</summary>
    public Duel? ByTaskId(string taskId) => _byTaskId.GetValueOrDefault(taskId);

    /// <summary>The oldest duel waiting for the judge that <paramref name="skip"/> does not exclude, or null.</summary>
    public Duel? NextToJudge(Func<Duel, bool>? skip = null)
    {
        foreach (var duel in _open.Values)
            if (duel.NeedsJudge && (skip is null || !skip(duel))) return duel;
        return null;
    }

    /// <summary>
    /// A miner asks for its next task: its pull time is noted; after the start delay at most one new duel is made (up
    /// to <see cref="DuelOptions.MaxCreationAttempts"/> pairings, only below <see cref="DuelOptions.MaxOpenDuels"/>), then
    /// the miner's oldest queued duel, if any, is handed out.
    /// </summary>
    public DuelTake Take(int uid, double now)
    {
        _lastPull[uid] = now;
        if (now < StartsAt) return default;

        var created = TryCreate(now);
        if (!_queues.TryGetValue(uid, out var queue) || queue.First is null) return new DuelTake(created, null);

        var duel = queue.First.Value;
        queue.RemoveFirst();
        var side = duel.SideOf(uid)!;
        side.Started = true;
        duel.LastActivity = now;
        _byTaskId[duel.Task.Id] = duel;
        if (duel.BothStarted) PendingCount--;
        return new DuelTake(created, duel);
    }

    private Duel? TryCreate(double now)
    {
        if (PendingCount + AwaitingJudgeCount >= _options.MaxOpenDuels) return null;
        var activeSince = now - _options.InactivityTime;
        for (var attempt = 0; attempt < _options.MaxCreationAttempts; attempt++)
        {
            var nonce = Math.Max((long)now, LastNonce + 1);
            LastNonce = nonce;
            var task = _tasks.Next();
            var (left, right) = DuelPairing.Pair(nonce, task.Prompt);
            if (left == right || !ActiveSince(left, activeSince) || !ActiveSince(right, activeSince)) continue;

            var duel = new Duel(nonce, task, new DuelSide(left), new DuelSide(right), now);
            Add(duel);
            return duel;
        }
        return null;
    }

    private bool ActiveSince(int uid, double since) => _lastPull.TryGetValue(uid, out var at) && at >= since;

    /// <summary>
    /// A miner's result for a duel task: <paramref name="previewPng"/> for an accepted result, null for a failed one.
    /// Returns null when the task is not a started duel of this miner (or its result is already in).
    /// </summary>
    public DuelResultUpdate? Finish(int uid, string taskId, byte[]? previewPng, double now)
    {
        if (!_byTaskId.TryGetValue(taskId, out var duel)) return null;
        var side = duel.SideOf(uid);
        if (side is not { Started: true, Finished: false }) return null;

        side.Finished = true;
        side.PreviewPng = previewPng;
        duel.LastActivity = now;
        if (!duel.BothFinished) return new DuelResultUpdate(duel, null);

        var decided = DuelRules.WithoutJudge(duel.Left.PreviewPng is not null, duel.Right.PreviewPng is not null);
        if (decided is not null) Remove(duel);
        else AwaitingJudgeCount++;
        return new DuelResultUpdate(duel, decided);
    }

    /// <summary>Takes a judged (or dropped) duel out of the books.</summary>
    public void Resolve(Duel duel)
    {
        ArgumentNullException.ThrowIfNull(duel);
        if (IsOpen(duel)) Remove(duel);
    }

    /// <summary>
    /// Recycles duels nobody has touched for <see cref="DuelOptions.AbandonAfter"/> seconds (a miner that left the subnet
    /// would otherwise hold its opponent's duel and a slot of the 512 forever). Duels waiting for the judge are kept.
    /// </summary>
    public List<Duel> CollectAbandoned(double now)
    {
        var abandoned = new List<Duel>();
        foreach (var duel in _open.Values)
            if (!duel.NeedsJudge && duel.LastActivity + _options.AbandonAfter < now) abandoned.Add(duel);
        foreach (var duel in abandoned) Remove(duel);
        return abandoned;
    }

    /// <summary>Puts back state read from storage (pull times, the last nonce, unresolved duels in nonce order).</summary>
    public void Restore(IReadOnlyDictionary<int, double> lastPulls, long lastNonce, IEnumerable<Duel> duels)
    {
        ArgumentNullException.ThrowIfNull(lastPulls);
        ArgumentNullException.ThrowIfNull(duels);
        foreach (var (uid, at) in lastPulls) _lastPull[uid] = at;
        LastNonce = Math.Max(LastNonce, lastNonce);
        foreach (var duel in duels.OrderBy(d => d.Nonce))
        {
            Add(duel);
            if (duel.Left.Started || duel.Right.Started) _byTaskId[duel.Task.Id] = duel;
            if (duel.NeedsJudge) AwaitingJudgeCount++;
        }
    }

    private void Add(Duel duel)
    {
        _open.Add(duel.Nonce, duel);
        if (!duel.BothStarted) PendingCount++;
        foreach (var side in new[] { duel.Left, duel.Right })
        {
            if (side.Started) continue;
            if (!_queues.TryGetValue(side.Uid, out var queue)) _queues[side.Uid] = queue = new LinkedList<Duel>();
            queue.AddLast(duel);
        }
    }

    private void Remove(Duel duel)
    {
        _open.Remove(duel.Nonce);
        _byTaskId.Remove(duel.Task.Id);
        if (!duel.BothStarted) PendingCount--;
        if (duel.NeedsJudge) AwaitingJudgeCount--;
        foreach (var uid in new[] { duel.Left.Uid, duel.Right.Uid })
            if (_queues.TryGetValue(uid, out var queue))
            {
                queue.Remove(duel);
                if (queue.Count == 0) _queues.Remove(uid);
            }
    }
}
