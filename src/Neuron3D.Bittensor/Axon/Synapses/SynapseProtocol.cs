namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>Constants of the synapse wire protocol (spec bittensor.md §1).</summary>
public static class SynapseProtocol
{
    /// <summary>The Python SDK version we speak (10.2.0 → 10002000); sent as <c>version</c> of our terminals.</summary>
    public const long VersionAsInt = 10_002_000;

    /// <summary>SDK 7.2.0: from this dendrite version on, Python axons also reject stale first nonces.</summary>
    public const long NonceWindowVersion = 7_002_000;

    /// <summary>Default synapse timeout in seconds.</summary>
    public const double DefaultTimeoutSeconds = 12.0;

    /// <summary>Clock allowance added to the timeout for a first nonce: 4 s, in nanoseconds.</summary>
    public const long AllowedNonceDeltaNanoseconds = 4_000_000_000;

    /// <summary>Default axon port (Python <c>BT_AXON_PORT</c> default).</summary>
    public const int DefaultAxonPort = 8091;

    /// <summary>Lowercase header names (the Python dendrite matches response headers case-sensitively).</summary>
    public static class Headers
    {
        public const string Name = "name";
        public const string Timeout = "timeout";
        public const string AxonPrefix = "bt_header_axon_";
        public const string DendritePrefix = "bt_header_dendrite_";
        public const string InputObjectPrefix = "bt_header_input_obj_";
        public const string HeaderSize = "header_size";
        public const string TotalSize = "total_size";
        public const string ComputedBodyHash = "computed_body_hash";
    }

    /// <summary>Nanoseconds since the Unix epoch at <paramref name="time"/>'s current instant (100 ns resolution).</summary>
    public static long UnixNanoseconds(TimeProvider time) =>
        (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
}
