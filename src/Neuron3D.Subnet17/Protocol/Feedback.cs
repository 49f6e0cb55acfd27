namespace Neuron3D.Subnet17.Protocol;

/// <summary>What a validator tells a miner after a submission (spec sn17-404gen.md §1.3).</summary>
/// <param name="ValidationFailed">True only when the validation service itself failed.</param>
/// <param name="TaskFidelityScore">min(1, score) for an accepted result, else 0.</param>
/// <param name="AverageFidelityScore">The miner's fidelity EMA (starts at 1, α = 0.05).</param>
/// <param name="GenerationsWithinTheWindow">Accepted results in the last 4 hours.</param>
/// <param name="CurrentDuelRating">Glicko-2 rating (starts at 1500).</param>
/// <param name="CurrentMinerReward">GenerationsWithinTheWindow × CurrentDuelRating.</param>
public sealed record Feedback(
    bool ValidationFailed = false,
    double TaskFidelityScore = 0,
    double AverageFidelityScore = 0,
    int GenerationsWithinTheWindow = 0,
    double CurrentDuelRating = 0,
    double CurrentMinerReward = 0);
