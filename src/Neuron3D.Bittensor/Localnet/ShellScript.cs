using System.Diagnostics;

namespace Neuron3D.Bittensor.Localnet;

/// <summary>
/// Runs one of the localchain folder's bash scripts (start.sh, stop.sh), handing each output line (stdout and stderr)
/// to a callback and keeping the last lines for error messages. On timeout or cancellation the script and its children
/// are killed.
/// </summary>
internal static class ShellScript
{
    /// <summary>Output lines kept (the oldest are dropped beyond this); npm's failure output is about 100 lines.</summary>
    private const int KeptLines = 2000;

    /// <summary>The exit code and the lines printed (stdout and stderr interleaved as they arrived).</summary>
    internal sealed record Result(int ExitCode, IReadOnlyList<string> Lines)
    {
        /// <summary>The last <paramref name="count"/> lines, one per line.</summary>
        public string Tail(int count = 40) => ShellScript.Tail(Lines, count);
    }

    internal static string Tail(IReadOnlyList<string> lines, int count) => string.Join('\n', lines.Skip(Math.Max(0, lines.Count - count)));

    /// <summary>The script ran longer than its limit and was killed; <see cref="Tail"/> holds its last lines.</summary>
    internal sealed class TimedOutException(string tail) : TimeoutException
    {
        public string Tail { get; } = tail;
    }

    /// <param name="directory">The folder holding <paramref name="script"/>; also the working directory.</param>
    /// <param name="script">File name, e.g. start.sh.</param>
    /// <param name="arguments">The script's arguments.</param>
    /// <param name="environment">Variables to set (a null value removes the variable).</param>
    /// <param name="onLine">Called for every output line, from a thread-pool thread.</param>
    /// <param name="timeout">Wall-clock limit.</param>
    /// <param name="cancellationToken">Kills the script when cancelled.</param>
    public static async Task<Result> RunAsync(string directory, string script, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment, Action<string>? onLine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(directory, script), .. arguments])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null) psi.Environment.Remove(name);
            else psi.Environment[name] = value;
        }

        var kept = new Queue<string>();
        void Receive(string? line)
        {
            if (line is null) return;
            lock (kept)
            {
                kept.Enqueue(line);
                if (kept.Count > KeptLines) kept.Dequeue();
            }
            onLine?.Invoke(line);
        }
        string[] Lines()
        {
            lock (kept) return [.. kept];
        }

        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimedOutException(Tail(Lines(), 40));
        }
        return new Result(process.ExitCode, Lines());
    }
}
