using Neuron3D.Bittensor.Localnet;
using Neuron3D.Cli.Commands;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Testing;

namespace Neuron3D.Cli.Tests.Localnet;

/// <summary>`neuron3d localnet …` against the real local chain, and its usage errors (which need no chain).</summary>
public sealed class LocalnetCommandsTests
{
    [Fact]
    public void Start_status_advance_stop_on_a_free_port()
    {
        var port = LocalChain.FindFreePort().ToString();
        try
        {
            var started = CliRun.Expect(ExitCodes.Success, "localnet", "start", "--port", port, "--json").Json;
            Assert.Equal($"ws://127.0.0.1:{port}", (string?)started["endpoint"]);
            Assert.Equal("instant", (string?)started["blockMode"]); // the default
            Assert.Equal(293, (int?)started["specVersion"]);
            Assert.True((bool?)started["running"]);
            var pid = (int)started["pid"]!;

            var status = CliRun.Expect(ExitCodes.Success, "localnet", "status", "--port", port, "--json").Json;
            Assert.Equal(pid, (int?)status["pid"]);
            Assert.True((bool?)status["processAlive"]);
            var head = (uint)status["head"]!;

            Assert.Equal(head + 2, (uint?)CliRun.Expect(ExitCodes.Success, "localnet", "advance", "--blocks", "2", "--port", port, "--json").Json["head"]);
            Assert.Equal(head + 4, (uint?)CliRun.Expect(ExitCodes.Success, "localnet", "advance", "--to", (head + 4).ToString(), "--port", port, "--json").Json["head"]);
            var text = CliRun.Expect(ExitCodes.Success, "localnet", "advance", "--blocks", "1", "--port", port);
            Assert.Contains($"Head is now block {head + 5}.", text.Out);

            // Netuid 1 has tempo 100 at genesis: its first epoch block after the head is 98 ((98 + 1 + 1) % 101 == 100).
            var epoch = CliRun.Expect(ExitCodes.Success, "localnet", "advance", "--epoch", "--netuid", "1", "--port", port, "--json").Json;
            Assert.Equal(98u, (uint?)epoch["epochBlock"]);
            Assert.Equal(100, (int?)epoch["tempo"]);
            Assert.Equal(98u, (uint?)CliRun.Expect(ExitCodes.Success, "localnet", "status", "--port", port, "--json").Json["head"]);

            var backwards = CliRun.Expect(ExitCodes.BadInput, "localnet", "advance", "--to", "50", "--port", port);
            Assert.Contains("already block 98", backwards.Error);
            var noSubnet = CliRun.Expect(ExitCodes.BadInput, "localnet", "advance", "--epoch", "--netuid", "77", "--port", port);
            Assert.Contains("subnet 77 does not exist", noSubnet.Error);
            var again = CliRun.Expect(LocalnetCommands.CannotStartExitCode, "localnet", "start", "--port", port);
            Assert.Contains($"already runs on ws://127.0.0.1:{port} (pid {pid})", again.Error);

            var stopped = CliRun.Expect(ExitCodes.Success, "localnet", "stop", "--port", port, "--json").Json;
            Assert.True((bool?)stopped["stopped"]);
            Assert.Equal(pid, (int?)stopped["pid"]);
            Assert.False(File.Exists($"/proc/{pid}/cmdline"), $"pid {pid} still runs after stop");

            var after = CliRun.Expect(LocalnetCommands.NotRunningExitCode, "localnet", "status", "--port", port, "--json").Json;
            Assert.False((bool?)after["running"]);
            Assert.Null(after["pid"]);
            Assert.Contains("No local chain was running", CliRun.Expect(ExitCodes.Success, "localnet", "stop", "--port", port).Out);
        }
        finally
        {
            CliRun.Invoke("localnet", "stop", "--port", port);
        }
    }

    public static TheoryData<string[], int, string> UsageErrors => new()
    {
        { ["advance"], ExitCodes.BadInput, "exactly one of --blocks N, --to HEIGHT or --epoch" },
        { ["advance", "--blocks", "2", "--to", "9"], ExitCodes.BadInput, "exactly one of" },
        { ["advance", "--blocks", "0"], ExitCodes.BadInput, "--blocks must be 1 or more" },
        { ["advance", "--epoch"], ExitCodes.BadInput, "--epoch needs --netuid" },
        { ["advance", "--blocks", "3", "--netuid", "1"], ExitCodes.BadInput, "--netuid and --tempo go with --epoch" },
        { ["advance", "--epoch", "--netuid", "1", "--tempo", "0"], ExitCodes.BadInput, "--tempo 0 never runs an epoch" },
        { ["start", "--port", "70000"], ExitCodes.BadInput, "--port 70000 is not a TCP port" },
        { ["status", "--port", "0"], ExitCodes.BadInput, "--port 0 is not a TCP port" },
        { ["start", "--block-mode", "sometimes"], ExitCodes.Negative, "sometimes" },
        { ["advance", "--blocks", "many"], ExitCodes.Negative, "many" },
        { ["advance", "--netuid", "70000", "--epoch"], ExitCodes.Negative, "70000" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Bad_flags_are_usage_errors(string[] args, int exitCode, string message)
    {
        var result = CliRun.Expect(exitCode, ["localnet", .. args]);
        Assert.Contains(message, result.Error);
        if (exitCode == ExitCodes.BadInput) Assert.Empty(result.Out); // parse errors (exit 1) also print the usage there
    }

    [Fact]
    public void A_missing_localchain_folder_cannot_start()
    {
        var missing = Path.Combine(Path.GetTempPath(), "neuron3d-no-localchain-" + Guid.NewGuid().ToString("N"));
        var result = CliRun.Expect(LocalnetCommands.CannotStartExitCode,
            "localnet", "start", "--port", LocalChain.FindFreePort().ToString(), "--localchain.path", missing);
        Assert.Contains($"the localchain folder {missing}", result.Error);
        Assert.Contains("does not exist", result.Error);
    }

    [Fact]
    public void Without_a_chain_status_and_advance_say_so_and_stop_is_quiet()
    {
        var port = LocalChain.FindFreePort().ToString();
        var status = CliRun.Expect(LocalnetCommands.NotRunningExitCode, "localnet", "status", "--port", port);
        Assert.Contains($"ws://127.0.0.1:{port}: not running", status.Out);
        var advance = CliRun.Expect(LocalnetCommands.NotRunningExitCode, "localnet", "advance", "--blocks", "1", "--port", port);
        Assert.Contains($"no chain answers on ws://127.0.0.1:{port}", advance.Error);
        var stop = CliRun.Expect(ExitCodes.Success, "localnet", "stop", "--port", port, "--json").Json;
        Assert.False((bool?)stop["stopped"]);
    }
}
