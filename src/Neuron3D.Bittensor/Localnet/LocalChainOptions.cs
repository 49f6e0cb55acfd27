namespace Neuron3D.Bittensor.Localnet;

/// <summary>Where a <see cref="LocalChain"/> comes from, where it runs, and how long each step may take.</summary>
public sealed record LocalChainOptions
{
    /// <summary>btcli's <c>local</c> endpoint is ws://127.0.0.1:9944.</summary>
    public const int DefaultPort = 9944;

    /// <summary>
    /// The localchain folder to copy (chain spec, start.sh, stop.sh, package.json). Null: <see cref="LocalChainPaths.FindSourceDirectory"/>
    /// ($NEURON3D_LOCALCHAIN, else <c>shared/localchain</c> beside the repository).
    /// </summary>
    public string? SourceDirectory { get; init; }

    /// <summary>
    /// The writable copy that runs (npm installs there; pid and log files go to its <c>run/</c>). Null:
    /// <see cref="LocalChainPaths.DefaultWorkDirectory"/> (artifacts/localchain in the repository, else ~/.neuron3d/localchain).
    /// </summary>
    public string? WorkDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1 for JSON-RPC over HTTP and WebSocket.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>When blocks are built; see <see cref="BlockBuildMode"/>.</summary>
    public BlockBuildMode BlockMode { get; init; } = BlockBuildMode.Manual;

    /// <summary>How long the first-use <c>npm ci</c> may take (about 1.5 min on 2 cores: sqlite3 compiles from source).</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long chopsticks may take until its RPC answers (about 3 s idle, much more on a loaded machine).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait for another process that is copying, installing or starting in the same work folder.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Per-request limit for RPC calls (a single empty block takes about 0.5 s, seconds under load).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
