namespace Neuron3D.Bittensor.Chain.Rpc;

/// <summary>Limits and timings of a <see cref="SubstrateRpcClient"/>; the defaults suit a public node.</summary>
public sealed record RpcClientOptions
{
    /// <summary>Time to open the WebSocket (each attempt). Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Default time a request may wait for its answer, including waiting for a reconnect. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reconnect attempts after the connection drops, before giving up (0 = never reconnect). Default 10.</summary>
    public int MaxReconnectAttempts { get; init; } = 10;

    /// <summary>Delay before the first reconnect attempt; doubles per attempt up to <see cref="ReconnectMaxDelay"/>. Default 0.5 s.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of the reconnect back-off. Default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Staleness watchdog: when a head subscription is open and no head arrived for this long, the connection is
    /// treated as dead (reported, then reconnected). Null disables it. A sensible value is a few block times
    /// (finney: 12 s per block, so 60 s ≈ 5 blocks); leave it off for chains that build blocks on demand.
    /// </summary>
    public TimeSpan? HeadStalenessTimeout { get; init; }

    /// <summary>Largest message accepted from the node, in bytes (metadata is ~0.6 MB as hex). Default 64 MiB.</summary>
    public int MaxMessageBytes { get; init; } = 64 << 20;

    /// <summary>Notifications buffered per subscription before the oldest are dropped (a slow reader loses heads, not memory). Default 1024.</summary>
    public int SubscriptionBuffer { get; init; } = 1024;
}

/// <summary>What happened to the connection.</summary>
public enum RpcConnectionEventKind
{
    /// <summary>Connected (first time or again).</summary>
    Connected,
    /// <summary>The connection dropped or was declared stale; reconnecting follows unless disabled.</summary>
    Disconnected,
    /// <summary>No head arrived within <see cref="RpcClientOptions.HeadStalenessTimeout"/>.</summary>
    Stale,
    /// <summary>A reconnect attempt is about to be made after a delay.</summary>
    Reconnecting,
    /// <summary>Reconnected and subscriptions re-established.</summary>
    Reconnected,
    /// <summary>All reconnect attempts failed; the client is unusable.</summary>
    GaveUp,
}

/// <summary>A connection state change, for logging and health reporting.</summary>
public sealed record RpcConnectionEvent(RpcConnectionEventKind Kind, Uri Endpoint, int Attempt, string Reason, Exception? Error = null);
