using System.Net;

namespace Neuron3D.Bittensor.Axon.Dendrite;

/// <summary>
/// An axon to call, as registered on chain: <paramref name="Ip"/> and <paramref name="Port"/> to connect to and the
/// <paramref name="Hotkey"/> (SS58) the axon verifies with — the dendrite signs for exactly this hotkey.
/// </summary>
public sealed record AxonTarget(string Ip, int Port, string Hotkey)
{
    /// <summary>Parses <c>IP:PORT</c> (<c>[v6]:PORT</c> for IPv6) into a target for <paramref name="hotkey"/>.</summary>
    /// <exception cref="FormatException">The endpoint is not an IP address with a port in 1..65535.</exception>
    public static AxonTarget Parse(string endpoint, string hotkey)
    {
        if (!IPEndPoint.TryParse(endpoint, out var parsed) || parsed.Port == 0)
            throw new FormatException($"'{endpoint}' is not IP:PORT (use [v6-address]:PORT for IPv6)");
        return new AxonTarget(parsed.Address.ToString(), parsed.Port, hotkey);
    }
}
