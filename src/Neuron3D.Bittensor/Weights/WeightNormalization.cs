namespace Neuron3D.Bittensor.Weights;

/// <summary>
/// Turns float weights into the u16 vectors that <c>set_weights</c> carries, exactly as the Python SDK's
/// <c>convert_weights_and_uids_for_emit</c> does (spec bittensor.md §4.7), so a Neuron3D validator puts the same
/// numbers on chain as a Python one would for the same scores.
/// </summary>
public static class WeightNormalization
{
    /// <summary>
    /// Normalises by the maximum, scales to 0..65535 with banker's rounding, and drops entries that round to 0
    /// (with their uids). All-zero input gives empty vectors.
    /// </summary>
    /// <param name="uids">Neuron uids (non-negative, at most 65535).</param>
    /// <param name="weights">Weights, cast to float32 first as the SDK's numpy arrays are; must be non-negative and finite.</param>
    /// <exception cref="ArgumentException">Length mismatch, negative or non-finite weight, uid out of u16 range.</exception>
    public static (ushort[] Uids, ushort[] Values) ToEmit(ReadOnlySpan<long> uids, ReadOnlySpan<double> weights)
    {
        if (uids.Length != weights.Length)
            throw new ArgumentException($"uids ({uids.Length}) and weights ({weights.Length}) must have the same length");

        double max = 0, sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (uids[i] is < 0 or > ushort.MaxValue)
                throw new ArgumentException($"uid {uids[i]} at index {i} is outside 0..65535");
            var w = (double)(float)weights[i];
            if (!double.IsFinite(w)) throw new ArgumentException($"weight at index {i} is not finite");
            if (w < 0) throw new ArgumentException($"weight {weights[i]} at index {i} is negative");
            sum += w;
            if (w > max) max = w;
        }
        if (sum == 0) return ([], []);

        var outUids = new List<ushort>(uids.Length);
        var outValues = new List<ushort>(uids.Length);
        for (var i = 0; i < weights.Length; i++)
        {
            var scaled = Math.Round((double)(float)weights[i] / max * ushort.MaxValue, MidpointRounding.ToEven);
            if (scaled == 0) continue;
            outUids.Add((ushort)uids[i]);
            outValues.Add((ushort)scaled);
        }
        return (outUids.ToArray(), outValues.ToArray());
    }
}
