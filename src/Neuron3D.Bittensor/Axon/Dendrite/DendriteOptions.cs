namespace Neuron3D.Bittensor.Axon.Dendrite;

/// <summary>Settings of a <see cref="Dendrite"/>; the defaults suit a validator or miner on a public network.</summary>
public sealed class DendriteOptions
{
    /// <summary>
    /// Our public IP, sent as <c>dendrite.ip</c> (axons overwrite it with the TCP peer address). When a target's IP
    /// equals it, the call goes to <c>0.0.0.0</c> (our own host), as the Python dendrite does. Default: none.
    /// </summary>
    public string? ExternalIp { get; init; }

    /// <summary>Timeout of a call when the caller gives none (default 12 s, the SDK's).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Largest response body accepted, in bytes (default 64 MiB); larger answers end as status 400.</summary>
    public long MaxResponseBodySize { get; init; } = 64L * 1024 * 1024;

    /// <summary>TCP connect timeout (default 5 s), also capped by the call's own timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Pooled connections per axon (default 16).</summary>
    public int MaxConnectionsPerAxon { get; init; } = 16;

    /// <summary>How long a pooled connection lives before it is replaced (default 5 min; follows DNS/IP changes).</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);
}
