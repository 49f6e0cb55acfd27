using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator.Scoring;

/// <summary>
/// The scorer that needs no GPU and no model: it decodes the SPZ under hard limits and applies SN17's splat sanity
/// gates (spec sn17-404gen.md §3.5 step 3, §6). It judges structure only — not whether the asset matches the prompt —
/// and every report says so. An asset that passes every gate scores 1, anything else 0; a decode failure is a 0
/// (the validation service answers 0.0 for unreadable data too), never a scorer failure.
/// </summary>
public sealed class StructuralScorer(SplatCheckOptions? gates = null, SpzReadOptions? limits = null) : IFidelityScorer
{
    private readonly SplatCheckOptions _gates = gates ?? SplatCheckOptions.Default;
    private readonly SpzReadOptions _limits = limits ?? DefaultLimits;

    /// <summary>
    /// Tighter than the SPZ reader's 10M-point ceiling: a validator decodes untrusted uploads all day, and real SN17
    /// results hold well under a million splats.
    /// </summary>
    public static SpzReadOptions DefaultLimits { get; } = new() { MaxPoints = 2_000_000, MaxInputBytes = 64L << 20 };

    public string Name => "structural only (SN17 splat gates; prompt fidelity not judged)";

    public Task<ScoreReport?> ScoreAsync(Sn17Task task, ReadOnlyMemory<byte> spz, ScoreRequestOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var cloud = SpzCodec.Decode(spz.Span, _limits);
            var report = SplatChecks.Check(cloud, _gates);
            var notes = report.Passed
                ? $"{cloud.Count} splats, every SN17 gate passed"
                : $"{cloud.Count} splats, failed: {string.Join(", ", report.FailedRules)}";
            return Task.FromResult<ScoreReport?>(new ScoreReport(report.Passed ? 1.0 : 0.0, Name, Notes: notes));
        }
        catch (AssetFormatException e)
        {
            return Task.FromResult<ScoreReport?>(new ScoreReport(0.0, Name, Notes: "unreadable SPZ: " + e.Message));
        }
    }
}
