using System.CommandLine;
using System.Net.Sockets;
using Neuron3D.Assets.Rendering;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Commands;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Testing;

namespace Neuron3D.Cli.Tests;

/// <summary>
/// <c>neuron3d demo</c> end to end on the real subtensor runtime (chopsticks, a chain of its own on a free port),
/// shortened: the verdict is checked from chain state read independently of the demo, not from its report.
/// </summary>
[Collection(LocalChainCollection.Name)]
public sealed class DemoTests(LocalChainFixture chain) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "neuron3d-demo-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_full_quality_miner_earns_more_incentive_and_emission_than_the_weaker_ones_on_chain()
    {
        var result = CliRun.Invoke("demo", "--subtensor.chain_endpoint", chain.Endpoint.ToString(), "--demo.folder", _folder,
            "--tempo", "3", "--epochs", "2", "--epoch.interval", "2", "--task.cooldown", "4", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var netuid = (ushort)result.Json["netuid"]!.GetValue<int>();
        Assert.Equal(2, result.Json["epochs"]!.GetValue<int>());

        // The chain, read on our own connection: who is who comes from the demo's wallet files.
        var wallets = Path.Combine(_folder, "wallets");
        string Hotkey(string name) => new Wallet(name, "default", wallets).GetHotkeyAddress();
        await using var client = await SubtensorClient.ConnectAsync(chain.Endpoint);
        var metagraph = await client.GetMetagraphAsync(netuid);
        var full = metagraph.Neurons.Single(n => n.Hotkey == Hotkey("miner-full"));
        var weak = metagraph.Neurons.Single(n => n.Hotkey == Hotkey("miner-weak"));
        var skip = metagraph.Neurons.Single(n => n.Hotkey == Hotkey("miner-skip"));
        var validator = metagraph.Neurons.Single(n => n.Hotkey == Hotkey("validator"));

        Assert.True(full.Incentive > weak.Incentive && full.Incentive > skip.Incentive,
            $"incentive full {full.Incentive}, weak {weak.Incentive}, skip {skip.Incentive}\n{result.Error}");
        Assert.True(full.EmissionRao > weak.EmissionRao && full.EmissionRao > skip.EmissionRao,
            $"emission full {full.EmissionRao}, weak {weak.EmissionRao}, skip {skip.EmissionRao}\n{result.Error}");
        Assert.True(validator.ValidatorPermit && validator.Dividends > 0, "the validator has a permit and earns dividends");
        var weights = await client.GetWeightsAsync(netuid, validator.Uid);
        Assert.Contains(weights, w => w.Uid == full.Uid && w.Value > 0);
        Assert.DoesNotContain(weights, w => w.Uid == weak.Uid || w.Uid == skip.Uid);

        // The demo's own report agrees with the chain.
        Assert.True(result.Json["betterMinerEarnsMore"]!.GetValue<bool>());
        var reported = result.Json["neurons"]!.AsArray().Single(n => n!["hotkey"]!.GetValue<string>() == full.Hotkey)!;
        Assert.Equal(NeuronInfoLite.Fraction(full.Incentive), reported["incentive"]!.GetValue<double>(), 6);
        Assert.True(reported["tally"]!["accepted"]!.GetValue<int>() >= 1);

        // Previews: real PNGs of what the validator was sent, the full miner's among them, and a contact sheet.
        var previews = Path.Combine(_folder, "previews");
        Assert.True(File.Exists(Path.Combine(previews, "contact-sheet.png")));
        Assert.True(File.Exists(Path.Combine(previews, $"uid{full.Uid}-1.png")));
        foreach (var png in Directory.GetFiles(previews, "*.png"))
        {
            var image = RenderImage.FromPng(File.ReadAllBytes(png));
            Assert.True(image.Width >= 32 && image.Height >= 32, png);
        }
    }

    [Fact]
    public void A_started_chain_is_stopped_when_the_demo_is_interrupted()
    {
        using var stop = new CancellationTokenSource();
        Uri? started = null;
        var host = new DemoHost
        {
            Stop = stop.Token,
            ChainStarted = endpoint =>
            {
                started = endpoint;
                stop.Cancel(); // Ctrl+C right after the chain came up
            },
        };
        var result = Invoke(host, "demo", "--demo.folder", _folder);

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.NotNull(started);
        Assert.Contains("stopped", result.Error);
        using var probe = new TcpClient();
        Assert.ThrowsAny<SocketException>(() => probe.Connect("127.0.0.1", started!.Port));
    }

    public static TheoryData<string[], string> BadOptions => new()
    {
        { ["--tempo", "0"], "tempo" },
        { ["--epochs", "0"], "epochs" },
        { ["--task.cooldown", "1"], "cooldown" },
        { ["--epoch.interval", "-1"], "--epoch.interval" },
        { ["--subtensor.chain_endpoint", "http://127.0.0.1:9944"], "ws://" },
        { ["--localchain.port", "70000"], "--localchain.port" },
        { ["--axon.port", "-2"], "axon port" },
    };

    [Theory, MemberData(nameof(BadOptions))]
    public void Bad_options_exit_2_and_name_the_option(string[] options, string named)
    {
        var result = CliRun.Expect(ExitCodes.BadInput, ["demo", "--demo.folder", _folder, .. options]);
        Assert.Contains(named, result.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "wallets")), "nothing is created for a bad command line");
    }

    [Fact]
    public void A_folder_with_an_earlier_run_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "wallets"));
        var result = CliRun.Expect(ExitCodes.BadInput, "demo", "--demo.folder", _folder);
        Assert.Contains("not empty", result.Error);
    }

    [Fact]
    public void An_unreachable_chain_exits_11()
    {
        var result = CliRun.Expect(DemoCommand.ChainExitCode, "demo", "--demo.folder", _folder, "--subtensor.chain_endpoint", "ws://127.0.0.1:9");
        Assert.StartsWith("error: ", result.Error.Trim());
    }

    private static CliResult Invoke(DemoHost host, params string[] args)
    {
        var root = new RootCommand();
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(DemoCommand.Create(host));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
