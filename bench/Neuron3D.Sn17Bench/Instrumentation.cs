using System.Diagnostics;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Rendering;
using Neuron3D.Assets.Splats;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator.Scoring;

namespace Neuron3D.Sn17Bench;

/// <summary>
/// Wraps the miner's generator and records when the last generation started and ended (Stopwatch ticks), so the miner
/// benchmark can split a task cycle into pull, generation and everything after without touching the miner.
/// </summary>
internal sealed class TimedGenerator(IMinerGenerator inner) : IMinerGenerator
{
    public long StartedAt { get; private set; }
    public long EndedAt { get; private set; }

    public string Name => inner.Name;

    public bool Supports(TaskKind kind) => inner.Supports(kind);

    public async Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken)
    {
        StartedAt = Stopwatch.GetTimestamp();
        try
        {
            return await inner.GenerateAsync(task, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            EndedAt = Stopwatch.GetTimestamp();
        }
    }

    public void Clear() => (StartedAt, EndedAt) = (0, 0);
}

/// <summary>
/// The validator benchmark's scorer: the built-in structural scorer, then SN17's 4-view preview (views 1, 5, 9, 13 in a
/// 2×2 grid, PNG) that duels send to the judge. The structural scorer does not render, so the SPZ is decoded a second
/// time here; bench/validator.sh shows the decode cost beside the result so that the double decode is visible.
/// </summary>
internal sealed class PreviewingScorer(StructuralScorer structural) : IFidelityScorer
{
    public string Name => structural.Name + " + 4-view preview";

    public async Task<ScoreReport?> ScoreAsync(Sn17Task task, ReadOnlyMemory<byte> spz, ScoreRequestOptions options, CancellationToken cancellationToken)
    {
        var report = await structural.ScoreAsync(task, spz, options, cancellationToken).ConfigureAwait(false);
        if (report is null) return null;
        SplatCloud cloud;
        try
        {
            cloud = SpzCodec.Decode(spz.Span, StructuralScorer.DefaultLimits);
        }
        catch (AssetFormatException)
        {
            return report; // unreadable: nothing to render, the structural verdict already says why
        }
        return report with { GridPreviewPng = ViewGrid.Sn17Preview(cloud, cancellationToken: cancellationToken).ToPng() };
    }
}

/// <summary>A metagraph that never changes (the benchmarks run without a chain).</summary>
internal sealed class FixedMetagraph(IReadOnlyList<NeuronView> neurons) : IMetagraphSource
{
    public Task<IReadOnlyList<NeuronView>> ReadNeuronsAsync(CancellationToken cancellationToken) => Task.FromResult(neurons);
}
