using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Neuron3D.Bittensor.Chain;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Storage;

namespace Neuron3D.Bittensor.Localnet;

/// <summary>
/// The real subtensor runtime run locally by chopsticks (../shared/localchain): copies the localchain folder to a
/// writable work folder, installs its npm packages on first use and starts the chain through start.sh on 127.0.0.1,
/// pins the chain's clock, and stops it again (stop.sh, else by killing the recorded pid). Block helpers build blocks,
/// build up to a height, or jump straight to a subnet's next epoch block. One instance drives one port; the pid,
/// log and block-mode files of each port live in the work folder's run/, so another process (or a later
/// <c>neuron3d localnet stop</c>) can find the chain again. Nothing is left running when <see cref="StartAsync"/> fails.
/// </summary>
public sealed class LocalChain
{
    /// <summary>chopsticks 1.5.1 runs on Node.js 20 and later.</summary>
    public const int MinimumNodeMajorVersion = 20;

    /// <summary>Blocks per <c>dev_newBlock</c> request: keeps each request well inside its timeout and gives progress.</summary>
    private const int BlocksPerRequest = 20;

    private static readonly TimeSpan StopScriptTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StatusConnectTimeout = TimeSpan.FromSeconds(3);

    private readonly LocalChainOptions _options;

    /// <summary>A launcher for the chain described by <paramref name="options"/> (defaults: port 9944, Manual blocks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The port is not 1–65535.</exception>
    public LocalChain(LocalChainOptions? options = null)
    {
        _options = options ?? new LocalChainOptions();
        if (_options.Port is < 1 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(options), _options.Port, "the port must be 1–65535");
        WorkDirectory = Path.GetFullPath(_options.WorkDirectory ?? LocalChainPaths.DefaultWorkDirectory());
    }

    /// <summary>TCP port on 127.0.0.1.</summary>
    public int Port => _options.Port;

    /// <summary>The WebSocket endpoint (HTTP JSON-RPC answers on the same port).</summary>
    public Uri Endpoint => new($"ws://127.0.0.1:{Port}");

    /// <summary>The block mode <see cref="StartAsync"/> uses.</summary>
    public BlockBuildMode BlockMode => _options.BlockMode;

    /// <summary>The writable copy that runs.</summary>
    public string WorkDirectory { get; }

    /// <summary>start.sh's pid file for this port.</summary>
    public string PidFile => Path.Combine(WorkDirectory, "run", $"chopsticks-{Port}.pid");

    /// <summary>chopsticks' log for this port.</summary>
    public string LogFile => Path.Combine(WorkDirectory, "run", $"chopsticks-{Port}.log");

    private string ModeFile => Path.Combine(WorkDirectory, "run", $"chopsticks-{Port}.mode");

    /// <summary>A port on 127.0.0.1 that nothing listens on right now (for tests and side-by-side chains).</summary>
    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts a fresh chain (genesis, in-memory block store) and returns once its RPC answers and its clock is pinned.
    /// The first use in a work folder runs <c>npm ci</c> (about 1.5 min); <paramref name="progress"/> hears about each
    /// step and, during the install, every 15 s. Processes sharing the work folder take turns (a lock file beside it).
    /// </summary>
    /// <exception cref="LocalChainFolderNotFoundException">The localchain source folder is missing.</exception>
    /// <exception cref="LocalChainNodeMissingException">Node.js ≥ 20 is not on PATH.</exception>
    /// <exception cref="LocalChainPortInUseException">Something already listens on the port.</exception>
    /// <exception cref="LocalChainInstallException">npm ci failed or ran past <see cref="LocalChainOptions.InstallTimeout"/>.</exception>
    /// <exception cref="LocalChainStartException">chopsticks exited before its RPC answered.</exception>
    /// <exception cref="LocalChainNotReadyException">The RPC did not answer within <see cref="LocalChainOptions.ReadyTimeout"/>.</exception>
    public async Task<LocalChainStatus> StartAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var source = _options.SourceDirectory is { } given
            ? LocalChainPaths.RequireSource(given, "the given localchain path")
            : LocalChainPaths.FindSourceDirectory();
        var nodeVersion = await CheckNodeAsync("node", cancellationToken).ConfigureAwait(false);

