using System.Net;
using System.Net.Sockets;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Axon;

/// <summary>
/// The axon endpoint as published on chain with <c>serve_axon</c> and stored in <c>Axons</c> (spec §1.10, §4):
/// the IP as an integer (big-endian numeric value; 203.0.113.7 → 3405803783), its family (4 or 6),
/// the port, protocol 4 and the SDK version integer.
/// </summary>
/// <param name="Version">SDK version integer (10.2.0 → 10002000).</param>
/// <param name="Ip">The address as an unsigned integer (u128 on chain).</param>
/// <param name="Port">TCP port.</param>
/// <param name="IpType">4 or 6.</param>
/// <param name="Protocol">Always 4 for the SDK.</param>
public sealed record AxonInfo(uint Version, UInt128 Ip, ushort Port, byte IpType, byte Protocol = AxonInfo.SdkProtocol)
{
    /// <summary>The <c>protocol</c> value the Python SDK publishes.</summary>
    public const byte SdkProtocol = 4;

    /// <summary>Builds the info for <paramref name="ip"/> (IPv4 or IPv6 text) and <paramref name="port"/>.</summary>
    /// <exception cref="FormatException"><paramref name="ip"/> is not an IP address or <paramref name="port"/> is not 1..65535.</exception>
    public static AxonInfo Create(string ip, int port, uint version = (uint)SynapseProtocol.VersionAsInt)
    {
        if (!IPAddress.TryParse(ip, out var address)) throw new FormatException($"'{ip}' is not an IP address");
        if (port is < 1 or > 65535) throw new FormatException($"port {port} is not in 1..65535");
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return new AxonInfo(version, IpToInteger(address), (ushort)port, IpTypeOf(address));
    }

    /// <summary>The address as the chain stores it: the big-endian bytes read as one unsigned integer.</summary>
    public static UInt128 IpToInteger(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        UInt128 value = 0;
        for (var i = 0; i < written; i++) value = (value << 8) | bytes[i];
        return value;
    }

    /// <summary>The address back from its integer form and family.</summary>
    /// <exception cref="FormatException">The family is not 4/6 or the integer does not fit it.</exception>
    public static IPAddress IntegerToIp(UInt128 value, byte ipType)
    {
        var length = ipType switch
        {
            4 => 4,
            6 => 16,
            _ => throw new FormatException($"ip_type {ipType} is neither 4 nor 6"),
        };
        if (length == 4 && value > uint.MaxValue) throw new FormatException($"{value} does not fit an IPv4 address");
        Span<byte> bytes = stackalloc byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xff);
            value >>= 8;
        }
        return new IPAddress(bytes);
    }

    /// <summary>4 for IPv4, 6 for IPv6.</summary>
    public static byte IpTypeOf(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => 4,
        AddressFamily.InterNetworkV6 => 6,
        _ => throw new FormatException($"{address.AddressFamily} is not an IP family"),
    };

    /// <summary>The address as text.</summary>
    public IPAddress Address => IntegerToIp(Ip, IpType);
}
