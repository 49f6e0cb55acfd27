using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator;

namespace Neuron3D.Subnet17.Tests.Validator;

public class MinerTaskRulesTests
{
    private const double T0 = 1_700_000_000;
    private static readonly MinerTaskRules Defaults = new(new ValidatorRules());

    private static MinerRecord Miner() => new(3, "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");

    // Spec sn17-404gen.md §3.4 reset-rule table: C = 60, throttle 20; finishing after 5/15/20/30 s leaves 55/45/40/40 s.
    [Theory]
    [InlineData(5, 55)]
    [InlineData(15, 45)]
    [InlineData(20, 40)]
    [InlineData(30, 40)]
    public void Reset_rule_matches_the_spec_table(double finishAfter, double waitLeft)
    {
        var rules = new MinerTaskRules(new ValidatorRules { ThrottlePeriod = 20 });
        var miner = Miner();
        rules.Pull(miner, T0, () => Sn17Task.NewText("a red chair"));
        rules.ResetTask(miner, T0 + finishAfter, 60);
        Assert.Equal(waitLeft, miner.CooldownUntil - (T0 + finishAfter));
        Assert.Null(miner.AssignedTask);
    }

    [Fact]
    public void Reset_without_assignment_waits_the_full_cooldown()
    {
        var miner = Miner();
        Defaults.ResetTask(miner, T0 + 0.7, 300);
        Assert.Equal((long)(T0 + 300.7), miner.CooldownUntil);
    }

    [Fact]
    public void Repeated_pull_returns_the_same_task_with_threshold_and_throttle()
    {
        var miner = Miner();
        var first = Defaults.Pull(miner, T0, () => Sn17Task.NewText("a blue vase"));
        var again = Defaults.Pull(miner, T0 + 50, () => Sn17Task.NewText("something else"));
        Assert.Same(first.Task, again.Task);
        Assert.Equal(0.6, again.ValidationThreshold);
        Assert.Equal(30, again.ThrottlePeriod);
        Assert.Equal(T0, miner.AssignmentTime);
    }

    [Fact]
    public void Pulls_during_cooldown_count_violations_and_past_100_extend_the_cooldown()
    {
        var miner = Miner();
        miner.CooldownUntil = (long)T0 + 1000;
        PullAnswer answer = null!;
        for (var i = 1; i <= 100; i++)
        {
            answer = Defaults.Pull(miner, T0 + i, () => throw new InvalidOperationException("no task during cooldown"));
            Assert.Null(answer.Task);
        }
        Assert.Equal(100, answer.CooldownViolations);
        Assert.Equal((long)T0 + 1000, answer.CooldownUntil);

        answer = Defaults.Pull(miner, T0 + 101, () => throw new InvalidOperationException());
        Assert.Equal(101, answer.CooldownViolations);
        Assert.Equal((long)T0 + 1010, answer.CooldownUntil);
    }

    [Fact]
    public void Accepted_result_updates_ema_window_and_cooldown()
    {
        var miner = Miner();
        var task = Defaults.Pull(miner, T0, () => Sn17Task.NewText("a wooden chair")).Task!;
        Assert.Equal(SubmitStage.Validate, Defaults.BeginSubmit(miner, task.Id, signatureValid: true, resultsEmpty: false, T0 + 40));
        var (outcome, fidelity) = Defaults.CompleteSubmit(miner, 1.3, T0 + 45);

        Assert.Equal(SubmitOutcome.Accepted, outcome);
        Assert.Equal(1.0, fidelity);
        Assert.Equal(0.95 * 1.0 + 0.05 * 1.0, miner.FidelityScore, 12);
        Assert.Equal((long)Math.Max(T0 + 45 + 270, T0 + 300), miner.CooldownUntil);
        var feedback = Defaults.FeedbackFor(miner, T0 + 45, fidelity);
        Assert.Equal(1, feedback.GenerationsWithinTheWindow);
        Assert.Equal(1500.0, feedback.CurrentMinerReward);

        // 4 hours later the observation has left the window.
        Assert.Equal(0, Defaults.FeedbackFor(miner, T0 + 45 + 14_400).GenerationsWithinTheWindow);
    }

