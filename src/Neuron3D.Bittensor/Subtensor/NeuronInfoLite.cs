using System.Buffers.Binary;
using System.Numerics;
using Neuron3D.Bittensor.Axon;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Bittensor.Subtensor;

/// <summary>
/// One metagraph row (spec bittensor.md §4.6, <c>NeuronInfoLite</c>). Ratios are the chain's u16 values (÷ 65535 for
/// a fraction, see <see cref="Fraction"/>); stake and emission are rao (÷ 10⁹ for TAO or alpha).
/// </summary>
/// <param name="Uid">Position in the subnet.</param>
/// <param name="Netuid">The subnet.</param>
/// <param name="Hotkey">SS58 hotkey.</param>
/// <param name="Coldkey">SS58 coldkey that owns the hotkey.</param>
/// <param name="Active">Set weights or was updated within the activity cutoff.</param>
/// <param name="Axon">The published axon (ip 0 = not serving).</param>
/// <param name="AxonBlock">Block of the last <c>serve_axon</c>.</param>
/// <param name="StakeRao">Stake summed over the stake entries (alpha rao on dTAO runtimes, TAO rao before).</param>
/// <param name="Rank">u16 ratio.</param>
/// <param name="EmissionRao">Emission of the last epoch, rao.</param>
/// <param name="Incentive">u16 ratio.</param>
/// <param name="Consensus">u16 ratio.</param>
/// <param name="Trust">u16 ratio.</param>
/// <param name="ValidatorTrust">u16 ratio.</param>
/// <param name="Dividends">u16 ratio.</param>
/// <param name="LastUpdate">Block of the last weights set (or registration).</param>
/// <param name="ValidatorPermit">May set weights for others.</param>
/// <param name="PruningScore">u16.</param>
public sealed record NeuronInfoLite(ushort Uid, ushort Netuid, string Hotkey, string Coldkey, bool Active, AxonInfo Axon, ulong AxonBlock,
    BigInteger StakeRao, ushort Rank, BigInteger EmissionRao, ushort Incentive, ushort Consensus, ushort Trust, ushort ValidatorTrust,
    ushort Dividends, ulong LastUpdate, bool ValidatorPermit, ushort PruningScore)
{
    /// <summary>The runtime API trait.</summary>
    public const string Api = "NeuronInfoRuntimeApi";
    /// <summary>The method.</summary>
    public const string Method = "get_neurons_lite";
    /// <summary>The <c>state_call</c> method name.</summary>
    public const string StateCallMethod = Api + "_" + Method;

    /// <summary>The SDK's conversion of a u16 ratio: value / 65535.</summary>
    public static double Fraction(ushort value) => value / 65535.0;

    /// <summary>The axon address when serving (ip ≠ 0 and a valid family), else null.</summary>
    public string? AxonAddress => Axon.Ip != 0 && Axon.IpType is 4 or 6 && (Axon.IpType == 6 || Axon.Ip <= uint.MaxValue)
        ? AxonInfo.IntegerToIp(Axon.Ip, Axon.IpType).ToString()
        : null;

    /// <summary>The call's argument bytes: the netuid as SCALE u16.</summary>
    public static byte[] Arguments(ushort netuid)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, netuid);
        return bytes;
    }

    /// <summary>
    /// Decodes a <c>get_neurons_lite</c> result. With <paramref name="metadata"/> (V15+, which describes the API) the
    /// declared return type is used; a <c>Vec&lt;u8&gt;</c> return type, or no metadata, means the older blob form
    /// (spec §4.6: spec-218 runtimes wrap the list in a byte vector). Rows are ordered by uid.
    /// </summary>
    /// <exception cref="ScaleDecodeException">The bytes do not match the type.</exception>
    /// <exception cref="FormatException">A field has an impossible value (e.g. a hotkey that is not 32 bytes).</exception>
    public static IReadOnlyList<NeuronInfoLite> DecodeList(RuntimeMetadata? metadata, ReadOnlySpan<byte> result)
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
    public static IReadOnlyList<NeuronInfoLite> DecodeBlob(ReadOnlySpan<byte> result)
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

    private static NeuronInfoLite ReadRow(ref ScaleReader r)
    {
        var hotkey = Ss58.Encode(r.ReadBytes(32));
        var coldkey = Ss58.Encode(r.ReadBytes(32));
        var uid = checked((ushort)r.ReadCompactU32());
        var netuid = checked((ushort)r.ReadCompactU32());
        var active = r.ReadBool();
        var axonBlock = r.ReadU64();
        var version = r.ReadU32();
        var ip = r.ReadU128();
        var port = r.ReadU16();
        var ipType = r.ReadU8();
        var protocol = r.ReadU8();
        r.ReadBytes(2); // placeholder1, placeholder2
        r.ReadBytes(8 + 4 + 16 + 2 + 1); // prometheus_info
        var stakeEntries = r.ReadSequenceLength(minElementBytes: 33);
        BigInteger stakeRao = 0;
        for (var i = 0; i < stakeEntries; i++)
        {
            r.ReadBytes(32);
            stakeRao += r.ReadCompactU64();
        }
        var rank = U16(r.ReadCompactU32());
        BigInteger emission = r.ReadCompactU64();
        var incentive = U16(r.ReadCompactU32());
        var consensus = U16(r.ReadCompactU32());
        var trust = U16(r.ReadCompactU32());
        var validatorTrust = U16(r.ReadCompactU32());
        var dividends = U16(r.ReadCompactU32());
        var lastUpdate = r.ReadCompactU64();
        var permit = r.ReadBool();
        var pruning = U16(r.ReadCompactU32());
        return new NeuronInfoLite(uid, netuid, hotkey, coldkey, active, new AxonInfo(version, ip, port, ipType, protocol), axonBlock, stakeRao,
            rank, emission, incentive, consensus, trust, validatorTrust, dividends, lastUpdate, permit, pruning);
    }

    private static ushort U16(uint value) => value <= ushort.MaxValue ? (ushort)value : throw new FormatException($"{value} is not a u16 ratio");

    private static ushort U16(ScaleValue value) => U16((uint)value.AsNumber());

    private static NeuronInfoLite FromValue(ScaleValue row)
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
        return new NeuronInfoLite(
            (ushort)row["uid"].AsNumber(), (ushort)row["netuid"].AsNumber(), Account(row["hotkey"]), Account(row["coldkey"]),
            row["active"].AsBool(),
            new AxonInfo((uint)axon["version"].AsNumber(), (UInt128)axon["ip"].AsNumber(), (ushort)axon["port"].AsNumber(),
                (byte)axon["ip_type"].AsNumber(), (byte)axon["protocol"].AsNumber()),
            (ulong)axon["block"].AsNumber(), stakeRao, U16(row["rank"]), row["emission"].AsNumber(), U16(row["incentive"]),
            U16(row["consensus"]), U16(row["trust"]), U16(row["validator_trust"]), U16(row["dividends"]),
            (ulong)row["last_update"].AsNumber(), row["validator_permit"].AsBool(), U16(row["pruning_score"]));
    }

    private static string Account(ScaleValue value)
    {
        var bytes = value.AsBytes();
        return bytes.Length == 32 ? Ss58.Encode(bytes) : throw new FormatException($"an account of {bytes.Length} bytes in {StateCallMethod}");
    }
}
