using Neuron3D.Assets.Rendering;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Tests.Miner;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Duels;
using static Neuron3D.Subnet17.Tests.Validator.Duels.DuelTestKit;

namespace Neuron3D.Subnet17.Tests.Validator.Duels;

/// <summary>
/// The coordinator as a validator neuron drives it — pulls, results, judging, restarts — with a real SQLite file and a
/// fake OpenAI-compatible judge on Kestrel. Ratings are checked against the Glicko-2 vectors of spec §3.6.
/// </summary>
public sealed class DuelCoordinatorTests : IAsyncDisposable
{
    private const double T0 = 1_750_000_000;
    private const double Start = T0 + 100; // StartDelay 100 s
    private const int ViewSize = 24;

    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds((long)T0));
    private readonly string _dir = Directory.CreateTempSubdirectory("n3d-duels-").FullName;
    private readonly FakeJudgeServer _server = new();
    private readonly List<DuelCoordinator> _open = [];
    private readonly List<DuelReport> _reports = [];
    private readonly List<(int Uid, GlickoRating Rating)> _ratingEvents = [];

    private string DbPath => Path.Combine(_dir, "validator.db");

    private DuelOptions Options => new()
    {
        JudgeEndpoint = _server.Endpoint, StartDelay = 100, PreviewViewSize = ViewSize, JudgeTimeout = TimeSpan.FromSeconds(2),
    };

    private async Task<DuelCoordinator> OpenAsync(ScriptedTasks tasks, DuelOptions? options = null)
    {
        if (_server.Endpoint is null) await _server.StartAsync();
        var coordinator = DuelCoordinator.Open(options ?? Options, DbPath, tasks, new HttpClient(), _clock)!;
        coordinator.Finished += r => { lock (_reports) _reports.Add(r); };
        coordinator.RatingChanged += (uid, rating) => { lock (_ratingEvents) _ratingEvents.Add((uid, rating)); };
        _open.Add(coordinator);
        return coordinator;
    }

    private void Reopen(DuelCoordinator coordinator)
    {
        coordinator.Dispose();
        _open.Remove(coordinator);
    }

    /// <summary>Uids 1 and 2 pull before the start; at the start uid 1's pull makes the (1, 2) duel; uid 2 then pulls it too.</summary>
    private async Task<(DuelCoordinator Coordinator, Sn17Task Task)> StartedDuelAsync(ScriptedTasks? tasks = null)
    {
        tasks ??= new ScriptedTasks();
        tasks.Add(PromptPairing((long)Start, 1, 2));
        var coordinator = await OpenAsync(tasks);
        Assert.Null(coordinator.TryTakeDuelTask(2, T0 + 10));
        var task = coordinator.TryTakeDuelTask(1, Start);
        Assert.NotNull(task);
        Assert.Equal(task, coordinator.TryTakeDuelTask(2, Start + 1));
        Assert.True(coordinator.IsDuelTask(task.Id));
        return (coordinator, task);
    }

    private static AcceptedDuelResult Accepted(byte[]? grid = null) => new(TestAssets.BallSpz(), grid);

    [Fact]
    public void Without_a_judge_endpoint_duels_are_off_and_nothing_is_written()
    {
        Assert.Null(DuelCoordinator.Open(new DuelOptions(), DbPath, new ScriptedTasks(), new HttpClient(), _clock));
        Assert.False(File.Exists(DbPath));
    }

    [Fact]
    public async Task Both_accepted_the_judge_decides_and_ratings_follow_the_spec_vector()
    {
        var (coordinator, task) = await StartedDuelAsync();
        Assert.True(await coordinator.OnResultAsync(1, task.Id, Accepted(), Start + 60, CancellationToken.None));
        Assert.Equal(JudgeStepKind.Idle, (await coordinator.JudgeNextAsync(CancellationToken.None)).Kind);
        Assert.True(await coordinator.OnResultAsync(2, task.Id, Accepted(), Start + 70, CancellationToken.None));
        Assert.Equal(1, coordinator.Stats.AwaitingJudge);

        var step = await coordinator.JudgeNextAsync(CancellationToken.None); // the fake judge says worst = 1
        Assert.Equal(JudgeStepKind.Judged, step.Kind);
        var report = step.Report!;
        Assert.Equal(((long)Start, 1, 2, DuelOutcome.RightWins), (report.Nonce, report.LeftUid, report.RightUid, report.Outcome));
        Assert.Equal("1 is a blob vs 2 is fine", report.Explanation);

        var body = Assert.Single(_server.Requests).Body;
        Assert.Equal((long)Start, body["seed"]!.GetValue<long>());
        var parts = body["messages"]![1]!["content"]!.AsArray();
        foreach (var image in new[] { parts[2]!, parts[4]! })
        {
            var png = Convert.FromBase64String(image["image_url"]!["url"]!.GetValue<string>()["data:image/png;base64,".Length..]);
            var grid = RenderImage.FromPng(png);
            Assert.Equal((2 * ViewSize + 5, 2 * ViewSize + 5), (grid.Width, grid.Height));
        }

        // Spec §3.6 vector: 1500/350/0.5 each, the right miner wins.
        Assert.Equal(new GlickoRating(1331.04876840481, 296.19808829689504, 0.2), coordinator.RatingOf(1), RatingComparer);
        Assert.Equal(new GlickoRating(1668.95123159519, 296.19808829689504, 0.2), coordinator.RatingOf(2), RatingComparer);
        Assert.Equal([1, 2], _ratingEvents.Select(e => e.Uid));
        Assert.Equal(coordinator.RatingOf(2), _ratingEvents[1].Rating);
        Assert.Equal(0, coordinator.Stats.Open);
        Assert.False(coordinator.IsDuelTask(task.Id));

        Reopen(coordinator);
        var again = await OpenAsync(new ScriptedTasks());
        Assert.Equal(new GlickoRating(1668.95123159519, 296.19808829689504, 0.2), again.RatingOf(2), RatingComparer);
    }

    private static readonly IEqualityComparer<GlickoRating> RatingComparer = EqualityComparer<GlickoRating>.Create(
        (a, b) => Math.Abs(a.Rating - b.Rating) < 1e-9 && Math.Abs(a.Deviation - b.Deviation) < 1e-9 && Math.Abs(a.Volatility - b.Volatility) < 1e-12,
        r => 0);

    public static TheoryData<bool, bool, DuelOutcome> MissingResults => new()
    {
        { false, false, DuelOutcome.Draw },
        { true, false, DuelOutcome.LeftWins },
        { false, true, DuelOutcome.RightWins },
    };

    [Theory]
    [MemberData(nameof(MissingResults))]
    public async Task Missing_results_decide_without_asking_the_judge(bool leftAccepted, bool rightAccepted, DuelOutcome expected)
    {
        var (coordinator, task) = await StartedDuelAsync();
        var grid = DuelPreview.RenderGridPng(TestAssets.BallSpz(), ViewSize, new());
        await coordinator.OnResultAsync(2, task.Id, rightAccepted ? Accepted(grid) : null, Start + 60, CancellationToken.None);
        await coordinator.OnResultAsync(1, task.Id, leftAccepted ? Accepted(grid) : null, Start + 61, CancellationToken.None);

        var report = Assert.Single(_reports);
        Assert.Equal(expected, report.Outcome);
        Assert.Empty(_server.Requests);
        var (left, right) = Glicko2.RateDuel(GlickoRating.Initial, GlickoRating.Initial, expected);
        Assert.Equal((left, right), (coordinator.RatingOf(1), coordinator.RatingOf(2)));
        if (expected == DuelOutcome.Draw) Assert.Equal(new GlickoRating(1500.0, 296.17900101404155, 0.2), left, RatingComparer);
        Assert.Equal(JudgeStepKind.Idle, (await coordinator.JudgeNextAsync(CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task Results_of_other_tasks_or_miners_are_not_duel_results()
    {
        var (coordinator, task) = await StartedDuelAsync();
        Assert.False(await coordinator.OnResultAsync(1, "synthetic-task", null, Start + 5, CancellationToken.None));
        Assert.False(await coordinator.OnResultAsync(3, task.Id, null, Start + 5, CancellationToken.None));
        Assert.True(await coordinator.OnResultAsync(1, task.Id, null, Start + 5, CancellationToken.None));
        Assert.False(await coordinator.OnResultAsync(1, task.Id, null, Start + 6, CancellationToken.None)); // once
        Assert.False(coordinator.IsDuelTask("synthetic-task"));
    }

    private async Task<DuelCoordinator> TwoAwaitingDuelsAsync()
    {
        var tasks = new ScriptedTasks(PromptPairing((long)Start, 1, 2), PromptPairing((long)Start + 1, 2, 1));
        var coordinator = await OpenAsync(tasks);
        coordinator.TryTakeDuelTask(2, T0 + 10);
        var a = coordinator.TryTakeDuelTask(1, Start)!;  // makes A
        var b = coordinator.TryTakeDuelTask(1, Start)!;  // makes B (next nonce), hands out B
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(a, coordinator.TryTakeDuelTask(2, Start + 1));
        Assert.Equal(b, coordinator.TryTakeDuelTask(2, Start + 1));
        var grid = DuelPreview.RenderGridPng(TestAssets.BallSpz(), ViewSize, new());
        foreach (var task in new[] { a, b })
        foreach (var uid in new[] { 1, 2 })
            await coordinator.OnResultAsync(uid, task.Id, Accepted(grid), Start + 50, CancellationToken.None);
        Assert.Equal(2, coordinator.Stats.AwaitingJudge);
        return coordinator;
    }

    [Fact]
    public async Task Judge_calls_are_spaced_by_the_duel_interval()
    {
        var coordinator = await TwoAwaitingDuelsAsync();
        _clock.Now = DateTimeOffset.FromUnixTimeSeconds((long)Start + 100);
        Assert.Equal(JudgeStepKind.Judged, (await coordinator.JudgeNextAsync(CancellationToken.None)).Kind);
        _clock.Now = _clock.Now.AddSeconds(4);
        var limited = await coordinator.JudgeNextAsync(CancellationToken.None);
        Assert.Equal(JudgeStepKind.RateLimited, limited.Kind);
        Assert.Equal(TimeSpan.FromSeconds(6), limited.RetryAfter);
        _clock.Now = _clock.Now.AddSeconds(6); // 6 duels per minute: one per 10 s
        Assert.Equal(JudgeStepKind.Judged, (await coordinator.JudgeNextAsync(CancellationToken.None)).Kind);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_slow_judge_pauses_duels_until_its_decayed_peak_falls_below_10_s()
    {
        var coordinator = await TwoAwaitingDuelsAsync();
        _clock.Now = DateTimeOffset.FromUnixTimeSeconds((long)Start + 100);
        _server.Answer = ctx =>
        {
            _clock.Now = _clock.Now.AddSeconds(15); // the call takes 15 s of validator time
            return FakeJudgeServer.Complete(ctx, """{"issues": "2 is missing the legs", "worst": 2}""");
        };
        var first = await coordinator.JudgeNextAsync(CancellationToken.None);
        Assert.Equal(DuelOutcome.LeftWins, first.Report!.Outcome);
        Assert.Equal(15, coordinator.Latency.Seconds, 6);

        // Each paused check decays the peak ×0.95: 15·0.95^8 ≈ 9.95 s is the first value under the threshold.
        var paused = 0;
        JudgeStep step;
        while ((step = await coordinator.JudgeNextAsync(CancellationToken.None)).Kind == JudgeStepKind.Paused)
        {
            Assert.Equal(TimeSpan.FromSeconds(5), step.RetryAfter);
            paused++;
        }
        Assert.Equal(8, paused);
        Assert.Equal(JudgeStepKind.Judged, step.Kind);

        // Slow validations pause duels too.
        coordinator.ObserveValidationSeconds(30);
        Assert.Equal(30, coordinator.Stats.PeakLatencySeconds);
    }

    [Fact]
    public async Task A_failing_judge_drops_the_duel_without_moving_ratings()
    {
        var coordinator = await TwoAwaitingDuelsAsync();
        _server.Answer = ctx => FakeJudgeServer.Complete(ctx, "I cannot decide.");
        var step = await coordinator.JudgeNextAsync(CancellationToken.None);
        Assert.Equal(JudgeStepKind.JudgeFailed, step.Kind);
        Assert.Equal(JudgeFailure.MalformedAnswer, step.Report!.Failure);
        Assert.Null(step.Report.Outcome);
        Assert.Equal((GlickoRating.Initial, GlickoRating.Initial), (coordinator.RatingOf(1), coordinator.RatingOf(2)));
        Assert.Empty(_ratingEvents);

        _server.Answer = async ctx => await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
        _clock.Now = _clock.Now.AddSeconds(10);
        step = await coordinator.JudgeNextAsync(CancellationToken.None);
        Assert.Equal(JudgeFailure.Timeout, step.Report!.Failure);
        Assert.Equal(0, coordinator.Stats.Open);
        Assert.Equal(GlickoRating.Initial, coordinator.RatingOf(1));
    }

    [Fact]
    public async Task An_accepted_result_that_cannot_be_rendered_drops_the_duel()
    {
        var (coordinator, task) = await StartedDuelAsync();
        Assert.True(await coordinator.OnResultAsync(1, task.Id, new AcceptedDuelResult(new byte[] { 1, 2, 3 }), Start + 5, CancellationToken.None));
        var report = Assert.Single(_reports);
        Assert.Null(report.Outcome);
        Assert.Contains("could not be rendered", report.Explanation);
        Assert.False(coordinator.IsDuelTask(task.Id));
        Assert.False(await coordinator.OnResultAsync(2, task.Id, null, Start + 6, CancellationToken.None));
        Assert.Equal(GlickoRating.Initial, coordinator.RatingOf(2));
    }

    [Fact]
    public async Task Queues_started_and_awaiting_duels_survive_a_restart()
    {
        // Duel A: (1, 2), uid 1 pulled and finished. Duel B: (1, 3), nobody pulled. Duel C: (2, 3), both results in.
        var tasks = new ScriptedTasks(PromptPairing((long)Start, 1, 2), PromptPairing((long)Start + 1, 1, 3), PromptPairing((long)Start + 2, 2, 3));
        var coordinator = await OpenAsync(tasks);
        foreach (var uid in new[] { 1, 2, 3 }) coordinator.TryTakeDuelTask(uid, T0 + 10);
        var a = coordinator.TryTakeDuelTask(1, Start)!;
        Assert.Null(coordinator.TryTakeDuelTask(4, Start)); // makes B
        var b = coordinator.TryTakeDuelTask(3, Start)!;     // makes C; uid 3 gets B first
        Assert.Equal(a, coordinator.TryTakeDuelTask(2, Start)); // uid 2: A, then C
        var c = coordinator.TryTakeDuelTask(2, Start)!;
        Assert.Equal(c, coordinator.TryTakeDuelTask(3, Start));
        var grid = DuelPreview.RenderGridPng(TestAssets.BallSpz(), ViewSize, new());
        await coordinator.OnResultAsync(1, a.Id, Accepted(grid), Start + 30, CancellationToken.None);
        await coordinator.OnResultAsync(2, c.Id, Accepted(grid), Start + 30, CancellationToken.None);
        await coordinator.OnResultAsync(3, c.Id, Accepted(grid), Start + 30, CancellationToken.None);
        var before = coordinator.Stats;
        Reopen(coordinator);

        _clock.Now = DateTimeOffset.FromUnixTimeSeconds((long)Start + 60);
        var restarted = await OpenAsync(new ScriptedTasks(PromptPairingSelf((long)Start + 100 + 60), PromptPairingSelf((long)Start + 100 + 61), PromptPairingSelf((long)Start + 100 + 62)));
        Assert.Equal(before, restarted.Stats);
        Assert.True(restarted.IsDuelTask(a.Id));
        Assert.True(restarted.IsDuelTask(c.Id));

        // The awaiting duel is judged from the stored previews.
        Assert.Equal(JudgeStepKind.Judged, (await restarted.JudgeNextAsync(CancellationToken.None)).Kind);
        Assert.Equal((2, 3), (_reports[^1].LeftUid, _reports[^1].RightUid));

        // During the new start delay no duel is handed out; after it uid 1 still has B queued and uid 2 can finish A.
        var startAgain = Start + 60 + 100;
        Assert.Null(restarted.TryTakeDuelTask(1, startAgain - 1));
        Assert.Equal(b, restarted.TryTakeDuelTask(1, startAgain));
        Assert.True(await restarted.OnResultAsync(2, a.Id, null, startAgain + 1, CancellationToken.None));
        Assert.Equal(DuelOutcome.LeftWins, _reports[^1].Outcome);
        Assert.True(restarted.Stats.LastNonce > before.LastNonce); // nonces keep increasing across restarts
    }

    [Fact]
    public async Task Resetting_a_rating_starts_the_uid_over_and_is_stored()
    {
        var (coordinator, task) = await StartedDuelAsync();
        await coordinator.OnResultAsync(1, task.Id, null, Start + 5, CancellationToken.None);
        await coordinator.OnResultAsync(2, task.Id, null, Start + 6, CancellationToken.None);
        Assert.NotEqual(GlickoRating.Initial, coordinator.RatingOf(1));
        coordinator.ResetRating(1);
        Assert.Equal((1, GlickoRating.Initial), _ratingEvents[^1]);
        Reopen(coordinator);
        Assert.Equal(GlickoRating.Initial, (await OpenAsync(new ScriptedTasks())).RatingOf(1));
    }

    [Fact]
    public async Task Abandoned_duels_are_recycled_on_a_later_pull()
    {
        var (coordinator, task) = await StartedDuelAsync();
        Assert.Null(coordinator.TryTakeDuelTask(7, Start + 3700));
        var report = Assert.Single(_reports);
        Assert.Null(report.Outcome);
        Assert.StartsWith("abandoned", report.Explanation);
        Assert.False(coordinator.IsDuelTask(task.Id));
    }

    [Fact]
    public async Task The_judging_loop_judges_waiting_duels_until_cancelled()
    {
        var coordinator = await TwoAwaitingDuelsAsync();
        var judged = new TaskCompletionSource();
        coordinator.Finished += r => { if (r.Outcome is not null) judged.TrySetResult(); };
        using var stop = new CancellationTokenSource();
        var loop = coordinator.RunAsync(stop.Token);
        await judged.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(loop.IsCompletedSuccessfully);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _open) c.Dispose();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
