using System.Collections.Concurrent;
using System.Globalization;

namespace Neuron3D.Bittensor.Axon.Server;

/// <summary>
/// The nonce rules of spec §1.6 per <c>hotkey:uuid</c>: a first nonce must be younger than 4 s + timeout, later
/// ones must grow. Hardened: the age rule applies whatever SDK version the caller claims, the timeout used in it is
/// capped, and nonces too far in the future are refused — which makes entries older than the largest window safe
/// to forget (a replay of anything older fails the age rule), so the table stays bounded.
/// </summary>
internal sealed class NonceTracker(TimeSpan maxTimeout, TimeSpan maxClockSkew)
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, long> lastNonces = new(StringComparer.Ordinal);
    private readonly long maxWindowNanoseconds = Synapses.SynapseProtocol.AllowedNonceDeltaNanoseconds + (long)(maxTimeout.TotalSeconds * 1e9);
    private readonly long maxSkewNanoseconds = (long)(maxClockSkew.TotalSeconds * 1e9);
    private int commitsSinceSweep;

    public int Count => lastNonces.Count;

    /// <summary>Checks a nonce without recording it; returns the failure text, or null when acceptable.</summary>
    public string? Check(string key, long nonce, double timeoutSeconds, long nowNanoseconds)
    {
        if (nonce > nowNanoseconds + maxSkewNanoseconds)
            return string.Create(CultureInfo.InvariantCulture, $"Nonce is {(nonce - nowNanoseconds) / 1e9:F2} seconds in the future");
        if (lastNonces.TryGetValue(key, out var last))
            return nonce <= last ? "Nonce is too old, a newer one was last processed" : null;

        var window = Math.Min(Synapses.SynapseProtocol.AllowedNonceDeltaNanoseconds + (long)(timeoutSeconds * 1e9), maxWindowNanoseconds);
        if (nonce <= nowNanoseconds - window)
            return string.Create(CultureInfo.InvariantCulture,
                $"Nonce is too old: acceptable delta is {window / 1e9:F2} seconds but request was {(nowNanoseconds - nonce) / 1e9:F2} seconds old");
        return null;
    }

    /// <summary>
    /// Records a verified nonce if it is still newer than the stored one; false when a concurrent request with the
    /// same or a newer nonce got there first (a replay racing the original).
    /// </summary>
    public bool TryCommit(string key, long nonce, long nowNanoseconds)
    {
        while (true)
        {
            if (lastNonces.TryGetValue(key, out var last))
            {
                if (nonce <= last) return false;
                if (lastNonces.TryUpdate(key, nonce, last)) break;
            }
            else if (lastNonces.TryAdd(key, nonce))
            {
                break;
            }
        }
        if (Interlocked.Increment(ref commitsSinceSweep) % SweepEvery == 0) Sweep(nowNanoseconds);
        return true;
    }

    /// <summary>Forgets entries whose nonce is older than the largest window (see the class remarks).</summary>
    public void Sweep(long nowNanoseconds)
    {
        var cutoff = nowNanoseconds - maxWindowNanoseconds;
        foreach (var (key, last) in lastNonces)
            if (last < cutoff) lastNonces.TryRemove(new KeyValuePair<string, long>(key, last));
    }
}
