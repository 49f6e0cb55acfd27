using Neuron3D.Bittensor.Localnet;

namespace Neuron3D.Testing;

/// <summary>
/// The real subtensor runtime (spec 293) run by chopsticks from ../shared/localchain through
/// <see cref="LocalChain"/>, shared by every test in the <see cref="LocalChainCollection"/>. The launcher copies the
/// read-only folder to the git-ignored artifacts/localchain (node_modules there is reused between runs) and lets test
/// assemblies that run in parallel take turns there (a lock file). The chain starts on a free port in Manual block
/// mode (blocks only on dev_newBlock) and is always stopped in DisposeAsync.
/// </summary>
public sealed class LocalChainFixture : IAsyncLifetime
{
    public LocalChainFixture()
    {
        Chain = new LocalChain(new LocalChainOptions
        {
            SourceDirectory = RepoPaths.SharedFile("localchain"),
            WorkDirectory = Path.Combine(RepoPaths.Root, "artifacts", "localchain"),
            Port = LocalChain.FindFreePort(),
            BlockMode = BlockBuildMode.Manual,
            ReadyTimeout = TimeSpan.FromMinutes(4), // test assemblies start chains side by side on 2 cores
        });
    }

    /// <summary>The launcher (block helpers, status).</summary>
    public LocalChain Chain { get; }

    /// <summary>The running copy of the localchain folder (lifecycle.mjs and its node_modules live there).</summary>
    public string Directory => Chain.WorkDirectory;
    public int Port => Chain.Port;
    public Uri Endpoint => Chain.Endpoint;
    public bool IsRunning { get; private set; }

    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts the chain on <see cref="Port"/> (fresh genesis); nothing is left running if it fails.</summary>
    public async Task StartAsync()
    {
        await Chain.StartAsync();
        IsRunning = true;
    }

    /// <summary>Stops the chain (idempotent).</summary>
    public async Task StopAsync()
    {
        IsRunning = false;
        await Chain.StopAsync();
    }

    public Task DisposeAsync() => StopAsync();
}

/// <summary>All tests that need the local chain share one instance and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LocalChainCollection : ICollectionFixture<LocalChainFixture>
{
    public const string Name = "LocalChain";
}
