using System.Net;
using CsCheck;
using Neuron3D.Bittensor.Axon;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>AxonInfo encoding for serve_axon (spec §1.10, §4: 203.0.113.7 → 3405803783).</summary>
public sealed class AxonInfoTests
{
    [Fact]
    public void Spec_IPv4_vector()
    {
        var info = AxonInfo.Create("203.0.113.7", 8091);
        Assert.Equal((UInt128)3405803783, info.Ip);
        Assert.Equal(4, info.IpType);
        Assert.Equal(4, info.Protocol);
        Assert.Equal(10002000u, info.Version);
        Assert.Equal((ushort)8091, info.Port);
        Assert.Equal(IPAddress.Parse("203.0.113.7"), info.Address);
    }

    [Fact]
    public void IPv6_is_the_128_bit_big_endian_value()
    {
        var info = AxonInfo.Create("2001:db8::1", 9000);
        Assert.Equal(6, info.IpType);
        Assert.Equal((UInt128.One << 125) | ((UInt128)0x0db8 << 96) | 1 | ((UInt128)0x0001 << 112), info.Ip);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), info.Address);
    }

    [Fact]
    public void Ipv4_mapped_addresses_are_published_as_IPv4() =>
        Assert.Equal(4, AxonInfo.Create("::ffff:203.0.113.7", 1).IpType);

    [Fact]
    public void Integer_round_trips_for_any_address()
    {
        Gen.Byte.Array[16].Sample(bytes =>
        {
            var address = new IPAddress(bytes);
            Assert.Equal(address, AxonInfo.IntegerToIp(AxonInfo.IpToInteger(address), 6));
        });
        Gen.UInt.Sample(value => Assert.Equal((UInt128)value, AxonInfo.IpToInteger(AxonInfo.IntegerToIp(value, 4))));
    }

    [Theory]
    [InlineData("not-an-ip", 8091)]
    [InlineData("1.2.3.4", 0)]
    [InlineData("1.2.3.4", 65536)]
    public void Bad_endpoints_are_format_errors(string ip, int port) =>
        Assert.Throws<FormatException>(() => AxonInfo.Create(ip, port));

    [Fact]
    public void Integers_that_do_not_fit_the_family_are_format_errors()
    {
        Assert.Throws<FormatException>(() => AxonInfo.IntegerToIp((UInt128)uint.MaxValue + 1, 4));
        Assert.Throws<FormatException>(() => AxonInfo.IntegerToIp(1, 5));
    }
}
