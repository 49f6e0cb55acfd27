using System.Collections.Concurrent;
using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Assets.Splats;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Commands;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Cli.Tests.Miner;

/// <summary>
/// <c>neuron3d miner run</c> in-process: option checks, start-up failures with their exit codes, and a full run
/// against a scripted validator axon (real Kestrel, real dendrite) and a scripted generation service, stopped the way
/// Ctrl+C stops it.
/// </summary>
public sealed class MinerRunTests : IAsyncDisposable
{
    private static readonly Sr25519Keypair ValidatorKey = Sr25519Keypair.FromUri("//Bob");
    private static readonly Sr25519Keypair MinerKey = Sr25519Keypair.FromUri("//Alice");

    private readonly TempWallets _wallets = new();
    private readonly ConcurrentQueue<SubmitResults> _submissions = new();
    private AxonServer? _validator;
    private WebApplication? _generationService;

    internal static CliResult Invoke(MinerHost host, params string[] args)
    {
        var root = new RootCommand();
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(MinerCommands.Create(host));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private string[] MinerArgs(params string[] extra) =>
    [
        "miner", "run", .. _wallets.Args("miner"), "--neuron.full_path", _wallets.File("state"),
        .. extra.Contains("--subtensor.chain_endpoint") ? [] : new[] { "--subtensor.chain_endpoint", "ws://127.0.0.1:9" },
        .. extra.Contains("--generator") ? [] : new[] { "--generator", "http://127.0.0.1:9" },
        .. extra,
    ];

    private void CreateMinerWallet() => new Wallet("miner", "default", _wallets.Root).RegenerateHotkey(KeySource.FromUri("//Alice"));

    private static MinerHost HostWith(IReadOnlyList<NeuronView> neurons, CancellationToken stop = default, Action<int>? metricsStarted = null) => new()
    {
        ConnectMetagraph = (_, _, _) => Task.FromResult<IMetagraphSource>(new StaticMetagraph(neurons)),
        Stop = stop,
        Loggers = () => NullLoggerFactory.Instance,
        MetricsStarted = metricsStarted,
    };

    [Fact]
    public void Help_lists_the_flags_and_the_exit_codes()
    {
        var help = CliRun.Expect(0, "miner", "run", "--help").Out;
        foreach (var flag in new[]
                 {
                     "--wallet.name", "--wallet.hotkey", "--wallet.path", "--subtensor.network", "--subtensor.chain_endpoint", "--netuid",
                     "--generator", "--generator.concurrency", "--neuron.full_path", "--neuron.sync_interval", "--neuron.min_stake",
                     "--neuron.owner_hotkey", "--neuron.no_owner_preference", "--self_check.min_splats", "--metrics.port", "--axon.port",
                     "--logging.trace", "--logging.json", "--logging.debug",
                 })
            Assert.Contains(flag, help);
        Assert.Contains("Exit codes:", help);
        Assert.Contains("11 the miner cannot start", help);
        Assert.Contains("--json", CliRun.Expect(0, "miner", "status", "--help").Out);
    }

    [Theory]
    [InlineData("--generator", "ftp://127.0.0.1:21", "--generator 'ftp://127.0.0.1:21'")]
    [InlineData("--subtensor.chain_endpoint", "http://127.0.0.1:9944", "not a ws:// or wss:// address")]
    [InlineData("--netuid", "70000", "not a subnet id")]
    [InlineData("--generator.concurrency", "0", "--generator.concurrency")]
    [InlineData("--neuron.owner_hotkey", "not-an-address", "not an SS58 address")]
    [InlineData("--self_check.max_transparent_share", "1.5", "within 0–1")]
    [InlineData("--neuron.shutdown_grace", "-1", "positive number of seconds")]
    public void Bad_option_values_are_refused_with_exit_code_2(string option, string value, string message)
    {
        var result = Invoke(HostWith([]), MinerArgs(option, value));
        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Unknown_network_names_are_refused()
    {
        var result = Invoke(HostWith([]), ["miner", "run", .. _wallets.Args("miner"), "--subtensor.network", "moon"]);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("finney, test, archive, local", result.Error);
    }

    [Fact]
    public void Missing_wallet_stops_before_anything_with_exit_code_5()
    {
        var result = Invoke(HostWith([]), MinerArgs());
        Assert.True(result.ExitCode == ExitCodes.KeyfileNotFound, result.ToString());
        Assert.Contains(Path.Combine(_wallets.Root, "miner", "hotkeys", "default"), result.Error);
        Assert.StartsWith("error: ", result.Error);
    }

    [Fact]
    public void Unregistered_hotkey_is_a_clear_start_up_failure()
    {
        CreateMinerWallet();
        var result = Invoke(HostWith([new NeuronView(0, ValidatorKey.Ss58Address, 5000, true, "127.0.0.1", 1)]), MinerArgs());
        Assert.True(result.ExitCode == MinerCommands.CannotStartExitCode, result.ToString());
        Assert.Contains($"hotkey {MinerKey.Ss58Address} is not registered", result.Error);
    }

    [Fact]
    public void Unreachable_chain_is_a_clear_start_up_failure()
    {
        CreateMinerWallet();
        var result = Invoke(MinerHost.Default with { Loggers = () => NullLoggerFactory.Instance }, MinerArgs());
        Assert.True(result.ExitCode == MinerCommands.CannotStartExitCode, result.ToString());
        Assert.Contains("cannot reach the chain at ws://127.0.0.1:9", result.Error);
    }

    [Fact]
    public async Task Run_mines_against_a_scripted_validator_serves_metrics_and_stops_gracefully_on_ctrl_c()
    {
        CreateMinerWallet();
        var validator = await StartValidatorAsync();
        var service = await StartGenerationServiceAsync();
        using var stop = new CancellationTokenSource();
        var metricsPort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var axonPort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = HostWith([validator, new NeuronView(1, MinerKey.Ss58Address, 0, false)], stop.Token, metricsPort.SetResult)
            with { AxonStarted = axonPort.SetResult };

        var run = Task.Run(() => Invoke(host, MinerArgs("--generator", service.ToString(), "--neuron.no_owner_preference",
            "--metrics.port", "0", "--axon.port", "0", "--axon.ip", "127.0.0.1", "--neuron.shutdown_grace", "5")));

        var port = await metricsPort.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using (var operatorDendrite = new Dendrite(new Sr25519SynapseSigner(Sr25519Keypair.FromUri("//Operator"))))
        {
            var target = new AxonTarget("127.0.0.1", await axonPort.Task.WaitAsync(TimeSpan.FromSeconds(60)), MinerKey.Ss58Address);
            var version = await operatorDendrite.CallAsync(target, new GetVersion(), TimeSpan.FromSeconds(30));
            Assert.Equal(200, version.Dendrite.StatusCode);
            Assert.Equal(MinerCommands.MinerVersion, version.Version);
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_submissions.IsEmpty && DateTime.UtcNow < deadline && !run.IsCompleted) await Task.Delay(50);
        var submit = Assert.Single(_submissions);
        Assert.True(LicenseConsent.Verify(submit.Signature, submit.SubmitTime, "a red chair", ValidatorKey.Ss58Address, MinerKey.Ss58Address));
        Assert.Equal(8000, Neuron3D.Assets.Formats.Spz.SpzCodec.Decode(Convert.FromBase64String(submit.Results)).Count);

        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            var metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
            Assert.Contains("\nneuron3d_miner_pulls_total 1\n", metrics);
            Assert.Contains("neuron3d_miner_validator_accepted{uid=\"0\",hotkey=\"" + ValidatorKey.Ss58Address + "\"} 1\n", metrics);
        }

        var stopped = DateTime.UtcNow;
        await stop.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(DateTime.UtcNow - stopped < TimeSpan.FromSeconds(10), "the miner did not stop within its grace period");

        var status = CliRun.Expect(0, "miner", "status", "--neuron.full_path", _wallets.File("state"), "--json").Json;
        Assert.Equal(1, status["totals"]!["accepted"]!.GetValue<int>());
        Assert.Equal("Scored", status["recent"]![0]!["status"]!.GetValue<string>());
    }

    private async Task<NeuronView> StartValidatorAsync()
    {
        _validator = new AxonServer(ValidatorKey.Ss58Address, new Sr25519SynapseVerifier(), AllowAllBlacklist.Instance,
            new AxonOptions { BindIp = "127.0.0.1", Port = 0 });
        // One task, then a long cooldown: the miner must sit idle until it is stopped.
        var handedOut = 0;
        _validator.Attach<PullTask>((pull, _, _) => ValueTask.FromResult(Interlocked.Increment(ref handedOut) == 1
            ? pull with { Task = new Sn17Task("task-1", TaskKind.Text, "a red chair") }
            : pull with { CooldownUntil = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600 }));
        _validator.Attach<SubmitResults>((submit, _, _) =>
        {
            _submissions.Enqueue(submit);
            return ValueTask.FromResult(submit with
            {
                Results = "", Signature = "", Feedback = new Feedback(false, 0.9, 0.95, 1, 1500, 1500),
                CooldownUntil = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600,
            });
        }, maxRequestBodySize: 64 << 20);
        await _validator.StartAsync();
        return new NeuronView(0, ValidatorKey.Ss58Address, 5000, true, "127.0.0.1", _validator.Port);
    }

    /// <summary>An SN17 generation service (POST /generate/ → PLY) that always returns the same 8000 splats.</summary>
    private async Task<Uri> StartGenerationServiceAsync()
    {
        var ply = PlySplatWriter.Write(Splats(8000));
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _generationService = builder.Build();
        _generationService.Run(async context =>
        {
            if (context.Request.Path != "/generate/" || (await context.Request.ReadFormAsync())["prompt"] != "a red chair")
            {
                context.Response.StatusCode = 400;
                return;
            }
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(ply);
        });
        await _generationService.StartAsync();
        var address = _generationService.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address);
    }

    /// <summary>Splats that pass SN17's structural gates: a small noisy ball, opaque, small scales.</summary>
    internal static SplatCloud Splats(int count)
    {
        var cloud = new SplatCloud(count, 0);
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            for (var a = 0; a < 3; a++)
            {
                cloud.Positions[3 * i + a] = (float)(random.NextDouble() - 0.5);
                cloud.LogScales[3 * i + a] = -4f;
                cloud.ShDc[3 * i + a] = (float)random.NextDouble();
            }
            cloud.Rotations[4 * i] = 0.9f;
            cloud.Rotations[4 * i + 1] = 0.1f * (float)random.NextDouble();
            cloud.OpacityLogits[i] = 2f;
        }
        return cloud;
    }

    private sealed class StaticMetagraph(IReadOnlyList<NeuronView> neurons) : IMetagraphSource
    {
        public Task<IReadOnlyList<NeuronView>> ReadNeuronsAsync(CancellationToken cancellationToken) => Task.FromResult(neurons);
    }

    public async ValueTask DisposeAsync()
    {
        if (_validator is not null) await _validator.DisposeAsync();
        if (_generationService is not null) await _generationService.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _wallets.Dispose();
    }
}
