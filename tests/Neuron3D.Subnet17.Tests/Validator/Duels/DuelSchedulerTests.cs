using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Duels;
using static Neuron3D.Subnet17.Tests.Validator.Duels.DuelTestKit;

namespace Neuron3D.Subnet17.Tests.Validator.Duels;

/// <summary>Duel creation, queues and results (spec sn17-404gen.md §3.6), clock-free: every call names its time.</summary>
public sealed class DuelSchedulerTests
{
    private const double Start = 1_750_000_000;
    private static readonly DuelOptions Options = new() { JudgeEndpoint = new Uri("http://127.0.0.1:8095/v1/"), StartDelay = 1800 };
    private const double Open = Start + 1800; // duels start here

    private static (DuelScheduler Scheduler, ScriptedTasks Tasks) NewScheduler(DuelOptions? options = null, params string[] prompts)
    {
        var tasks = new ScriptedTasks(prompts);
        return (new DuelScheduler(options ?? Options, tasks, Start), tasks);
    }

    [Fact]
    public void Nothing_happens_before_the_start_delay_but_pulls_are_noted()
    {
        var (scheduler, tasks) = NewScheduler(null, PromptPairing((long)Open - 1, 1, 2));
        scheduler.Take(1, Start);
        var early = scheduler.Take(2, Open - 1);
        Assert.Null(early.Created);
        Assert.Null(early.Task);
        Assert.Equal(0, tasks.Calls);
        Assert.Equal(Open - 1, scheduler.LastPulls[2]);
        Assert.Equal(Open, scheduler.StartsAt);
    }

    [Fact]
    public void A_duel_is_made_for_two_active_uids_and_handed_to_the_puller_in_it()
    {
        var (scheduler, _) = NewScheduler(null, PromptPairing((long)Open, 1, 2));
        scheduler.Take(2, Start + 700); // 1100 s before Open: still active
        var take = scheduler.Take(1, Open);

        var duel = Assert.IsType<Duel>(take.Created);
        Assert.Same(duel, take.Taken);
        Assert.Equal(((long)Open, 1, 2), (duel.Nonce, duel.Left.Uid, duel.Right.Uid));
        Assert.True(duel.Left.Started);
        Assert.False(duel.Right.Started);
        Assert.Equal(1, scheduler.PendingCount);
        Assert.Same(duel, Assert.Single(scheduler.QueueOf(2)));
        Assert.Empty(scheduler.QueueOf(1));

        var other = scheduler.Take(2, Open + 5);
        Assert.Same(duel.Task, other.Task); // same task id and prompt for both miners
        Assert.Equal(0, scheduler.PendingCount);
        Assert.Same(duel, scheduler.ByTaskId(duel.Task.Id));
    }

    [Fact]
    public void Uids_that_have_not_pulled_within_the_inactivity_time_are_not_paired()
    {
        // Exactly 1200 s ago is still active (SN17 skips only pulls older than now − 1200).
        var (scheduler, tasks) = NewScheduler(null,
            PromptPairing((long)Open, 1, 2), PromptPairing((long)Open + 1, 1, 3), PromptPairing((long)Open + 2, 3, 1));
        scheduler.Take(2, Open - 1200.001);
        scheduler.Take(3, Open - 1200);
        var take = scheduler.Take(1, Open);
        Assert.Equal(((long)Open + 1, 1, 3), (take.Created!.Nonce, take.Created.Left.Uid, take.Created.Right.Uid));
        Assert.Equal(2, tasks.Calls);

        var (never, _) = NewScheduler(null, PromptPairing((long)Open, 1, 9), PromptPairing((long)Open + 1, 9, 1), PromptPairing((long)Open + 2, 1, 9));
        Assert.Null(never.Take(1, Open).Created); // uid 9 never pulled
    }

