using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
namespace Neuron3D.Testing;

/// <summary>
/// The real subtensor runtime (spec 293) run by chopsticks from ../shared/localchain, shared by every test in the
/// <see cref="LocalChainCollection"/>. ../shared is read-only (npm ci writes node_modules), so the folder is copied to
/// the git-ignored artifacts/localchain first (node_modules there is reused between runs). The chain starts on a
/// free port in Manual block mode (blocks only on dev_newBlock) and is always stopped in DisposeAsync. Test assemblies
/// run in parallel and each may hold one: a file lock makes their copy, npm install and start take turns.
/// </summary>
public sealed class LocalChainFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5); // first use runs npm ci (~1.5 min)

    public string Directory { get; } = Path.Combine(RepoPaths.Root, "artifacts", "localchain");
    public int Port { get; private set; }
    public Uri Endpoint => new($"ws://127.0.0.1:{Port}");
    public bool IsRunning { get; private set; }

    public async Task InitializeAsync()
    {
        await using var installLock = await AcquireInstallLockAsync(StartTimeout * 2);
        CopyLocalChain();
        Port = FreePort();
        await StartAsync();
    }

    /// <summary>An exclusive lock on artifacts/localchain.lock, shared by every test process of this checkout.</summary>
    private async Task<FileStream> AcquireInstallLockAsync(TimeSpan timeout)
    {
        var path = Directory + ".lock";
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    /// <summary>Starts the chain on <see cref="Port"/> (fresh genesis); stops whatever start.sh left behind if it fails.</summary>
    public async Task StartAsync()
    {
        try
        {
            await RunScriptAsync("start.sh", [Port.ToString(), "memory"], StartTimeout);
            await PinGenesisTimestampAsync();
            IsRunning = true;
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>Stops the chain (idempotent; kills the recorded pid if stop.sh cannot).</summary>
    public async Task StopAsync()
    {
        var pidFile = Path.Combine(Directory, "run", $"chopsticks-{Port}.pid");
        IsRunning = false;
        if (!File.Exists(pidFile)) return;
        try
        {
            await RunScriptAsync("stop.sh", [Port.ToString()], TimeSpan.FromSeconds(30));
        }
        catch (Exception) when (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try { Process.GetProcessById(pid).Kill(entireProcessTree: true); }
            catch (ArgumentException) { } // already gone
            File.Delete(pidFile);
        }
    }

    public Task DisposeAsync() => StopAsync();

    /// <summary>
    /// At genesis Timestamp.Now is unset and chopsticks reads the wall clock twice per block (Aura slot digest and
    /// timestamp inherent); on a loaded machine the reads straddle a 1 s slot and every block panics with
    /// "Timestamp slot must match CurrentSlot". Setting the time once (slot-aligned) makes block building deterministic.
    /// </summary>
    private async Task PinGenesisTimestampAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000 * 1000;
        var body = new StringContent($$"""{"id":1,"jsonrpc":"2.0","method":"dev_timeTravel","params":[{{now}}]}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"http://127.0.0.1:{Port}", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !text.Contains("\"result\""))
            throw new InvalidOperationException($"dev_timeTravel failed: {(int)response.StatusCode} {text}");
    }

    private void CopyLocalChain()
    {
        var source = RepoPaths.SharedFile("localchain");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(source))
        {
            var target = Path.Combine(Directory, Path.GetFileName(file));
            var info = new FileInfo(file);
            var existing = new FileInfo(target);
            if (existing.Exists && existing.Length == info.Length && existing.LastWriteTimeUtc >= info.LastWriteTimeUtc) continue;
            if (existing.Exists) existing.IsReadOnly = false;
            File.Copy(file, target, overwrite: true);
            // CI copies ../shared without write bits; the copy must be writable for the next refresh.
            new FileInfo(target).IsReadOnly = false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunScriptAsync(string script, string[] arguments, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Directory, script), .. arguments])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["LOCALCHAIN_READY_TIMEOUT"] = "240";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not run {script}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', arguments)} did not finish within {timeout}: {Tail(await stderr)}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} exited {process.ExitCode}: {Tail(await stdout)} {Tail(await stderr)}");
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}

/// <summary>All tests that need the local chain share one instance and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LocalChainCollection : ICollectionFixture<LocalChainFixture>
{
    public const string Name = "LocalChain";
}
