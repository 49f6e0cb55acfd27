using Neuron3D.Assets.Splats;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Demo;

/// <summary>
/// A generator on a splat budget: it keeps <see cref="Budget"/> evenly spaced splats of each asset the inner generator
/// makes. The procedural generator never goes below SN17's 7000-splat gate by itself, so this is how the demo makes a
/// miner whose results are honestly too thin.
/// </summary>
public sealed class SplatBudgetGenerator : IMinerGenerator
{
    private readonly IMinerGenerator _inner;

    /// <param name="inner">The generator whose assets are thinned.</param>
    /// <param name="budget">Most splats kept per asset (at least 1).</param>
    public SplatBudgetGenerator(IMinerGenerator inner, int budget)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        Budget = budget;
    }

    /// <summary>Most splats kept per asset.</summary>
    public int Budget { get; }

    /// <inheritdoc />
    public string Name => $"{_inner.Name} (budget {Budget} splats)";

    /// <inheritdoc />
    public bool Supports(TaskKind kind) => _inner.Supports(kind);

    /// <inheritdoc />
    public async Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken) =>
        Thin(await _inner.GenerateAsync(task, cancellationToken).ConfigureAwait(false), Budget);

    /// <summary>Every k-th splat of <paramref name="cloud"/> so that at most <paramref name="budget"/> remain; the cloud itself when it fits.</summary>
    public static SplatCloud Thin(SplatCloud cloud, int budget)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (cloud.Count <= budget) return cloud;
        var step = (double)cloud.Count / budget;
        var thin = new SplatCloud(budget, cloud.ShDegree);
        var rest = SplatCloud.ShRestCoefficientsPerSplat(cloud.ShDegree) * 3;
        for (var i = 0; i < budget; i++)
        {
            var from = (int)(i * step);
            cloud.Positions.AsSpan(3 * from, 3).CopyTo(thin.Positions.AsSpan(3 * i));
            cloud.LogScales.AsSpan(3 * from, 3).CopyTo(thin.LogScales.AsSpan(3 * i));
            cloud.Rotations.AsSpan(4 * from, 4).CopyTo(thin.Rotations.AsSpan(4 * i));
            thin.OpacityLogits[i] = cloud.OpacityLogits[from];
            cloud.ShDc.AsSpan(3 * from, 3).CopyTo(thin.ShDc.AsSpan(3 * i));
            cloud.ShRest.AsSpan(rest * from, rest).CopyTo(thin.ShRest.AsSpan(rest * i));
        }
        return thin;
    }
}

/// <summary>A generator that can do no task at all, so its miner answers every task with an empty result (a skip).</summary>
public sealed class DecliningGenerator : IMinerGenerator
{
    /// <inheritdoc />
    public string Name => "declines every task";

    /// <inheritdoc />
    public bool Supports(TaskKind kind) => false;

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: the miner never calls it, as <see cref="Supports"/> is false.</exception>
    public Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken) =>
        throw new NotSupportedException("this generator declines every task");
}
