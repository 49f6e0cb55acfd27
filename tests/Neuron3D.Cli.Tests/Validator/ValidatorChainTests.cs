using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Commands;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Network;
using Neuron3D.Testing;

namespace Neuron3D.Cli.Tests.Validator;

/// <summary>
/// <c>neuron3d validator run</c> on the real subtensor runtime (local chain) with the production chain seams: the
/// start-up checks pass against real registration, the axon is published with serve_axon, a miner's accepted result
/// becomes weights read back from chain storage, and <c>validator status</c> shows that set.
/// </summary>
[Collection(LocalChainCollection.Name)]
public sealed class ValidatorChainTests(LocalChainFixture chain) : IDisposable
{
    private readonly TempWallets _wallets = new();

    [Fact]
    public async Task Validator_run_publishes_its_axon_and_puts_a_miners_reward_on_chain_as_weights()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = limit.Token;
        await using var client = await SubtensorClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        var subnet = await LocalSubnet.CreateAsync(client, ct);
        await LocalSubnet.SudoAdminAsync(client, "sudo_set_weights_set_rate_limit", ct, subnet.Netuid, 0UL);
        new Wallet("validator", "default", _wallets.Root).RegenerateHotkey(KeySource.FromUri(subnet.ValidatorHotkeyUri));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var axonPort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = ValidatorHost.Default with { Stop = stop.Token, Loggers = () => NullLoggerFactory.Instance, AxonStarted = axonPort.SetResult };
        var state = _wallets.File("state");
        var run = Task.Run(() => Invoke(host, ["validator", "run", .. _wallets.Args("validator"), "--neuron.full_path", state,
            "--subtensor.chain_endpoint", chain.Endpoint.ToString(), "--netuid", subnet.Netuid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--axon.ip", "127.0.0.1", "--axon.port", "0", "--axon.external_ip", "127.0.0.2", "--axon.external_port", "8091",
            "--neuron.sync_interval", "1", "--neuron.weights_interval_blocks", "0", "--neuron.min_stake_to_set_weights", "0"]));
        var started = await Task.WhenAny(axonPort.Task, run).WaitAsync(TimeSpan.FromMinutes(2), ct);
        if (started == run) Assert.Fail("the validator stopped at start-up: " + await run);
        var port = await axonPort.Task;

        // serve_axon went through: the chain now lists the external address.
        var published = await WaitForAsync(async () => await client.GetAxonAsync(subnet.Netuid, subnet.ValidatorHotkey.Ss58Address, ct), a => a?.Port == 8091, ct);
        Assert.Equal("127.0.0.2", Neuron3D.Bittensor.Axon.AxonInfo.IntegerToIp(published!.Ip, published.IpType).ToString());

        // The miner reads the chain's metagraph; the validator is reached on loopback where it really listens.
        await using var metagraph = await ChainMetagraphSource.ConnectAsync(chain.Endpoint, subnet.Netuid, ct);
        var neurons = (await metagraph.ReadNeuronsAsync(ct)).ToArray();
        neurons[subnet.ValidatorUid] = neurons[subnet.ValidatorUid] with { AxonIp = "127.0.0.1", AxonPort = port };
        using (var journal = new Subnet17.Miner.MinerJournal(_wallets.File("miner.db")))
        using (var dendrite = new Dendrite(new Sr25519SynapseSigner(subnet.MinerHotkey)))
        {
            var miner = new MinerNeuron(dendrite, subnet.MinerHotkey, new FixedNeurons(neurons), journal,
                new MinerOptions { OwnerHotkey = null, MinValidatorStake = 0 });
            await miner.SyncAsync(ct);
            Assert.Equal(CycleOutcome.Submitted, await miner.RunCycleAsync(new ValidatorRunTests.LatticeBallGenerator(), ct));
        }

        var weights = await WaitForAsync(() => client.GetWeightsAsync(subnet.Netuid, subnet.ValidatorUid, cancellationToken: ct), w => w.Count > 0, ct);
        Assert.Equal([(subnet.MinerUid, (ushort)65535)], weights);

        await stop.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.ToString());
        var status = CliRun.Expect(0, "validator", "status", "--neuron.full_path", state, "--json").Json;
        Assert.Equal((int)subnet.MinerUid, status["lastWeightsSet"]!["uids"]![0]!.GetValue<int>());
        Assert.Contains("confirmed", status["lastWeightsSet"]!["message"]!.GetValue<string>());
    }

    private static CliResult Invoke(ValidatorHost host, params string[] args)
    {
        var root = new RootCommand();
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(ValidatorCommands.Create(host));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(500, ct);
        }
    }

    private sealed class FixedNeurons(IReadOnlyList<NeuronView> neurons) : IMetagraphSource
    {
        public Task<IReadOnlyList<NeuronView>> ReadNeuronsAsync(CancellationToken cancellationToken) => Task.FromResult(neurons);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _wallets.Dispose();
    }
}
