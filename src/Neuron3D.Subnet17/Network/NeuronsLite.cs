using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;
using Neuron3D.Bittensor.Subtensor;

namespace Neuron3D.Subnet17.Network;

/// <summary>
/// The lite metagraph as SN17 neurons see it: <see cref="NeuronInfoLite"/> rows (spec bittensor.md §4.6) reduced to
/// <see cref="NeuronView"/>, stake converted from rao to TAO (÷ 10⁹) as the SDK's metagraph.S.
/// </summary>
public static class NeuronsLite
{
    /// <summary>The <c>state_call</c> method name.</summary>
    public const string StateCallMethod = NeuronInfoLite.StateCallMethod;

    private const double RaoPerTao = 1e9;

    /// <summary>The call's argument bytes: the netuid as SCALE u16.</summary>
    public static byte[] Arguments(ushort netuid) => NeuronInfoLite.Arguments(netuid);

    /// <summary>Decodes a <c>state_call</c> result (typed with V15+ metadata, else the older blob form). Rows are ordered by uid.</summary>
    /// <exception cref="ScaleDecodeException">The bytes do not match the type.</exception>
    /// <exception cref="FormatException">A field has an impossible value (e.g. a hotkey that is not 32 bytes).</exception>
    public static IReadOnlyList<NeuronView> Decode(RuntimeMetadata? metadata, ReadOnlySpan<byte> result) =>
        NeuronInfoLite.DecodeList(metadata, result).Select(ToView).ToList();

    /// <summary>Decodes the older <c>Vec&lt;u8&gt;</c> form.</summary>
    /// <exception cref="ScaleDecodeException">Truncated or trailing bytes.</exception>
    public static IReadOnlyList<NeuronView> DecodeBlob(ReadOnlySpan<byte> result) =>
        NeuronInfoLite.DecodeBlob(result).Select(ToView).ToList();

    /// <summary>The SN17 view of one row.</summary>
    public static NeuronView ToView(NeuronInfoLite neuron)
    {
        var address = neuron.AxonAddress;
        return new NeuronView(neuron.Uid, neuron.Hotkey, (double)neuron.StakeRao / RaoPerTao, address is not null, address ?? "",
            neuron.Axon.Port, neuron.ValidatorPermit);
    }
}
