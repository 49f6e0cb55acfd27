using System.Net;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;
using Neuron3D.Subnet17.Network;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Network;

/// <summary>
/// <c>get_neurons_lite</c> results: bytes laid out by hand from the spec's NeuronInfoLite layout (bittensor.md §4.6)
/// are decoded twice — through the finney metadata's declared return type, and as the older Vec&lt;u8&gt; blob by the
/// fixed-layout decoder — and both must give the same rows.
/// </summary>
public sealed class NeuronsLiteTests
{
    private static readonly Lazy<RuntimeMetadata> Finney = new(() =>
        RuntimeMetadata.Parse(File.ReadAllBytes(RepoPaths.SharedFile("fixtures", "chain", "finney-metadata-2026-04.scale"))));

    private sealed record Row(byte[] Hotkey, ushort Uid, UInt128 Ip, ushort Port, byte IpType, ulong[] StakeRao, bool Permit);

    private static byte[] Key(string uri) => Sr25519Keypair.FromUri(uri).PublicKey;

    private static readonly Row[] Rows =
    [
        new(Key("//Alice"), 0, 0, 0, 0, [1_988_000_000], true),
        new(Key("//Bob"), 1, 0x7F000002, 8091, 4, [96_752_000_000, 1_000_000_000_000], true),
        new(Key("//Charlie"), 2, new UInt128(0x2001_0db8_0000_0000, 0x0000_0000_0000_0001), 9000, 6, [], false),
        new(Key("//Dave"), 3, 0xCB00_7107, 443, 4, [250_000_000], false),
    ];

    /// <summary>SCALE Vec&lt;NeuronInfoLite&gt; written field by field from the spec (no metadata involved).</summary>
    private static byte[] Encode(IReadOnlyList<Row> rows)
    {
        var w = new ScaleWriter(1024);
        try
        {
            w.WriteCompact((ulong)rows.Count);
            foreach (var r in rows)
            {
                w.WriteBytes(r.Hotkey);
                w.WriteBytes(Key("//Coldkey" + r.Uid));
                w.WriteCompact(r.Uid);
                w.WriteCompact(17UL);
                w.WriteBool(true);
                w.WriteU64(1234); w.WriteU32(900); w.WriteU128(r.Ip); w.WriteU16(r.Port); w.WriteU8(r.IpType);
                w.WriteU8(4); w.WriteU8(0); w.WriteU8(0);
                w.WriteU64(0); w.WriteU32(0); w.WriteU128(0); w.WriteU16(0); w.WriteU8(0);
                w.WriteCompact((ulong)r.StakeRao.Length);
                foreach (var s in r.StakeRao) { w.WriteBytes(Key("//Coldkey" + r.Uid)); w.WriteCompact(s); }
                foreach (var c in new ulong[] { 0, 5_000_000, 100, 200, 0, 300, 400, 1_000_000 }) w.WriteCompact(c);
                w.WriteBool(r.Permit);
                w.WriteCompact(65535UL);
            }
            return w.ToArray();
        }
        finally
        {
            w.Dispose();
        }
    }

    private static byte[] AsBlob(byte[] inner)
    {
        var w = new ScaleWriter(inner.Length + 8);
        try
        {
            w.WriteByteSequence(inner);
            return w.ToArray();
        }
        finally
        {
            w.Dispose();
        }
    }

    private static void AssertRows(IReadOnlyList<NeuronView> neurons)
    {
        Assert.Equal(Rows.Length, neurons.Count);
        for (var i = 0; i < Rows.Length; i++)
        {
            var (row, n) = (Rows[i], neurons[i]);
            Assert.Equal(row.Uid, n.Uid);
            Assert.Equal(Ss58.Encode(row.Hotkey), n.Hotkey);
            Assert.Equal(row.StakeRao.Sum(s => (double)s) / 1e9, n.Stake, 9);
            Assert.Equal(row.Permit, n.ValidatorPermit);
            Assert.Equal(row.Ip != 0, n.IsServing);
            Assert.Equal(row.Port, n.AxonPort);
        }
        Assert.Equal(("", false), (neurons[0].AxonIp, neurons[0].IsServing));
        Assert.Equal("127.0.0.2", neurons[1].AxonIp);
        Assert.Equal(IPAddress.Parse("2001:db8::1").ToString(), neurons[2].AxonIp);
        Assert.Equal("203.0.113.7", neurons[3].AxonIp);
        Assert.Equal(1096.752, neurons[1].Stake, 9);
    }

    [Fact]
    public void Typed_result_is_decoded_with_the_metadata_return_type()
    {
        var method = Finney.Value.RuntimeApi(Neuron3D.Bittensor.Subtensor.NeuronInfoLite.Api).Method(Neuron3D.Bittensor.Subtensor.NeuronInfoLite.Method);
        Assert.DoesNotContain("u8", Finney.Value.Types.Describe(method.OutputTypeId).Split('<', '>'));
        AssertRows(NeuronsLite.Decode(Finney.Value, Encode(Rows)));
    }

    [Fact]
    public void Older_vec_u8_result_is_decoded_with_the_fixed_layout()
    {
        AssertRows(NeuronsLite.Decode(null, AsBlob(Encode(Rows))));
        AssertRows(NeuronsLite.DecodeBlob(AsBlob(Encode(Rows))));
    }

    [Fact]
    public void Rows_come_back_ordered_by_uid()
    {
        var shuffled = new[] { Rows[2], Rows[0], Rows[3], Rows[1] };
        AssertRows(NeuronsLite.Decode(Finney.Value, Encode(shuffled)));
        AssertRows(NeuronsLite.DecodeBlob(AsBlob(Encode(shuffled))));
    }

    [Fact]
    public void Arguments_are_the_netuid_as_u16_little_endian() =>
        Assert.Equal(new byte[] { 17, 0 }, NeuronsLite.Arguments(17));

    [Fact]
    public void Truncated_or_padded_results_are_typed_decode_errors()
    {
        var bytes = Encode(Rows);
        Assert.ThrowsAny<FormatException>(() => NeuronsLite.Decode(Finney.Value, bytes.AsSpan(0, bytes.Length - 3)));
        Assert.ThrowsAny<FormatException>(() => NeuronsLite.DecodeBlob(AsBlob(bytes[..^3])));
        Assert.ThrowsAny<FormatException>(() => NeuronsLite.DecodeBlob(AsBlob([.. bytes, 0])));
        // A hostile length prefix must fail before allocating a billion rows.
        Assert.Throws<ScaleDecodeException>(() => NeuronsLite.DecodeBlob(AsBlob([0xFE, 0xFF, 0xFF, 0xFF])));
    }
}
