using System.Collections.Concurrent;

namespace Neuron3D.Bittensor.Axon.Server;

/// <summary>
/// Token bucket per verified hotkey: <c>ratePerSecond</c> sustained, <c>burst</c> at once. Full buckets are dropped
/// on sweeps (a missing bucket is a full one), so memory tracks only recently active hotkeys.
/// </summary>
internal sealed class HotkeyRateLimiter(double ratePerSecond, double burst, TimeProvider time)
{
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private long lastSweep;

    public bool Enabled => ratePerSecond > 0;

    public bool TryAcquire(string hotkey)
    {
        if (!Enabled) return true;
        var now = time.GetTimestamp();
        var previousSweep = Volatile.Read(ref lastSweep);
        if (buckets.Count > SweepThreshold && now - previousSweep > time.TimestampFrequency
            && Interlocked.CompareExchange(ref lastSweep, now, previousSweep) == previousSweep)
            Sweep(now);
        var bucket = buckets.GetOrAdd(hotkey, static (_, state) => new Bucket(state.burst, state.now), (burst, now));
        lock (bucket)
        {
            bucket.Refill(now, ratePerSecond, burst, time.TimestampFrequency);
            if (bucket.Tokens < 1) return false;
            bucket.Tokens -= 1;
            return true;
        }
    }

    private void Sweep(long now)
    {
        foreach (var (hotkey, bucket) in buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, ratePerSecond, burst, time.TimestampFrequency);
                if (bucket.Tokens >= burst) buckets.TryRemove(new KeyValuePair<string, Bucket>(hotkey, bucket));
            }
        }
    }

    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens = tokens;
        private long updated = updated;

        public void Refill(long now, double ratePerSecond, double burst, long frequency)
        {
            if (now <= updated) return;
            Tokens = Math.Min(burst, Tokens + (now - updated) * ratePerSecond / frequency);
            updated = now;
        }
    }
}