    [Fact]
    public void A_uid_is_never_paired_with_itself_and_each_attempt_takes_the_next_nonce()
    {
        var now = Open + 0.7;
        var (scheduler, tasks) = NewScheduler(null, PromptPairingSelf((long)Open), PromptPairingSelf((long)Open + 1), PromptPairingSelf((long)Open + 2));
        for (var uid = 0; uid < 256; uid++) scheduler.Take(uid, Open - 60);

        var take = scheduler.Take(5, now);
        Assert.Null(take.Created);
        Assert.Equal(3, tasks.Calls); // at most three attempts per pull
        Assert.Equal((long)Open + 2, scheduler.LastNonce);

        // Same second again: timestamp_nonce = max(int(now), last + 1).
        tasks.Add(PromptPairing((long)Open + 3, 7, 8));
        Assert.Equal((long)Open + 3, scheduler.Take(5, now).Created!.Nonce);
        // Later: the clock wins again.
        tasks.Add(PromptPairing((long)Open + 100, 7, 8));
        Assert.Equal((long)Open + 100, scheduler.Take(5, Open + 100.2).Created!.Nonce);
    }

    [Fact]
    public void At_most_one_duel_per_pull()
    {
        var (scheduler, tasks) = NewScheduler(null, PromptPairing((long)Open, 1, 2), PromptPairing((long)Open + 1, 1, 2));
        scheduler.Take(2, Open - 10);
        scheduler.Take(1, Open);
        Assert.Equal(1, tasks.Calls);
        Assert.Single(scheduler.OpenDuels);
    }

    [Fact]
    public void Per_miner_queues_are_fifo_and_both_miners_get_each_task()
    {
        var (scheduler, _) = NewScheduler(null,
            PromptPairing((long)Open, 1, 2), PromptPairing((long)Open + 1, 3, 1), PromptPairing((long)Open + 2, 2, 1));
        foreach (var uid in new[] { 1, 2, 3 }) scheduler.Take(uid, Open - 60);
        var a = scheduler.Take(4, Open).Created!;      // uid 4 makes duels it is not in
        var b = scheduler.Take(4, Open + 1).Created!;
        var c = scheduler.Take(4, Open + 2).Created!;
        Assert.Equal([a, b, c], scheduler.QueueOf(1));
        Assert.Equal([a, c], scheduler.QueueOf(2));

        var tasks = new List<string>();
        for (var i = 0; i < 3; i++) tasks.Add(scheduler.Take(1, Open + 10 + i).Task!.Id);
        Assert.Equal([a.Task.Id, b.Task.Id, c.Task.Id], tasks);
        Assert.Equal(a.Task, scheduler.Take(2, Open + 20).Task);
        Assert.Equal(c.Task, scheduler.Take(2, Open + 21).Task);
        Assert.Equal(b.Task, scheduler.Take(3, Open + 22).Task);
        Assert.Equal(0, scheduler.PendingCount);
    }

    [Fact]
    public void No_new_duels_while_pending_plus_awaiting_reach_512()
    {
        var (scheduler, _) = NewScheduler();
        for (var uid = 0; uid < 256; uid++) scheduler.Take(uid, Open - 60);
        for (var i = 0; i < 700; i++) scheduler.Take(300, Open + i); // a puller outside the uid space never starts a duel
        Assert.Equal(512, scheduler.PendingCount);
        Assert.Equal(512, scheduler.OpenDuels.Count());

        // Pops alone free nothing: a duel leaves the pending count only when its second miner pulls it.
        var duel = scheduler.OpenDuels.First();
        while (!duel.Left.Started) Assert.Null(scheduler.Take(duel.Left.Uid, Open + 800).Created);
        while (!duel.Right.Started) scheduler.Take(duel.Right.Uid, Open + 800);
        Assert.True(scheduler.PendingCount < 512);
        Assert.NotNull(scheduler.Take(300, Open + 900).Created);
        for (var i = 0; i < 50; i++) scheduler.Take(300, Open + 901 + i);
        Assert.Equal(512, scheduler.PendingCount + scheduler.AwaitingJudgeCount);
    }

