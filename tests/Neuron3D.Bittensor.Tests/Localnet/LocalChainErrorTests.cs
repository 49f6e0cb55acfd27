using System.Net;
using System.Net.Sockets;
using Neuron3D.Bittensor.Localnet;
using Neuron3D.Testing;

namespace Neuron3D.Bittensor.Tests.Localnet;

/// <summary>Every way a start can fail gives its own exception with the fact to act on, and leaves no process behind.</summary>
public sealed class LocalChainErrorTests
{
    private static readonly TimeSpan TestLimit = TimeSpan.FromMinutes(2);

    // Stand-ins for chopsticks (launch.cjs): one that dies at once, one that runs but never serves RPC.
    private const string ExitingLaunch = "console.error('fake chopsticks: bad chain spec'); process.exit(3);";
    private const string SilentLaunch = "setInterval(() => {}, 1000);";

    [Fact]
    public async Task A_missing_localchain_folder_is_named_and_nothing_starts()
    {
        var missing = Path.Combine(Path.GetTempPath(), "neuron3d-no-such-localchain-" + Guid.NewGuid().ToString("N"));
        var chain = new LocalChain(new LocalChainOptions { SourceDirectory = missing, WorkDirectory = missing + "-work", Port = LocalChain.FindFreePort() });

        var error = await Assert.ThrowsAsync<LocalChainFolderNotFoundException>(() => chain.StartAsync());
        Assert.Contains(missing, error.Message);
        Assert.Equal([missing], error.Searched);
        Assert.False(Directory.Exists(missing + "-work"));
    }

    [Fact]
    public async Task A_folder_without_start_sh_is_not_a_localchain_folder()
    {
        using var folder = new FakeLocalChainFolder(SilentLaunch);
        File.Delete(Path.Combine(folder.Source, "start.sh"));
        var chain = new LocalChain(new LocalChainOptions { SourceDirectory = folder.Source, WorkDirectory = folder.Work, Port = LocalChain.FindFreePort() });

        var error = await Assert.ThrowsAsync<LocalChainFolderNotFoundException>(() => chain.StartAsync());
        Assert.Contains("no start.sh", error.Message);
    }

    [Fact]
    public async Task Node_missing_or_too_old_is_reported_with_what_was_found()
    {
        var missing = await Assert.ThrowsAsync<LocalChainNodeMissingException>(() => LocalChain.CheckNodeAsync("neuron3d-no-such-node", CancellationToken.None));
        Assert.Contains("not on PATH", missing.Message);
        Assert.Null(missing.FoundVersion);

        // `true --version` runs but prints no node version.
        var notNode = await Assert.ThrowsAsync<LocalChainNodeMissingException>(() => LocalChain.CheckNodeAsync("true", CancellationToken.None));
        Assert.Contains("Node.js ≥ 20", notNode.Message);

        var version = await LocalChain.CheckNodeAsync("node", CancellationToken.None);
        Assert.Matches(@"^v\d+\.\d+\.\d+$", version);
    }

    [Fact]
    public async Task A_port_in_use_by_another_program_is_refused_before_anything_runs()
    {
        using var folder = new FakeLocalChainFolder(SilentLaunch);
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        var chain = new LocalChain(new LocalChainOptions { SourceDirectory = folder.Source, WorkDirectory = folder.Work, Port = port });

        var error = await Assert.ThrowsAsync<LocalChainPortInUseException>(() => chain.StartAsync());
        Assert.Equal(port, error.Port);
        Assert.Null(error.Pid);
        Assert.Contains($"port {port}", error.Message);
        Assert.False(File.Exists(chain.PidFile));
        Assert.Empty(folder.ProcessesUsingFolder());
    }

    [Fact]
    public async Task A_failed_install_reports_npm_output()
    {
        // A pinned package that is not installed makes start.sh run npm ci, which refuses to work without a lock file.
        using var folder = new FakeLocalChainFolder(SilentLaunch,
            """{ "name": "fake-localchain", "private": true, "dependencies": { "neuron3d-not-a-package": "1.0.0" } }""");
        var chain = new LocalChain(new LocalChainOptions { SourceDirectory = folder.Source, WorkDirectory = folder.Work, Port = LocalChain.FindFreePort() });
        var progress = new List<string>();
        using var limit = new CancellationTokenSource(TestLimit);

        var error = await Assert.ThrowsAsync<LocalChainInstallException>(() => chain.StartAsync(new SynchronousProgress(progress), limit.Token));
        Assert.Contains("npm ci", error.Message);
        Assert.Contains("package-lock", error.Message); // npm's cause, not its usage text
        Assert.Contains("npm error", error.LogTail);
        Assert.Contains(progress, line => line.Contains("installing the chain's npm packages", StringComparison.Ordinal));
        Assert.False(File.Exists(chain.PidFile));
        Assert.Empty(folder.ProcessesUsingFolder());
    }

