namespace Neuron3D.Subnet17.Validator;

/// <summary>
/// The validator's task and penalty parameters, with SN17's defaults (spec sn17-404gen.md §3.1). Times are seconds.
/// </summary>
public sealed record ValidatorRules
{
    /// <summary>`--generation.throttle_period`: the part of a cooldown a slow miner has already served.</summary>
    public int ThrottlePeriod { get; init; } = 30;
    /// <summary>`--generation.task_cooldown`: wait after every finished task.</summary>
    public int TaskCooldown { get; init; } = 300;
    /// <summary>`--generation.cooldown_violation_penalty`: added per pull during cooldown past the threshold.</summary>
    public int CooldownViolationPenalty { get; init; } = 10;
    /// <summary>`--generation.cooldown_violations_threshold`.</summary>
    public int CooldownViolationsThreshold { get; init; } = 100;
    /// <summary>`--generation.cooldown_penalty`: extra wait after a bad signature or a low score.</summary>
    public int CooldownPenalty { get; init; } = 600;
    /// <summary>`--generation.quality_threshold`: scores below it are rejected and penalised.</summary>
    public double QualityThreshold { get; init; } = 0.6;
    /// <summary>`--validation.moving_average_alpha`: weight of a new score in the fidelity EMA.</summary>
    public double FidelityAlpha { get; init; } = 0.05;
    /// <summary>`--validation.validation_lock_duration`: one validation per miner at a time.</summary>
    public int ValidationLockDuration { get; init; } = 30;
    /// <summary>Accepted results count towards rewards for this long (4 h).</summary>
    public int ObservationWindow { get; init; } = 14_400;
    /// <summary>Cooldown handed to hotkeys that are not in the metagraph.</summary>
    public int UnknownHotkeyCooldown { get; init; } = 3_600;
}
