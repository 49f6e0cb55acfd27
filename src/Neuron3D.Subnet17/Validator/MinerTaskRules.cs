using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator;

/// <summary>The validator's answer to a <c>PullTask</c> (spec sn17-404gen.md §1.4, §3.3).</summary>
public sealed record PullAnswer(Sn17Task? Task, double ValidationThreshold, int ThrottlePeriod, long CooldownUntil, int CooldownViolations);

/// <summary>Where a submission stands after the checks that come before the validation service.</summary>
public enum SubmitStage
{
    /// <summary>No task assigned, or another task's id: feedback only, nothing changes.</summary>
    WrongTask,
    /// <summary>The license-consent signature did not verify: task reset with the penalty cooldown.</summary>
    BadSignature,
    /// <summary>Empty results: the miner skipped; task reset without penalty.</summary>
    Skipped,
    /// <summary>A validation of this miner is still running: feedback only, the task stays assigned.</summary>
    Locked,
    /// <summary>Go on and validate the asset (the validation lock is now held).</summary>
    Validate,
}

/// <summary>How a validated submission ended.</summary>
public enum SubmitOutcome
{
    /// <summary>The scorer gave no usable answer: task reset without penalty, feedback says validation failed.</summary>
    ValidationFailed,
    /// <summary>Came too soon after the last accepted result (anti-double-reward): feedback only.</summary>
    TooSoon,
    /// <summary>Score below the quality threshold: task reset with the penalty cooldown.</summary>
    Rejected,
    /// <summary>Accepted: counted for rewards and the fidelity EMA.</summary>
    Accepted,
}

/// <summary>
/// The per-miner task state machine of an SN17 validator (spec sn17-404gen.md §3.3–§3.4): assignment, cooldowns,
/// violations, penalties, the validation lock, the anti-double-reward gap, the fidelity EMA and the observation window.
/// Pure and clock-free: every call takes <c>now</c> (unix seconds), so tests replay the spec's arithmetic exactly.
/// </summary>
public sealed class MinerTaskRules(ValidatorRules rules)
{
    public ValidatorRules Rules { get; } = rules;

    /// <summary>Cooldown (unix seconds) for a caller whose hotkey is not in the metagraph.</summary>
    public long UnknownHotkeyCooldownUntil(double now) => (long)(now + Rules.UnknownHotkeyCooldown);

    /// <summary>Handles a pull: cooldown (counting violations), the already-assigned task, or a new one from <paramref name="nextTask"/>.</summary>
    public PullAnswer Pull(MinerRecord miner, double now, Func<Sn17Task> nextTask)
    {
        if (miner.CooldownUntil != 0 && now < miner.CooldownUntil)
        {
            miner.CooldownViolations++;
            if (miner.CooldownViolations > Rules.CooldownViolationsThreshold)
                miner.CooldownUntil += Rules.CooldownViolationPenalty;
            return new PullAnswer(null, 0.6, 0, miner.CooldownUntil, miner.CooldownViolations);
        }
        if (miner.AssignedTask is null)
        {
            miner.AssignedTask = nextTask();
            miner.AssignmentTime = now;
        }
        return new PullAnswer(miner.AssignedTask, Rules.QualityThreshold, Rules.ThrottlePeriod, 0, 0);
    }

    /// <summary>
    /// Steps 2–6 of SubmitResults handling. <paramref name="signatureValid"/> is the verdict on the license-consent
    /// signature (only consulted when the task id matches); a returned <see cref="SubmitStage.Validate"/> holds the lock.
    /// </summary>
    public SubmitStage BeginSubmit(MinerRecord miner, string taskId, bool signatureValid, bool resultsEmpty, double now)
    {
        if (miner.AssignedTask is null || miner.AssignedTask.Id != taskId) return SubmitStage.WrongTask;
        if (!signatureValid)
        {
            ResetTask(miner, now, Rules.TaskCooldown + Rules.CooldownPenalty);
            return SubmitStage.BadSignature;
        }
        miner.CooldownViolations = Math.Max(0, miner.CooldownViolations - 1);
        if (resultsEmpty)
        {
            ResetTask(miner, now, Rules.TaskCooldown);
            return SubmitStage.Skipped;
        }
        if (miner.ValidationLockedUntil > now) return SubmitStage.Locked;
        miner.ValidationLockedUntil = now + Rules.ValidationLockDuration;
        return SubmitStage.Validate;
    }

    /// <summary>
    /// Steps 7–10: applies the scorer's verdict (<paramref name="score"/> null = the scorer failed). Returns the outcome
    /// and the task fidelity to report (min(1, score) when accepted, else 0).
    /// </summary>
    public (SubmitOutcome Outcome, double TaskFidelity) CompleteSubmit(MinerRecord miner, double? score, double now)
    {
        if (score is not { } s || !double.IsFinite(s))
        {
            ResetTask(miner, now, Rules.TaskCooldown);
            return (SubmitOutcome.ValidationFailed, 0);
        }
        if (miner.LastSubmitTime + Rules.TaskCooldown - Rules.ThrottlePeriod > now) return (SubmitOutcome.TooSoon, 0);
        if (s < Rules.QualityThreshold)
        {
            ResetTask(miner, now, Rules.TaskCooldown + Rules.CooldownPenalty);
            return (SubmitOutcome.Rejected, 0);
        }

        var fidelity = Math.Min(1.0, s);
        ResetTask(miner, now, Rules.TaskCooldown);
        miner.Observations.Add(now);
        miner.ExpireObservations(now, Rules.ObservationWindow);
        miner.FidelityScore = miner.FidelityScore * (1 - Rules.FidelityAlpha) + Rules.FidelityAlpha * fidelity;
        miner.LastSubmitTime = now;
        return (SubmitOutcome.Accepted, fidelity);
    }

    /// <summary>
    /// Ends the current task with cooldown <paramref name="cooldown"/>: a fast miner waits until assignment + cooldown,
    /// a slow one gets cooldown − throttle after finishing (spec's <c>reset_task</c>).
    /// </summary>
    public void ResetTask(MinerRecord miner, double now, int cooldown)
    {
        miner.CooldownUntil = miner.AssignmentTime is { } assigned
            ? (long)Math.Max(now + cooldown - Rules.ThrottlePeriod, assigned + cooldown)
            : (long)(now + cooldown);
        miner.AssignedTask = null;
        miner.AssignmentTime = null;
    }

    /// <summary>Feedback computed at response time; observations are expired first.</summary>
    public Feedback FeedbackFor(MinerRecord miner, double now, double taskFidelity = 0, bool validationFailed = false)
    {
        var window = miner.ExpireObservations(now, Rules.ObservationWindow);
        return new Feedback(validationFailed, taskFidelity, miner.FidelityScore, window, miner.Rating.Rating, window * miner.Rating.Rating);
    }

    /// <summary>The reward that ranks miners for weights: accepted results in the window × duel rating.</summary>
    public double Reward(MinerRecord miner, double now) => miner.ExpireObservations(now, Rules.ObservationWindow) * miner.Rating.Rating;
}