    [Fact]
    public async Task A_chain_that_exits_at_once_reports_its_log()
    {
        using var folder = new FakeLocalChainFolder(ExitingLaunch);
        var chain = new LocalChain(new LocalChainOptions { SourceDirectory = folder.Source, WorkDirectory = folder.Work, Port = LocalChain.FindFreePort() });
        using var limit = new CancellationTokenSource(TestLimit);

        var error = await Assert.ThrowsAsync<LocalChainStartException>(() => chain.StartAsync(cancellationToken: limit.Token));
        Assert.Contains("fake chopsticks: bad chain spec", error.LogTail);
        Assert.Contains(chain.LogFile, error.Message);
        Assert.False(File.Exists(chain.PidFile));
        Assert.Empty(folder.ProcessesUsingFolder());
    }

    [Fact]
    public async Task A_chain_that_never_answers_is_stopped_after_the_ready_timeout()
    {
        using var folder = new FakeLocalChainFolder(SilentLaunch);
        var chain = new LocalChain(new LocalChainOptions
        {
            SourceDirectory = folder.Source, WorkDirectory = folder.Work, Port = LocalChain.FindFreePort(), ReadyTimeout = TimeSpan.FromSeconds(3),
        });
        using var limit = new CancellationTokenSource(TestLimit);
        var recorded = WatchForPidAsync(chain, limit.Token);

        var error = await Assert.ThrowsAsync<LocalChainNotReadyException>(() => chain.StartAsync(cancellationToken: limit.Token));
        Assert.Equal(TimeSpan.FromSeconds(3), error.Timeout);
        Assert.Contains("did not answer within 3 s", error.Message);
        var pid = await recorded;
        Assert.False(IsRunning(pid), $"pid {pid} still runs");
        Assert.Empty(folder.ProcessesUsingFolder());
        Assert.False(File.Exists(chain.PidFile));
    }

    [Fact]
    public async Task Cancelling_a_start_kills_what_it_started()
    {
        using var folder = new FakeLocalChainFolder(SilentLaunch);
        var chain = new LocalChain(new LocalChainOptions { SourceDirectory = folder.Source, WorkDirectory = folder.Work, Port = LocalChain.FindFreePort() });
        using var limit = new CancellationTokenSource(TestLimit);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
        var recorded = WatchForPidAsync(chain, limit.Token);

        var start = chain.StartAsync(cancellationToken: cancel.Token);
        var pid = await recorded;
        Assert.True(IsRunning(pid));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
        Assert.False(IsRunning(pid), $"pid {pid} still runs");
        Assert.Empty(folder.ProcessesUsingFolder());
        Assert.False(File.Exists(chain.PidFile));
    }

    [Fact]
    public async Task Stop_and_status_of_a_port_with_no_chain_are_quiet()
    {
        using var folder = new FakeLocalChainFolder(SilentLaunch);
        var chain = new LocalChain(new LocalChainOptions { SourceDirectory = folder.Source, WorkDirectory = folder.Work, Port = LocalChain.FindFreePort() });

        Assert.False(await chain.StopAsync());
        var status = await chain.GetStatusAsync();
        Assert.False(status.IsRunning);
        Assert.Null(status.Pid);
        Assert.Null(status.HeadBlock);
        await Assert.ThrowsAsync<LocalChainNotRunningException>(() => chain.BuildBlocksAsync(1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => chain.BuildBlocksAsync(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalChain(new LocalChainOptions { Port = 70000 }));
    }

    /// <summary>The pid start.sh records, read while the start is still running.</summary>
    private static async Task<int> WatchForPidAsync(LocalChain chain, CancellationToken ct)
    {
        while (true)
        {
            if (File.Exists(chain.PidFile) && int.TryParse((await File.ReadAllTextAsync(chain.PidFile, ct)).Trim(), out var pid)) return pid;
            await Task.Delay(50, ct);
        }
    }

    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return false;
        var text = File.ReadAllText(stat);
        return text[text.LastIndexOf(')') + 2] != 'Z';
    }

    /// <summary>Records progress lines as they are reported (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines) lines.Add(value);
        }
    }
}
