using System.Globalization;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Axon.Dendrite;

/// <summary>
/// Fills a synapse's terminals and signs it for one axon (spec §1.5) — the pure part of a dendrite call, without
/// HTTP, so load generators and tests can pre-sign requests with chosen nonces and uuids.
/// </summary>
public static class SynapseRequestSigner
{
    /// <summary>
    /// Returns the signed request: <c>timeout</c> set, <c>dendrite = {ip, version, nonce, uuid, hotkey, signature}</c>,
    /// <c>axon = {ip, port, hotkey}</c> of <paramref name="target"/>, body hash, headers and body.
    /// </summary>
    /// <param name="signer">Our hotkey.</param>
    /// <param name="target">The axon and the hotkey it verifies with.</param>
    /// <param name="synapse">The request; not modified.</param>
    /// <param name="timeout">The call's timeout, sent as <c>timeout</c> in seconds.</param>
    /// <param name="nonce">Unix time in nanoseconds; must grow per (hotkey, uuid).</param>
    /// <param name="uuid">The dendrite instance id.</param>
    /// <param name="externalIp">Our public IP, or null to leave <c>dendrite.ip</c> unset.</param>
    public static PreparedSynapseRequest Sign(ISynapseSigner signer, AxonTarget target, Synapse synapse, TimeSpan timeout,
        long nonce, string uuid, string? externalIp)
    {
        var filled = synapse with
        {
            Timeout = timeout.TotalSeconds,
            Dendrite = new TerminalInfo
            {
                Ip = externalIp,
                Version = SynapseProtocol.VersionAsInt,
                Nonce = nonce,
                Uuid = uuid,
                Hotkey = signer.Hotkey,
            },
            Axon = new TerminalInfo { Ip = target.Ip, Port = target.Port, Hotkey = target.Hotkey },
        };
        var bodyHash = BodyHash.Compute(filled);
        var message = SynapseSignature.DendriteMessage(nonce, signer.Hotkey, target.Hotkey, uuid, bodyHash);
        filled = filled with { Dendrite = filled.Dendrite with { Signature = SynapseSignature.SignToHex(signer, message) } };

        var body = SynapseJson.Serialize(filled);
        var headers = SynapseHeaders.Build(filled, bodyHash, body.Length);
        var host = target.Ip == externalIp ? "0.0.0.0" : target.Ip;
        if (host.Contains(':')) host = "[" + host + "]";
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{target.Port}/{filled.Name}"));
        return new PreparedSynapseRequest(url, filled, bodyHash, headers, body);
    }
}
