using System.Net;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Axon.Server;

/// <summary>
/// What the axon knows about a request from its headers and connection, before reading the body: what
/// blacklist and priority functions see, and what handlers get next to the body-parsed synapse.
/// </summary>
public sealed class SynapseRequestInfo
{
    internal SynapseRequestInfo(string name, double timeoutSeconds, TerminalInfo dendrite, TerminalInfo axon, string? computedBodyHash, IPAddress? peerIp, int peerPort)
    {
        Name = name;
        TimeoutSeconds = timeoutSeconds;
        Dendrite = dendrite;
        Axon = axon;
        ComputedBodyHash = computedBodyHash;
        PeerIp = peerIp;
        PeerPort = peerPort;
    }

    /// <summary>The synapse (route) name.</summary>
    public string Name { get; }

    /// <summary>The caller's <c>timeout</c> header in seconds (12.0 when absent).</summary>
    public double TimeoutSeconds { get; }

    /// <summary>The caller's terminal from <c>bt_header_dendrite_*</c>, with <c>ip</c>/<c>port</c> set to the TCP peer.</summary>
    public TerminalInfo Dendrite { get; }

    /// <summary>Our terminal as the caller described it (<c>bt_header_axon_*</c>).</summary>
    public TerminalInfo Axon { get; }

    /// <summary>The <c>computed_body_hash</c> header.</summary>
    public string? ComputedBodyHash { get; }

    /// <summary>The claimed caller hotkey (SS58); proven only once <see cref="Verified"/> is true.</summary>
    public string? Hotkey => Dendrite.Hotkey;

    /// <summary>TCP peer address.</summary>
    public IPAddress? PeerIp { get; }

    /// <summary>TCP peer port.</summary>
    public int PeerPort { get; }

    /// <summary>True once the signature was checked (false for unsigned requests an operator allowed).</summary>
    public bool Verified { get; internal set; }
}
