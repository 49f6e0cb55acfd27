using System.Net;
using System.Net.Sockets;
using Neuron3D.Bittensor.Chain;
using Neuron3D.Bittensor.Chain.Rpc;

namespace Neuron3D.Bittensor.Tests.Chain;

public class SubstrateRpcClientTests
{
    [Fact]
    public async Task Unreachable_node_is_a_connection_error_not_a_hang()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<RpcConnectionException>(() =>
            SubstrateRpcClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}"), new RpcClientOptions { ConnectTimeout = TimeSpan.FromSeconds(5) }));
        Assert.Equal(port, error.Endpoint.Port);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Silent_server_makes_the_connect_time_out()
    {
        // Accepts TCP but never answers the WebSocket handshake.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var error = await Assert.ThrowsAsync<RpcConnectionException>(() =>
            SubstrateRpcClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}"), new RpcClientOptions { ConnectTimeout = TimeSpan.FromMilliseconds(500) }));
        Assert.Contains("within", error.Message);
    }

    [Theory]
    [InlineData("0x0000012f", 0x12f)]
    [InlineData("0x1", 1)]
    public void Chopsticks_zero_padded_block_numbers_parse(string number, uint expected)
    {
        var json = System.Text.Json.JsonDocument.Parse($$"""{"parentHash":"0x00","number":"{{number}}","stateRoot":"0x00","extrinsicsRoot":"0x00"}""").RootElement;
        Assert.Equal(expected, BlockHeader.FromJson(json).Number);
    }

    [Fact]
    public void Hex_rejects_non_hex()
    {
        Assert.Equal([0xde, 0xad], Hex.Decode("0xdead"));
        Assert.Throws<RpcProtocolException>(() => Hex.Decode("0xzz"));
    }
}
