using System.Collections.Frozen;

namespace Neuron3D.Bittensor.Axon.Server;

/// <summary>
/// Decides, from the request headers alone, whether a caller may use the axon. It runs before signature
/// verification (as in the Python SDK), so <see cref="SynapseRequestInfo.Hotkey"/> is only claimed, not proven;
/// a false claim still fails verification afterwards.
/// </summary>
public interface IAxonBlacklist
{
    /// <summary>Returns null to admit the request, or the reason it is refused (sent to the caller, so no secrets).</summary>
    string? Refuse(SynapseRequestInfo request);
}

/// <summary>Admits every caller. For diagnostics only (e.g. <c>neuron3d axon serve-echo</c>).</summary>
public sealed class AllowAllBlacklist : IAxonBlacklist
{
    /// <summary>The single instance.</summary>
    public static AllowAllBlacklist Instance { get; } = new();

    private AllowAllBlacklist() { }

    /// <inheritdoc />
    public string? Refuse(SynapseRequestInfo request) => null;
}

/// <summary>A registered neuron as the blacklist sees it.</summary>
/// <param name="Hotkey">SS58 address.</param>
/// <param name="Uid">Its uid on the subnet.</param>
/// <param name="StakeRao">Its stake on the subnet in rao (10^-9 of a token).</param>
/// <param name="ValidatorPermit">Whether it holds a validator permit.</param>
public sealed record AxonPeer(string Hotkey, int Uid, ulong StakeRao, bool ValidatorPermit);

/// <summary>
/// The caller-maintained view of the subnet's neurons that the default blacklist reads: refresh it from the
/// metagraph with <see cref="Update"/> (readers always see one whole snapshot).
/// </summary>
public sealed class AxonPeerDirectory
{
    private volatile FrozenDictionary<string, AxonPeer> peers = FrozenDictionary<string, AxonPeer>.Empty;

    /// <summary>Creates a directory holding <paramref name="peers"/>.</summary>
    public AxonPeerDirectory(IEnumerable<AxonPeer>? peers = null)
    {
        if (peers is not null) Update(peers);
    }

    /// <summary>Replaces the snapshot (the last entry wins for a repeated hotkey).</summary>
    public void Update(IEnumerable<AxonPeer> snapshot)
    {
        var byHotkey = new Dictionary<string, AxonPeer>(StringComparer.Ordinal);
        foreach (var peer in snapshot) byHotkey[peer.Hotkey] = peer;
        peers = byHotkey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Number of neurons in the snapshot.</summary>
    public int Count => peers.Count;

    /// <summary>Looks a hotkey up in the current snapshot.</summary>
    public bool TryGet(string hotkey, out AxonPeer peer) => peers.TryGetValue(hotkey, out peer!);
}

/// <summary>
/// The default policy: the hotkey must be registered on the subnet, and optionally hold at least
/// <see cref="MinStakeRao"/> and a validator permit.
/// </summary>
public sealed class MetagraphBlacklist(AxonPeerDirectory directory) : IAxonBlacklist
{
    /// <summary>Minimum stake in rao (default 0: any registered hotkey).</summary>
    public ulong MinStakeRao { get; init; }

    /// <summary>Require a validator permit (default false).</summary>
    public bool RequireValidatorPermit { get; init; }

    /// <inheritdoc />
    public string? Refuse(SynapseRequestInfo request)
    {
        if (request.Hotkey is not { Length: > 0 } hotkey) return "no hotkey";
        if (!directory.TryGet(hotkey, out var peer)) return "hotkey not registered";
        if (peer.StakeRao < MinStakeRao) return "stake below minimum";
        if (RequireValidatorPermit && !peer.ValidatorPermit) return "no validator permit";
        return null;
    }
}
