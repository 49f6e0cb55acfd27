using System.Net;
using System.Net.Sockets;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Tests.Axon;

/// <summary>`neuron3d axon serve-echo` and `neuron3d axon call` against each other, in-process, over real sockets.</summary>
public sealed class AxonCommandsTests : IDisposable
{
    private const string BobAddress = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    private readonly TempWallets wallets = new();

    public AxonCommandsTests()
    {
        CliRun.Expect(0, ["wallet", "regen-hotkey", .. wallets.Args("server"), "--uri", "//Bob", "--no-prompt"]);
        CliRun.Expect(0, ["wallet", "regen-hotkey", .. wallets.Args("client"), "--uri", "//Alice", "--no-prompt"]);
    }

    public void Dispose() => wallets.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<(Task<CliResult> Server, int Port)> StartEchoAsync()
    {
        var port = FreePort();
        var server = Task.Run(() => CliRun.Invoke(["axon", "serve-echo", .. wallets.Args("server"), "--axon.ip", "127.0.0.1", "--port", port.ToString(), "--stop-after", "20"]));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return (server, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("serve-echo did not start: " + (server.IsCompleted ? server.Result.ToString() : "still starting"));
    }

    [Fact]
    public async Task Call_to_the_echo_axon_is_signed_verified_and_echoed()
    {
        var (_, port) = await StartEchoAsync();
        var result = CliRun.Expect(0, ["axon", "call", $"127.0.0.1:{port}", "Echo", "--body", """{"text": "hi", "n": 3}""", "--axon-hotkey", BobAddress, .. wallets.Args("client"), "--json"]);
        var json = result.Json;
        Assert.Equal(200, (int?)json["status"]);
        Assert.Equal("Success", (string?)json["message"]);
        Assert.Equal("hi", (string?)json["response"]!["text"]);
        Assert.Equal(3, (int?)json["response"]!["n"]);
        Assert.Equal("Echo", (string?)json["response"]!["name"]);

        var ping = CliRun.Expect(0, ["axon", "call", $"127.0.0.1:{port}", "Synapse", "--axon-hotkey", BobAddress, .. wallets.Args("client")]);
        Assert.StartsWith("200 Success", ping.Out);
        Assert.Contains("round trip", ping.Out);
    }

    [Fact]
    public async Task Without_the_axon_hotkey_the_call_learns_it_from_the_refusal()
    {
        var (_, port) = await StartEchoAsync();
        var result = CliRun.Expect(0, ["axon", "call", $"127.0.0.1:{port}", "Echo", .. wallets.Args("client"), "--json"]);
        Assert.Equal(200, (int?)result.Json["status"]);
        Assert.Equal(BobAddress, (string?)result.Json["axonHotkey"]);
        Assert.Contains(BobAddress, result.Error);
    }

    [Fact]
    public async Task Wrong_axon_hotkey_and_unreachable_axons_exit_1_with_the_status()
    {
        var (_, port) = await StartEchoAsync();
        var wrong = CliRun.Expect(ExitCodes.Negative, ["axon", "call", $"127.0.0.1:{port}", "Echo", "--axon-hotkey", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", .. wallets.Args("client"), "--json"]);
        Assert.Equal(401, (int?)wrong.Json["status"]);

        var unreachable = CliRun.Expect(ExitCodes.Negative, ["axon", "call", $"127.0.0.1:{FreePort()}", "Echo", "--axon-hotkey", BobAddress, .. wallets.Args("client"), "--json", "--timeout", "3"]);
        Assert.Equal(503, (int?)unreachable.Json["status"]);
    }

    [Theory]
    [InlineData("127.0.0.1", "{}")]
    [InlineData("127.0.0.1:8091", "[1, 2]")]
    [InlineData("127.0.0.1:8091", "{oops")]
    public void Bad_endpoints_and_bodies_are_bad_input(string endpoint, string body) =>
        CliRun.Expect(ExitCodes.BadInput, ["axon", "call", endpoint, "Echo", "--body", body, "--axon-hotkey", BobAddress, .. wallets.Args("client")]);
}
