using System.Globalization;
using System.Text.Json;
using Neuron3D.Bittensor.Chain.Rpc;

namespace Neuron3D.Bittensor.Chain;

/// <summary>What <c>state_getRuntimeVersion</c> reports; spec and transaction versions go into every signature.</summary>
public sealed record RuntimeVersion(string SpecName, string ImplName, uint SpecVersion, uint ImplVersion, uint TransactionVersion)
{
    internal static RuntimeVersion FromJson(JsonElement json)
    {
        try
        {
            return new RuntimeVersion(
                json.GetProperty("specName").GetString()!, json.GetProperty("implName").GetString()!,
                json.GetProperty("specVersion").GetUInt32(), json.GetProperty("implVersion").GetUInt32(),
                json.GetProperty("transactionVersion").GetUInt32());
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new RpcProtocolException($"unexpected runtime version: {json.GetRawText()}", e);
        }
    }
}

/// <summary>A block header as the node reports it (hashes as 0x-hex).</summary>
public sealed record BlockHeader(string ParentHash, uint Number, string StateRoot, string ExtrinsicsRoot)
{
    internal static BlockHeader FromJson(JsonElement json)
    {
        try
        {
            return new BlockHeader(json.GetProperty("parentHash").GetString()!, ParseNumber(json.GetProperty("number")),
                json.GetProperty("stateRoot").GetString()!, json.GetProperty("extrinsicsRoot").GetString()!);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new RpcProtocolException($"unexpected header: {json.GetRawText()}", e);
        }
    }

    // Nodes send block numbers as hex strings, zero-padded by chopsticks ("0x0000012f"), or as plain numbers.
    private static uint ParseNumber(JsonElement number) => number.ValueKind == JsonValueKind.Number
        ? number.GetUInt32()
        : uint.Parse(number.GetString()!.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}

/// <summary>0x-prefixed lowercase hex, the byte format of Substrate JSON-RPC.</summary>
public static class Hex
{
    /// <summary>Encodes <paramref name="bytes"/> as <c>0x…</c>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Decodes <c>0x…</c> (the prefix is optional).</summary>
    /// <exception cref="RpcProtocolException">Not hex.</exception>
    public static byte[] Decode(string hex)
    {
        try
        {
            return Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex);
        }
        catch (FormatException e)
        {
            throw new RpcProtocolException($"'{(hex.Length > 40 ? hex[..40] + "…" : hex)}' is not hex", e);
        }
    }
}