        await using (await AcquireWorkLockAsync(cancellationToken).ConfigureAwait(false))
        {
            EnsurePortFree();
            if (!SamePath(source, WorkDirectory))
            {
                progress?.Report($"copying {source} to {WorkDirectory}");
                CopySource(source, WorkDirectory);
            }
            progress?.Report($"starting chopsticks (node {nodeVersion}) on {Endpoint} in {_options.BlockMode} mode");
            try
            {
                await RunStartScriptAsync(progress, cancellationToken).ConfigureAwait(false);
                await File.WriteAllTextAsync(ModeFile, _options.BlockMode.ToString(), CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                await StopAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
        try
        {
            await PinClockAsync(cancellationToken).ConfigureAwait(false);
            return await GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stops the chain recorded for this port (stop.sh, then a kill if it is still alive) and removes its pid file.
    /// Returns whether a running chain was stopped; false when none was recorded or it had already exited.
    /// A node that answers on the port without a pid file here (started elsewhere) is left alone.
    /// </summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken = default)
    {
        if (ReadPid() is not { } pid)
        {
            DeleteIfPresent(ModeFile);
            return false;
        }
        var wasAlive = IsChainProcessAlive(pid);
        if (wasAlive)
        {
            try
            {
                await ShellScript.RunAsync(WorkDirectory, "stop.sh", [Port.ToString(CultureInfo.InvariantCulture)],
                    new Dictionary<string, string?> { ["LOCALCHAIN_RUN_DIR"] = null }, null, StopScriptTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or IOException or Win32Exception)
            {
                // stop.sh missing, hung or failed: the kill below still ends the process.
            }
            if (IsChainProcessAlive(pid)) Kill(pid);
        }
        DeleteIfPresent(PidFile);
        DeleteIfPresent(ModeFile);
        return wasAlive;
    }

    /// <summary>
    /// The recorded process, whether it lives, and — if a node answers on the port — its head block and spec version.
    /// Never throws for a stopped chain; the RPC check gives up after 3 s.
    /// </summary>
    public async Task<LocalChainStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var pid = ReadPid();
        var alive = pid is { } p && IsChainProcessAlive(p);
        BlockBuildMode? mode = File.Exists(ModeFile) && Enum.TryParse<BlockBuildMode>(File.ReadAllText(ModeFile).Trim(), out var m) ? m : null;
        uint? head = null, spec = null;
        try
        {
            var quick = new RpcClientOptions { ConnectTimeout = StatusConnectTimeout, MaxReconnectAttempts = 0, RequestTimeout = TimeSpan.FromSeconds(15) };
            await using var client = await ChainClient.ConnectAsync(Endpoint, quick, cancellationToken).ConfigureAwait(false);
            head = (await client.GetHeaderAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Number;
            spec = (await client.GetRuntimeVersionAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).SpecVersion;
        }
        catch (Exception e) when (e is RpcConnectionException or RpcTimeoutException or RpcException or RpcProtocolException)
        {
            // Not answering (or not a Substrate node) is a status, not an error.
        }
        return new LocalChainStatus(Port, Endpoint, WorkDirectory, pid, alive, head is not null, head, spec, alive ? mode : null, LogFile);
    }

    /// <summary>Builds <paramref name="count"/> empty blocks (about 0.5 s each); returns the new head number.</summary>
    /// <param name="count">Blocks to build, at least 1.</param>
    /// <param name="progress">Hears the head number after every batch of 20 blocks.</param>
    /// <param name="cancellationToken">Stops between batches (a batch in flight completes on the chain).</param>
    /// <exception cref="LocalChainNotRunningException">No chain answers on the port.</exception>
    public async Task<uint> BuildBlocksAsync(int count, IProgress<uint>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await using var client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await BuildAsync(client, count, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds blocks until the head is block <paramref name="height"/>; returns it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The head is already at or past <paramref name="height"/>.</exception>
    /// <exception cref="LocalChainNotRunningException">No chain answers on the port.</exception>
    public async Task<uint> BuildToHeightAsync(uint height, IProgress<uint>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var head = (await client.GetHeaderAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Number;
        if (height <= head)
            throw new ArgumentOutOfRangeException(nameof(height), height, $"the head is already block {head}; ask for a higher block");
        return await BuildAsync(client, checked((int)(height - head)), progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds ONE block numbered as the next block in which <paramref name="netuid"/> runs its epoch
    /// (<see cref="EpochSchedule"/>; chopsticks' <c>unsafeBlockHeight</c>), whatever the tempo. Emission accrues per
    /// block built, so a jump pays one block's worth; a jump past ActivityCutoff (5000 blocks) makes neurons inactive.
    /// </summary>
    /// <param name="netuid">The subnet.</param>
    /// <param name="tempo">Its tempo in blocks; null reads <c>SubtensorModule.Tempo</c> from the chain.</param>
    /// <param name="cancellationToken">Cancels the reads; the block request itself is not undone.</param>
    /// <exception cref="LocalChainSubnetException">The subnet does not exist or has tempo 0.</exception>
    /// <exception cref="LocalChainNotRunningException">No chain answers on the port.</exception>
    public async Task<EpochJump> JumpToNextEpochAsync(ushort netuid, ushort? tempo = null, CancellationToken cancellationToken = default)
    {
        await using var client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var metadata = await client.GetMetadataAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var exists = await client.ReadStorageAsync(new StorageItem(metadata, "SubtensorModule", "NetworksAdded"), [netuid],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (exists?.AsBool() != true)
            throw new LocalChainSubnetException(netuid, $"subnet {netuid} does not exist on the chain at {Endpoint}");
        var subnetTempo = tempo ?? await ReadTempoAsync(client, metadata, netuid, cancellationToken).ConfigureAwait(false);
        if (subnetTempo == 0)
            throw new LocalChainSubnetException(netuid, $"subnet {netuid} has tempo 0: it never runs an epoch");

        var head = (await client.GetHeaderAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Number;
        var target = checked((uint)EpochSchedule.NextEpochBlock(head, netuid, subnetTempo));
        await client.Rpc.RequestAsync("dev_newBlock", [new { unsafeBlockHeight = target }], _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        var built = (await client.GetHeaderAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Number;
        if (built != target)
            throw new LocalChainException($"asked for epoch block {target} of subnet {netuid} but the head is block {built} (another client built blocks at the same time?)");
        return new EpochJump(netuid, subnetTempo, target);
    }

    private static async Task<ushort> ReadTempoAsync(ChainClient client, RuntimeMetadata metadata, ushort netuid, CancellationToken cancellationToken)
    {
        var value = await client.ReadStorageAsync(new StorageItem(metadata, "SubtensorModule", "Tempo"), [netuid],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return (ushort)value!.AsNumber();
    }

    private async Task<uint> BuildAsync(ChainClient client, int count, IProgress<uint>? progress, CancellationToken cancellationToken)
    {
        uint head = 0;
        for (var remaining = count; remaining > 0;)
        {
            var batch = Math.Min(remaining, BlocksPerRequest);
            await client.Rpc.RequestAsync("dev_newBlock", [new { count = batch }], _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
            remaining -= batch;
            head = (await client.GetHeaderAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Number;
            progress?.Report(head);
        }
        return head;
    }

    private async Task<ChainClient> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ChainClient.ConnectAsync(Endpoint, new RpcClientOptions { RequestTimeout = _options.RequestTimeout }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RpcConnectionException e)
        {
            throw new LocalChainNotRunningException(Port, $"no chain answers on {Endpoint}; start one first (neuron3d localnet start --port {Port})", e);
        }
    }

    /// <summary>
    /// At genesis Timestamp.Now is unset and chopsticks reads the wall clock twice per block (Aura slot digest and
    /// timestamp inherent); on a loaded machine the two reads straddle a 1 s slot and every block panics with
    /// "Timestamp slot must match CurrentSlot". Setting the time once, slot-aligned, makes every later block
    /// parent time + 1 slot, so block building no longer depends on the wall clock.
    /// </summary>
    private async Task PinClockAsync(CancellationToken cancellationToken)
    {
        await using var client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var slotAligned = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000 * 1000;
        await client.Rpc.RequestAsync("dev_timeTravel", [slotAligned], _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunStartScriptAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["LOCALCHAIN_BUILD_MODE"] = _options.BlockMode.ToString(),
            ["LOCALCHAIN_READY_TIMEOUT"] = Math.Ceiling(_options.ReadyTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            // The pid/log locations and a background start are what this class relies on.
            ["LOCALCHAIN_RUN_DIR"] = null,
            ["LOCALCHAIN_FOREGROUND"] = null,
            ["LOCALCHAIN_RESUME"] = null,
        };
        Stopwatch? installClock = null; // set from the output thread; a reference write is atomic
        void OnLine(string line)
        {
            // start.sh announces its npm ci with this line (then npm's own output follows on stderr).
            if (line.StartsWith("installing dependencies", StringComparison.Ordinal))
            {
                installClock = Stopwatch.StartNew();
                progress?.Report("installing the chain's npm packages (first use in this folder: about 1.5 min on 2 cores)");
            }
        }

        var script = ShellScript.RunAsync(WorkDirectory, "start.sh", [Port.ToString(CultureInfo.InvariantCulture), "memory"], environment, OnLine,
            _options.InstallTimeout + _options.ReadyTimeout + TimeSpan.FromSeconds(30), cancellationToken);
        ShellScript.Result result;
        try
        {
            while (await Task.WhenAny(script, Task.Delay(ProgressInterval, cancellationToken)).ConfigureAwait(false) != script)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (installClock is { } clock) progress?.Report($"still installing ({clock.Elapsed.TotalSeconds:0} s)");
            }
            result = await script.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The same token kills the script; let that finish before the caller stops what it left behind.
            await ((Task)script).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        catch (ShellScript.TimedOutException e)
        {
            throw installClock is not null && !File.Exists(PidFile)
                ? new LocalChainInstallException($"npm ci in {WorkDirectory} did not finish within {_options.InstallTimeout.TotalMinutes:0} min", e.Tail)
                : new LocalChainNotReadyException($"the chain on {Endpoint} did not answer within {_options.ReadyTimeout.TotalSeconds:0} s; log: {LogFile}", _options.ReadyTimeout);
        }
        if (result.ExitCode == 0)
        {
            progress?.Report(result.Lines.LastOrDefault(l => l.StartsWith("localchain ready", StringComparison.Ordinal)) ?? $"ready on {Endpoint}");
            return;
        }
        throw ClassifyStartFailure(result, installClock is not null);
    }

    /// <summary>Turns a failed start.sh into the exception that names the failed step (start.sh's messages are fixed text).</summary>
    private LocalChainException ClassifyStartFailure(ShellScript.Result result, bool installed)
    {
        var output = result.Tail();
        bool Printed(string text) => result.Lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        if (Printed("something already answers JSON-RPC"))
            return new LocalChainPortInUseException(Port, null, $"a JSON-RPC node already answers on {Endpoint}; stop it or choose another port");
        if (Printed("RPC did not answer within"))
            return new LocalChainNotReadyException(
                $"the chain on {Endpoint} did not answer within {_options.ReadyTimeout.TotalSeconds:0} s and was stopped; log: {LogFile}", _options.ReadyTimeout);
        if (Printed("chopsticks exited before its RPC answered"))
            return new LocalChainStartException($"chopsticks exited before its RPC answered; its log ({LogFile}) ends with:\n{output}", output);
        if (Printed("node (>= 20) is required"))
            return new LocalChainNodeMissingException($"start.sh found no Node.js on PATH: {output}");
        if (installed)
        {
            // npm names the cause first, then prints its usage text and the path of its debug log.
            var errors = result.Lines.Where(line => line.StartsWith("npm error", StringComparison.Ordinal) || line.StartsWith("npm ERR!", StringComparison.Ordinal))
                .Take(8).ToList();
            var cause = errors.Count > 0 ? string.Join('\n', errors) : output;
            return new LocalChainInstallException($"npm ci in {WorkDirectory} failed (exit {result.ExitCode}):\n{cause}", result.Tail(200));
        }
        return new LocalChainStartException($"start.sh exited {result.ExitCode}:\n{output}", output);
    }

    /// <summary>Runs <c>node --version</c>; returns the version (e.g. v20.20.2).</summary>
    /// <exception cref="LocalChainNodeMissingException">node cannot be run or is older than <see cref="MinimumNodeMajorVersion"/>.</exception>
    internal static async Task<string> CheckNodeAsync(string executable, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(executable, ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string version;
        try
        {
            using var process = Process.Start(psi)!;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            version = (await process.StandardOutput.ReadToEndAsync(limit.Token).ConfigureAwait(false)).Trim();
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Win32Exception e)
        {
            throw new LocalChainNodeMissingException(
                $"Node.js ≥ {MinimumNodeMajorVersion} is required to run the local chain, but `{executable}` is not on PATH: install it (e.g. from nodejs.org or your package manager)", null, e);
        }
        var major = version.TrimStart('v').Split('.')[0];
        if (!int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var majorVersion) || majorVersion < MinimumNodeMajorVersion)
            throw new LocalChainNodeMissingException(
                $"Node.js ≥ {MinimumNodeMajorVersion} is required to run the local chain; `{executable} --version` printed '{version}'", version);
        return version;
    }

    private void EnsurePortFree()
    {
        if (ReadPid() is { } pid)
        {
            if (IsChainProcessAlive(pid))
                throw new LocalChainPortInUseException(Port, pid,
                    $"a local chain already runs on {Endpoint} (pid {pid}); stop it first (neuron3d localnet stop --port {Port}) or choose another port");
            DeleteIfPresent(PidFile); // left by a chain that died without stop.sh
        }
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, Port);
            probe.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw new LocalChainPortInUseException(Port, null,
                e.SocketErrorCode == SocketError.AccessDenied
                    ? $"port {Port} on 127.0.0.1 may not be used by this user; choose another port"
                    : $"port {Port} on 127.0.0.1 is already in use by another program; choose another port");
        }
    }

    private int? ReadPid()
    {
        try
        {
            return int.TryParse(File.ReadAllText(PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="pid"/> is a live node process: a recycled pid belongs to another program, and a chain
    /// that exited but was not yet reaped by its new parent is a zombie (Linux state Z).
    /// </summary>
    private static bool IsChainProcessAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited || !process.ProcessName.StartsWith("node", StringComparison.Ordinal)) return false;
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat)) return true;
            var text = File.ReadAllText(stat);
            var afterName = text.LastIndexOf(')');
            return afterName < 0 || afterName + 2 >= text.Length || text[afterName + 2] != 'Z';
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // already gone
        }
    }

    /// <summary>
    /// An exclusive lock on <c>&lt;work folder&gt;.lock</c>: test assemblies and CLI runs that share a work folder must
    /// not copy, npm-install or start in it at the same time.
    /// </summary>
    private async Task<FileStream> AcquireWorkLockAsync(CancellationToken cancellationToken)
    {
        var path = WorkDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + _options.LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new LocalChainException($"another process has held {path} for {_options.LockTimeout.TotalMinutes:0} min (installing or starting a chain there)", e);
            }
        }
    }

    /// <summary>
    /// Copies the source folder's files, skipping node_modules/ and run/ (the copy installs and runs its own). Files
    /// already copied and unchanged are kept; copies get write permission, since a read-only source yields read-only files.
    /// </summary>
    private static void CopySource(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var destination = new FileInfo(Path.Combine(target, Path.GetFileName(file)));
            var original = new FileInfo(file);
            if (destination.Exists && destination.Length == original.Length && destination.LastWriteTimeUtc >= original.LastWriteTimeUtc) continue;
            if (destination.Exists) destination.IsReadOnly = false;
            File.Copy(file, destination.FullName, overwrite: true);
            destination.Refresh();
            destination.IsReadOnly = false;
        }
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "node_modules" or "run") continue;
            CopySource(directory, Path.Combine(target, name));
        }
    }

    /// <summary>File.Delete, which also tolerates a missing run/ folder.</summary>
    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
