namespace Neuron3D.Bittensor.Subtensor;

/// <summary>The SDK's named networks (spec bittensor.md §6) and the environment fallbacks btcli honours.</summary>
public static class SubtensorNetwork
{
    /// <summary>Environment variable naming the network (<c>BT_SUBTENSOR_NETWORK</c>).</summary>
    public const string NetworkVariable = "BT_SUBTENSOR_NETWORK";
    /// <summary>Environment variable with an explicit endpoint (<c>BT_SUBTENSOR_CHAIN_ENDPOINT</c>).</summary>
    public const string EndpointVariable = "BT_SUBTENSOR_CHAIN_ENDPOINT";
    /// <summary>The network used when nothing is given.</summary>
    public const string DefaultNetwork = "finney";

    /// <summary>Network name → WebSocket endpoint.</summary>
    public static IReadOnlyDictionary<string, Uri> Endpoints { get; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase)
    {
        ["finney"] = new("wss://entrypoint-finney.opentensor.ai:443"),
        ["test"] = new("wss://test.finney.opentensor.ai:443"),
        ["archive"] = new("wss://archive.chain.opentensor.ai:443"),
        ["local"] = new("ws://127.0.0.1:9944"),
        ["latent-lite"] = new("wss://lite.sub.latent.to:443"),
    };

    /// <summary>
    /// The endpoint to use: <paramref name="endpoint"/> if given, else the network's (<paramref name="network"/>, then
    /// <c>BT_SUBTENSOR_NETWORK</c>, then finney); an explicit <c>BT_SUBTENSOR_CHAIN_ENDPOINT</c> wins over a network
    /// taken from the environment or the default, as in the SDK.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown network name, or an endpoint that is not ws:// or wss://.</exception>
    public static Uri Resolve(string? network, string? endpoint)
    {
        endpoint ??= network is null ? Environment.GetEnvironmentVariable(EndpointVariable) : null;
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"
                ? uri
                : throw new ArgumentException($"chain endpoint '{endpoint}' is not a ws:// or wss:// address", nameof(endpoint));
        }
        network ??= Environment.GetEnvironmentVariable(NetworkVariable) ?? DefaultNetwork;
        return Endpoints.TryGetValue(network, out var known)
            ? known
            : throw new ArgumentException($"network '{network}' is not one of {string.Join(", ", Endpoints.Keys)} (or give a ws:// endpoint)", nameof(network));
    }
}
