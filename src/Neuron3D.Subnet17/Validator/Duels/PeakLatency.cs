namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>
/// SN17's "high watermark with decay" of service latency (spec sn17-404gen.md §3.6): each observation sets
/// peak = max(latency, peak × 0.95); duels pause while the peak is above the slow threshold. Starts at 1 s like SN17.
/// Thread-safe.
/// </summary>
public sealed class PeakLatency
{
    /// <summary>Per-observation decay of the peak.</summary>
    public const double Decay = 0.95;

    private readonly Lock _gate = new();
    private double _peak = 1.0;

    /// <summary>The decayed peak, seconds.</summary>
    public double Seconds
    {
        get { lock (_gate) return _peak; }
    }

    /// <summary>Records one call's latency (seconds); negative or non-finite values are ignored.</summary>
    public void Observe(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0) return;
        lock (_gate) _peak = Math.Max(seconds, _peak * Decay);
    }
}
