namespace Neuron3D.Subnet17.Demo;

/// <summary>
/// Settings of <see cref="LocalSubnetDemo"/>. The defaults make the whole run (setup, first results, three epochs)
/// fit in a few minutes on a 2-core machine; tests shorten them further.
/// </summary>
public sealed record LocalSubnetDemoOptions
{
    /// <summary>
    /// The demo folder: <c>wallets/</c> (fresh, unencrypted btcli-layout wallets), <c>validator/</c> and <c>miners/</c>
    /// (SQLite state), <c>previews/</c> (PNG renders of submitted assets). Must be empty or absent: a run never reuses
    /// another run's keys or state.
    /// </summary>
    public required string Folder { get; init; }

    /// <summary>Subnet tempo in blocks (an epoch every tempo + 1 blocks). Default 3.</summary>
    public ushort Tempo { get; init; } = 3;

    /// <summary>Epochs run after the first weights are set. Default 3.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Keep setting weights and running epochs after <see cref="Epochs"/> until the run is cancelled.</summary>
    public bool KeepRunning { get; init; }

    /// <summary>TAO the validator's coldkey stakes to its hotkey. Default 100.</summary>
    public double StakeTao { get; init; } = 100;

    /// <summary>TAO sent from //Alice to each coldkey besides the owner's lock cost and the validator's stake. Default 100.</summary>
    public double FundTao { get; init; } = 100;

    /// <summary>Address the validator's axon listens on and publishes; the chain refuses 127.0.0.1. Default 127.0.0.2.</summary>
    public string AxonIp { get; init; } = "127.0.0.2";

    /// <summary>The validator's axon port; 0 (default) takes a free one.</summary>
    public int AxonPort { get; init; }

    /// <summary>
    /// The validator's cooldown after each task (SN17 uses 300 s; the demo wants many tasks in little time). Default 8 s.
    /// The penalty after a rejected result is the same length again.
    /// </summary>
    public TimeSpan TaskCooldown { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How long to wait for the full-quality miner's first accepted result before the first weights. Default 3 min.</summary>
    public TimeSpan FirstResultTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Time the miners work between two epochs (on top of building the epoch's blocks). Default 10 s.</summary>
    public TimeSpan EpochInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Splats the under-budget miner keeps from each asset; below SN17's gate of 7000, so its results fail. Default 2000.</summary>
    public int UnderBudgetSplats { get; init; } = 2000;

    /// <summary>Preview PNGs written per miner (the first scored assets). Default 2.</summary>
    public int PreviewsPerMiner { get; init; } = 2;

    /// <summary>Preview edge length in pixels. Default 256.</summary>
    public int PreviewSize { get; init; } = 256;

    /// <summary>Seed of the validator's prompt choice (null: random).</summary>
    public int? PromptSeed { get; init; }

    /// <summary>Checks every value; the message names the setting and the allowed range.</summary>
    /// <exception cref="DemoOptionsException">A value is out of range or the folder holds files.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Folder)) throw new DemoOptionsException("the demo folder is empty");
        if (Directory.Exists(Folder) && Directory.EnumerateFileSystemEntries(Folder).Any())
            throw new DemoOptionsException($"the demo folder {Path.GetFullPath(Folder)} is not empty; every run needs a fresh folder (its wallets and state are new)");
        if (Tempo is < 1 or > 360) throw new DemoOptionsException($"tempo {Tempo} is out of range: 1–360 blocks");
        if (Epochs < 1) throw new DemoOptionsException($"epochs {Epochs} must be at least 1");
        if (!(StakeTao >= 1)) throw new DemoOptionsException($"stake {StakeTao} TAO must be at least 1 TAO");
        if (!(FundTao >= 1)) throw new DemoOptionsException($"funding {FundTao} TAO must be at least 1 TAO");
        if (!System.Net.IPAddress.TryParse(AxonIp, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            throw new DemoOptionsException($"axon address '{AxonIp}' is not an IPv4 address");
        if (AxonIp == "127.0.0.1") throw new DemoOptionsException("the chain refuses 127.0.0.1 as an axon address; use another loopback address such as 127.0.0.2");
        if (AxonPort is < 0 or > 65535) throw new DemoOptionsException($"axon port {AxonPort} is not a TCP port (0–65535)");
        if (TaskCooldown < TimeSpan.FromSeconds(2)) throw new DemoOptionsException("the task cooldown must be at least 2 s");
        if (FirstResultTimeout <= TimeSpan.Zero) throw new DemoOptionsException("the first-result timeout must be positive");
        if (EpochInterval < TimeSpan.Zero) throw new DemoOptionsException("the epoch interval cannot be negative");
        if (UnderBudgetSplats is < 1 or >= 7000) throw new DemoOptionsException($"the under-budget miner's {UnderBudgetSplats} splats must be 1–6999 (below SN17's gate)");
        if (PreviewsPerMiner < 0) throw new DemoOptionsException("previews per miner cannot be negative");
        if (PreviewSize is < 32 or > 2048) throw new DemoOptionsException($"preview size {PreviewSize} must be 32–2048 pixels");
    }
}

/// <summary>A demo setting is unusable; the message names it and what is allowed.</summary>
public sealed class DemoOptionsException(string message) : ArgumentException(message);

/// <summary>The chain cannot host the demo (not a development chain, //Alice not sudo, a step refused); the message says which step and why.</summary>
public sealed class DemoChainException(string message, Exception? inner = null) : Exception(message, inner);
