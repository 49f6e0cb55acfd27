using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator.Scoring;

/// <summary>A scorer's verdict on one asset. Sub-scores are null where the scorer has no such metric.</summary>
/// <param name="Score">Final score; ≥ the quality threshold (0.6) means accepted. May exceed 1 (validators cap fidelity at 1).</param>
/// <param name="Scorer">Which scorer produced it (reports say so plainly, e.g. "structural only").</param>
/// <param name="Notes">Why, in a sentence (failed gates, counts); shown in logs and status.</param>
public sealed record ScoreReport(
    double Score,
    string Scorer,
    double? Iqa = null,
    double? Alignment = null,
    double? Ssim = null,
    double? Lpips = null,
    byte[]? PreviewPng = null,
    byte[]? GridPreviewPng = null,
    string? Notes = null);

/// <summary>What a validator asks of a scorer besides the asset.</summary>
/// <param name="SinglePreview">Return a single-view PNG (when the score passes <paramref name="PreviewScoreThreshold"/>).</param>
/// <param name="GridPreview">Return a 2×2 grid PNG (duels and organic tasks).</param>
public sealed record ScoreRequestOptions(bool SinglePreview = false, bool GridPreview = false, double PreviewScoreThreshold = 0.5);

/// <summary>
/// Judges how well an SN17 asset (SPZ bytes) matches its task. Returns null when the scorer itself failed (the
/// validator then reports <c>validation_failed</c> and does not penalise the miner); throws only on cancellation.
/// </summary>
public interface IFidelityScorer
{
    string Name { get; }

    Task<ScoreReport?> ScoreAsync(Sn17Task task, ReadOnlyMemory<byte> spz, ScoreRequestOptions options, CancellationToken cancellationToken);
}
