using System.Diagnostics;
using System.Globalization;

namespace Neuron3D.BenchShared;

/// <summary>
/// Writes this process's memory to a TSV file every interval, for the soak and validator benchmarks: seconds since
/// start, unix time (s, so that scripts can cut the samples at the moment their load began), RSS (bytes), the GC heap as of the last collection (bytes, fragmentation included) and the managed bytes in
/// use now (live and not yet collected). Each line is flushed, so a killed process still leaves its samples.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly StreamWriter _writer;
    private readonly PeriodicTimer _timer;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Task _loop;

    private MemorySampler(string path, TimeSpan interval)
    {
        _writer = new StreamWriter(path) { AutoFlush = true };
        _writer.WriteLine("seconds\tunix_seconds\trss_bytes\tgc_heap_bytes\tmanaged_in_use_bytes\tgc_count");
        _timer = new PeriodicTimer(interval);
        Sample();
        _loop = RunAsync();
    }

    /// <summary>Starts sampling into <paramref name="path"/> (one line at once, then one per <paramref name="interval"/>).</summary>
    public static MemorySampler Start(string path, TimeSpan interval) => new(path, interval);

    private async Task RunAsync()
    {
        while (await _timer.WaitForNextTickAsync().ConfigureAwait(false)) Sample();
    }

    private void Sample()
    {
        using var self = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Stopwatch.GetElapsedTime(_started).TotalSeconds:F1}\t{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:F3}\t{self.WorkingSet64}\t{info.HeapSizeBytes}\t{GC.GetTotalMemory(false)}\t{GC.CollectionCount(0)}"));
    }

    /// <summary>Takes a last sample and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _loop.ConfigureAwait(false);
        Sample();
        await _writer.DisposeAsync().ConfigureAwait(false);
    }
}
