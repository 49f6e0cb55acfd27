using System.Buffers.Binary;
using System.Numerics;
using Neuron3D.Bittensor.Axon;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Subnet17.Network;

/// <summary>
/// The lite metagraph as the SDK reads it (spec bittensor.md §4.6): <c>state_call("NeuronInfoRuntimeApi_get_neurons_lite",
/// SCALE(netuid u16))</c> returns <c>Vec&lt;NeuronInfoLite&gt;</c> — typed on dTAO runtimes (decoded with the
/// metadata's return type), or on older runtimes a <c>Vec&lt;u8&gt;</c> wrapping the same list (decoded with the fixed
/// layout of the spec). Stake is summed over the neuron's stake entries and converted from rao to TAO (÷ 10⁹).
/// </summary>
public static class NeuronsLite
{
    /// <summary>The runtime API trait.</summary>
    public const string Api = "NeuronInfoRuntimeApi";
    /// <summary>The method.</summary>
    public const string Method = "get_neurons_lite";
    /// <summary>The <c>state_call</c> method name.</summary>
    public const string StateCallMethod = Api + "_" + Method;

    private const double RaoPerTao = 1e9;

    /// <summary>The call's argument bytes: the netuid as SCALE u16.</summary>
    public static byte[] Arguments(ushort netuid)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, netuid);
        return bytes;
    }

    /// <summary>
    /// Decodes a <c>state_call</c> result. With <paramref name="metadata"/> (V15+, which describes the API) the
    /// declared return type is used; a <c>Vec&lt;u8&gt;</c> return type, or no metadata, means the older blob form.
    /// Rows are ordered by uid.
    /// </summary>
    /// <exception cref="ScaleDecodeException">The bytes do not match the type.</exception>
    /// <exception cref="FormatException">A field has an impossible value (e.g. a hotkey that is not 32 bytes).</exception>
    public static IReadOnlyList<NeuronView> Decode(RuntimeMetadata? metadata, ReadOnlySpan<byte> result)
    {
        RuntimeApiMethodMetadata? method = null;
        if (metadata is not null && metadata.Apis.FirstOrDefault(a => a.Name == Api) is { } api)
            method = api.Methods.FirstOrDefault(m => m.Name == Method);
        if (method is null) return DecodeBlob(result);

        var value = metadata!.Types.Decode(method.OutputTypeId, result);
        if (value.Unwrap() is ScaleBytes blob) return DecodeBlob(blob.Value);
        if (value.Unwrap() is not ScaleSequence rows)
            throw new FormatException($"{StateCallMethod} returned {metadata.Types.Describe(method.OutputTypeId)}, not a list of neurons");
        return rows.Items.Select(FromValue).OrderBy(n => n.Uid).ToList();
    }

    /// <summary>Decodes the older <c>Vec&lt;u8&gt;</c> form: a byte vector whose content is SCALE <c>Vec&lt;NeuronInfoLite&gt;</c>.</summary>
    /// <exception cref="ScaleDecodeException">Truncated or trailing bytes.</exception>
    public static IReadOnlyList<NeuronView> DecodeBlob(ReadOnlySpan<byte> result)
    {
        var outer = new ScaleReader(result);
        var inner = outer.ReadByteSequence();
        outer.EnsureEnd();
        var reader = new ScaleReader(inner);
        // NeuronInfoLite is at least 32+32+1+1+1+32+23+1+… bytes; the bound keeps a hostile length from allocating.
        var rows = reader.ReadSequence(ReadRow, minElementBytes: 130);
        reader.EnsureEnd();
        return rows.OrderBy(n => n.Uid).ToList();
    }

    private static NeuronView ReadRow(ref ScaleReader r)
    {
        var hotkey = Ss58.Encode(r.ReadBytes(32));
        r.ReadBytes(32); // coldkey
        var uid = r.ReadCompactU32();
        r.ReadCompactU32(); // netuid
        r.ReadBool(); // active
        r.ReadU64(); // axon block
        r.ReadU32(); // axon version
        var ip = r.ReadU128();
        var port = r.ReadU16();
        var ipType = r.ReadU8();
        r.ReadBytes(3); // protocol, placeholder1, placeholder2
        r.ReadBytes(8 + 4 + 16 + 2 + 1); // prometheus_info
        var stakeEntries = r.ReadSequenceLength(minElementBytes: 33);
        BigInteger stakeRao = 0;
        for (var i = 0; i < stakeEntries; i++)
        {
            r.ReadBytes(32);
            stakeRao += r.ReadCompactU64();
        }
        r.ReadCompactU32(); // rank
        r.ReadCompactU64(); // emission
        r.ReadCompactU32(); // incentive
        r.ReadCompactU32(); // consensus
        r.ReadCompactU32(); // trust
        r.ReadCompactU32(); // validator_trust
        r.ReadCompactU32(); // dividends
        r.ReadCompactU64(); // last_update
        var permit = r.ReadBool();
        r.ReadCompactU32(); // pruning_score
        return Row(checked((int)uid), hotkey, stakeRao, ip, port, ipType, permit);
    }

    private static NeuronView FromValue(ScaleValue row)
    {
        var axon = row["axon_info"];
        BigInteger stakeRao = 0;
        if (row["stake"].Unwrap() is ScaleSequence stakes)
        {
            foreach (var entry in stakes.Items)
            {
                // (AccountId, Compact<balance>): a tuple (decoded as a two-item sequence), the amount second.
                var amount = entry switch
                {
                    ScaleSequence { Items.Count: 2 } tuple => tuple.Items[1],
                    ScaleComposite { Fields.Count: 2 } pair => pair.Fields[1].Value,
                    _ => throw new FormatException($"a stake entry of {StateCallMethod} is {entry}, not (account, amount)"),
                };
                stakeRao += amount.AsNumber();
            }
        }
        var hotkey = row["hotkey"].AsBytes();
        if (hotkey.Length != 32) throw new FormatException($"a hotkey of {hotkey.Length} bytes in {StateCallMethod}");
        return Row((int)row["uid"].AsNumber(), Ss58.Encode(hotkey), stakeRao, (UInt128)axon["ip"].AsNumber(),
            (int)axon["port"].AsNumber(), (byte)axon["ip_type"].AsNumber(), row["validator_permit"].AsBool());
    }

    private static NeuronView Row(int uid, string hotkey, BigInteger stakeRao, UInt128 ip, int port, byte ipType, bool permit)
    {
        var address = "";
        if (ip != 0 && ipType is 4 or 6 && (ipType == 6 || ip <= uint.MaxValue))
            address = AxonInfo.IntegerToIp(ip, ipType).ToString();
        return new NeuronView(uid, hotkey, (double)stakeRao / RaoPerTao, address.Length > 0, address, port, permit);
    }
}