    public static TheoryData<bool, bool, DuelOutcome?> Decisions => new()
    {
        { false, false, DuelOutcome.Draw },
        { false, true, DuelOutcome.RightWins },
        { true, false, DuelOutcome.LeftWins },
        { true, true, null },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Results_decide_without_the_judge_unless_both_previews_exist(bool leftPreview, bool rightPreview, DuelOutcome? expected)
    {
        var (scheduler, _) = NewScheduler(null, PromptPairing((long)Open, 1, 2));
        scheduler.Take(2, Open - 1);
        var duel = scheduler.Take(1, Open).Created!;
        scheduler.Take(2, Open + 1);

        var first = scheduler.Finish(2, duel.Task.Id, rightPreview ? [1] : null, Open + 50);
        Assert.Null(first!.Value.DecidedWithoutJudge);
        Assert.Null(scheduler.Finish(2, duel.Task.Id, [1], Open + 51)); // only once per side
        var second = scheduler.Finish(1, duel.Task.Id, leftPreview ? [2] : null, Open + 60)!.Value;

        Assert.Equal(expected, second.DecidedWithoutJudge);
        if (expected is null)
        {
            Assert.Equal(1, scheduler.AwaitingJudgeCount);
            Assert.Same(duel, scheduler.NextToJudge());
            Assert.Null(scheduler.NextToJudge(d => d == duel));
            scheduler.Resolve(duel);
        }
        Assert.Empty(scheduler.OpenDuels);
        Assert.Equal(0, scheduler.AwaitingJudgeCount);
        Assert.Null(scheduler.ByTaskId(duel.Task.Id));
    }

    [Fact]
    public void Results_for_unknown_tasks_other_miners_or_unstarted_sides_are_ignored()
    {
        var (scheduler, _) = NewScheduler(null, PromptPairing((long)Open, 1, 2));
        scheduler.Take(2, Open - 1);
        var duel = scheduler.Take(1, Open).Created!;
        Assert.Null(scheduler.Finish(1, "not-a-duel", null, Open + 1));
        Assert.Null(scheduler.Finish(3, duel.Task.Id, null, Open + 1));
        Assert.Null(scheduler.Finish(2, duel.Task.Id, null, Open + 1)); // uid 2 has not pulled it yet
        Assert.NotNull(scheduler.Finish(1, duel.Task.Id, null, Open + 1));
    }

    [Fact]
    public void Duels_untouched_for_an_hour_are_recycled_but_those_awaiting_the_judge_stay()
    {
        var (scheduler, _) = NewScheduler(null, PromptPairing((long)Open, 1, 2), PromptPairing((long)Open + 1, 3, 4));
        foreach (var uid in new[] { 1, 2, 3, 4 }) scheduler.Take(uid, Open - 1);
        var judged = scheduler.Take(1, Open).Created!;
        var stale = scheduler.Take(2, Open).Created!; // uid 2's pull makes the (3, 4) duel nobody pulls
        Assert.Equal((3, 4), (stale.Left.Uid, stale.Right.Uid));
        scheduler.Finish(1, judged.Task.Id, [1], Open + 10);
        scheduler.Finish(2, judged.Task.Id, [2], Open + 10);

        Assert.Empty(scheduler.CollectAbandoned(Open + 3600));
        Assert.Same(stale, Assert.Single(scheduler.CollectAbandoned(Open + 3600.5)));
        Assert.Empty(scheduler.QueueOf(3));
        Assert.Same(judged, Assert.Single(scheduler.OpenDuels));
        Assert.Equal((0, 1), (scheduler.PendingCount, scheduler.AwaitingJudgeCount));
    }

    [Fact]
    public void Rules_map_the_judges_worst_and_refuse_other_values()
    {
        Assert.Equal(DuelOutcome.RightWins, DuelRules.FromWorst(1));
        Assert.Equal(DuelOutcome.LeftWins, DuelRules.FromWorst(2));
        Assert.Equal(DuelOutcome.Draw, DuelRules.FromWorst(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuelRules.FromWorst(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => DuelRules.FromWorst(-1));
    }
}
