using Neuron3D.Assets.Checks;

namespace Neuron3D.Subnet17.Miner;

/// <summary>Miner behaviour; defaults are SN17's reference miner's (spec sn17-404gen.md §2).</summary>
public sealed record MinerOptions
{
    /// <summary>Dendrite timeout of PullTask (12 s).</summary>
    public TimeSpan PullTimeout { get; init; } = TimeSpan.FromSeconds(12);
    /// <summary>Dendrite timeout of SubmitResults (300 s: validators score before they answer).</summary>
    public TimeSpan SubmitTimeout { get; init; } = TimeSpan.FromSeconds(300);
    /// <summary>Longest a generation may take before the task is skipped (aiohttp's 5 min in the reference miner).</summary>
    public TimeSpan GenerationTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Cooldown for a validator that failed, answered nothing useful, or gave no feedback (FAILED_VALIDATOR_DELAY).</summary>
    public TimeSpan FailedValidatorDelay { get; init; } = TimeSpan.FromSeconds(300);
    /// <summary>How long an idle worker waits when no validator is eligible.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Metagraph re-sync period (`--neuron.sync_interval`, 30 min).</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>Minimum validator stake in TAO (`--neuron.min_stake_to_set_weights`).</summary>
    public double MinValidatorStake { get; init; } = 1000;
    /// <summary>Preferred validator's hotkey (every 5th pull), or null for none.</summary>
    public string? OwnerHotkey { get; init; } = ValidatorSelector.Sn17OwnerHotkey;
    /// <summary>
    /// Self-validation before submitting: a result that fails these checks is replaced by an empty one (a skip),
    /// because SN17 penalises low scores but not skips. Null disables self-checks.
    /// </summary>
    public SplatCheckOptions? SelfCheck { get; init; } = new();
    /// <summary>On Ctrl-C/SIGTERM, how long in-flight tasks may still finish before they are abandoned.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(30);
}
