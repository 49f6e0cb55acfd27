using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Axon.Server;

/// <summary>
/// Settings of an <see cref="AxonServer"/>. Defaults are secure: signatures required, bounded bodies, queues and
/// per-hotkey rates. CLI flags map one to one (<c>--axon.port</c>, <c>--axon.ip</c>, <c>--axon.external_ip</c>,
/// <c>--axon.external_port</c>, <c>--axon.max_workers</c>).
/// </summary>
public sealed record AxonOptions
{
    /// <summary>Address to listen on (default <c>0.0.0.0</c>, all IPv4 interfaces).</summary>
    public string BindIp { get; init; } = "0.0.0.0";

    /// <summary>TCP port to listen on (default 8091; 0 picks a free port, see <see cref="AxonServer.Port"/>).</summary>
    public int Port { get; init; } = SynapseProtocol.DefaultAxonPort;

    /// <summary>Public IP to advertise on chain (default: none — the operator must set it for <c>serve_axon</c>).</summary>
    public string? ExternalIp { get; init; }

    /// <summary>Public port to advertise (default: the bound port).</summary>
    public int? ExternalPort { get; init; }

    /// <summary>Largest request body in bytes (default 32 MiB); larger requests get 413 before their body is read.</summary>
    public long MaxRequestBodySize { get; init; } = 32L * 1024 * 1024;

    /// <summary>Largest total size of request headers in bytes (default 32 KiB).</summary>
    public int MaxRequestHeadersTotalSize { get; init; } = 32 * 1024;

    /// <summary>Most request headers (default 64; a synapse sends about 20).</summary>
    public int MaxRequestHeaderCount { get; init; } = 64;

    /// <summary>Time a client has to send all request headers (default 10 s).</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Slowest accepted request body upload, in bytes per second after <see cref="MinRequestBodyGracePeriod"/>
    /// (default 16 KiB/s); slower clients are disconnected so they cannot hold connections and memory.
    /// </summary>
    public double MinRequestBodyBytesPerSecond { get; init; } = 16 * 1024;

    /// <summary>Grace period before <see cref="MinRequestBodyBytesPerSecond"/> applies (default 5 s; Kestrel needs more than 1 s).</summary>
    public TimeSpan MinRequestBodyGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most simultaneous TCP connections (default 4096).</summary>
    public long MaxConnections { get; init; } = 4096;

    /// <summary>
    /// Upper bound of the time a request may spend queued plus in its handler (default 12 s). The effective budget is
    /// the smaller of this and the request's own <c>timeout</c>; past it the caller gets 408.
    /// </summary>
    public TimeSpan HandlerTimeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Handlers running at once (default 32); further accepted requests wait in the priority queue.</summary>
    public int MaxWorkers { get; init; } = 32;

    /// <summary>Requests waiting for a worker (default 256); beyond it requests get 503 at once.</summary>
    public int MaxQueue { get; init; } = 256;

    /// <summary>Sustained requests per second per verified hotkey (default 50; 0 disables); excess gets 429.</summary>
    public double RateLimitPerHotkey { get; init; } = 50;

    /// <summary>Burst size of the per-hotkey rate limit (default 100 requests).</summary>
    public double RateLimitBurst { get; init; } = 100;

    /// <summary>
    /// Accept requests without a dendrite signature (default false). Python SDK ≥ 9.3 accepts them, which lets anyone
    /// act under any hotkey; enable only for diagnostics.
    /// </summary>
    public bool AllowUnsigned { get; init; }

    /// <summary>
    /// How far in the future a nonce may lie (default 60 s). Python accepts any future nonce; bounding it keeps the
    /// nonce table prunable.
    /// </summary>
    public TimeSpan MaxNonceClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "port must be 0..65535");
        if (MaxRequestBodySize <= 0) throw new ArgumentOutOfRangeException(nameof(MaxRequestBodySize), MaxRequestBodySize, "must be positive");
        if (MaxWorkers <= 0) throw new ArgumentOutOfRangeException(nameof(MaxWorkers), MaxWorkers, "must be positive");
        if (MaxQueue < 0) throw new ArgumentOutOfRangeException(nameof(MaxQueue), MaxQueue, "must not be negative");
        if (MinRequestBodyGracePeriod <= TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(MinRequestBodyGracePeriod), MinRequestBodyGracePeriod, "Kestrel needs a grace period above 1 s");
        if (HandlerTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(HandlerTimeout), HandlerTimeout, "must be positive");
        if (RateLimitPerHotkey < 0 || RateLimitBurst < 1 && RateLimitPerHotkey > 0)
            throw new ArgumentOutOfRangeException(nameof(RateLimitPerHotkey), RateLimitPerHotkey, "rate must be ≥ 0 and burst ≥ 1");
    }
}