    [Fact]
    public void Low_score_is_rejected_with_the_penalty_and_leaves_the_ema_alone()
    {
        var miner = Miner();
        var task = Defaults.Pull(miner, T0, () => Sn17Task.NewText("a stone bridge")).Task!;
        Defaults.BeginSubmit(miner, task.Id, true, false, T0 + 100);
        var (outcome, fidelity) = Defaults.CompleteSubmit(miner, 0.59, T0 + 100);
        Assert.Equal(SubmitOutcome.Rejected, outcome);
        Assert.Equal(0, fidelity);
        Assert.Equal(1.0, miner.FidelityScore);
        Assert.Empty(miner.Observations);
        Assert.Equal((long)(T0 + 100 + 900 - 30), miner.CooldownUntil);
    }

    [Fact]
    public void Bad_signature_is_penalised_and_wrong_task_changes_nothing()
    {
        var miner = Miner();
        var task = Defaults.Pull(miner, T0, () => Sn17Task.NewText("a green dragon")).Task!;
        Assert.Equal(SubmitStage.WrongTask, Defaults.BeginSubmit(miner, "another-id", false, false, T0 + 10));
        Assert.Same(task, miner.AssignedTask);

        Assert.Equal(SubmitStage.BadSignature, Defaults.BeginSubmit(miner, task.Id, false, false, T0 + 10));
        Assert.Null(miner.AssignedTask);
        Assert.Equal((long)(T0 + 900), miner.CooldownUntil);
    }

    [Fact]
    public void Empty_results_are_a_skip_without_penalty_and_forgive_one_violation()
    {
        var miner = Miner();
        miner.CooldownViolations = 4;
        var task = Defaults.Pull(miner, T0, () => Sn17Task.NewText("a tiny mushroom")).Task!;
        Assert.Equal(SubmitStage.Skipped, Defaults.BeginSubmit(miner, task.Id, true, resultsEmpty: true, T0 + 400));
        Assert.Equal(3, miner.CooldownViolations);
        Assert.Equal((long)(T0 + 400 + 270), miner.CooldownUntil);
    }

    [Fact]
    public void Validation_lock_and_double_reward_gap_give_feedback_only()
    {
        var miner = Miner();
        var task = Defaults.Pull(miner, T0, () => Sn17Task.NewText("a golden crown")).Task!;
        Assert.Equal(SubmitStage.Validate, Defaults.BeginSubmit(miner, task.Id, true, false, T0 + 10));
        Assert.Equal(SubmitStage.Locked, Defaults.BeginSubmit(miner, task.Id, true, false, T0 + 20));
        Assert.Same(task, miner.AssignedTask);

        miner.LastSubmitTime = T0 - 100; // accepted 110 s ago: inside 300 − 30
        Assert.Equal(SubmitOutcome.TooSoon, Defaults.CompleteSubmit(miner, 0.9, T0 + 10).Outcome);
        Assert.Same(task, miner.AssignedTask);
    }

    [Fact]
    public void Scorer_failure_resets_without_penalty()
    {
        var miner = Miner();
        var task = Defaults.Pull(miner, T0, () => Sn17Task.NewText("a silver ring")).Task!;
        Defaults.BeginSubmit(miner, task.Id, true, false, T0 + 5);
        Assert.Equal(SubmitOutcome.ValidationFailed, Defaults.CompleteSubmit(miner, null, T0 + 5).Outcome);
        Assert.Equal((long)(T0 + 300), miner.CooldownUntil);
    }

    [Fact]
    public void New_hotkey_on_the_uid_starts_from_scratch()
    {
        var miner = Miner();
        miner.Observations.Add(T0);
        miner.FidelityScore = 0.7;
        miner.Rating = new GlickoRating(1800, 100, 0.06);
        miner.CooldownUntil = 5;
        miner.ResetForNewHotkey("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        Assert.Empty(miner.Observations);
        Assert.Equal(1.0, miner.FidelityScore);
        Assert.Equal(GlickoRating.Initial, miner.Rating);
        Assert.Equal(0, miner.CooldownUntil);
    }

    [Fact]
    public void Task_log_ids_follow_the_protocol()
    {
        Assert.Equal("short prompt", new Sn17Task("x", TaskKind.Text, "short prompt").LogId);
        var longPrompt = new string('a', 101);
        Assert.Equal(new string('a', 97) + "...", new Sn17Task("x", TaskKind.Text, longPrompt).LogId);
        // BLAKE3("") is the published empty-input digest.
        Assert.Equal("image:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
            new Sn17Task("x", TaskKind.Image, "").LogId);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Sn17Task.NewText("p").Id);
    }
}
