using System.Diagnostics;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Testing;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Network;

namespace Neuron3D.Subnet17.Tests.Network;

/// <summary>
/// The metagraph read from the real subtensor runtime (../shared/localchain, one chain start for the collection):
/// the JavaScript life-cycle peer registers a subnet with a validator and two miners through @polkadot/api and
/// prints the metagraph it reads; our <see cref="ChainMetagraphSource"/> must read the same neurons.
/// </summary>
[Collection(LocalChainCollection.Name)]
public sealed class ChainMetagraphSourceTests(LocalChainFixture chain)
{
    private static readonly TimeSpan LifecycleTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Lite_metagraph_matches_what_polkadot_api_reads()
    {
        var summary = await RunLifecycleAsync();
        var netuid = (ushort)summary["netuid"]!.GetValue<int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        await using var source = await ChainMetagraphSource.ConnectAsync(chain.Endpoint, netuid, timeout.Token);
        var neurons = await source.ReadNeuronsAsync(timeout.Token);

        var expected = summary["neurons"]!.AsArray().OrderBy(n => n!["uid"]!.GetValue<int>()).ToList();
        Assert.Equal(expected.Count, neurons.Count);
        Assert.True(neurons.Count >= 4, $"the life cycle registers owner, validator and two miners; got {neurons.Count}");
        for (var i = 0; i < neurons.Count; i++)
        {
            var (want, got) = (expected[i]!, neurons[i]);
            Assert.Equal(want["uid"]!.GetValue<int>(), got.Uid);
            Assert.Equal(want["hotkey"]!.GetValue<string>(), got.Hotkey);
            Assert.Equal(want["validatorPermit"]!.GetValue<bool>(), got.ValidatorPermit);
            Assert.Equal(want["stakeAlpha"]!.GetValue<double>(), got.Stake, 6);
            var ip = want["axon"]!["ip"]!.GetValue<string>();
            Assert.Equal(ip != "0.0.0.0", got.IsServing);
            Assert.Equal(ip == "0.0.0.0" ? "" : ip, got.AxonIp);
            Assert.Equal(want["axon"]!["port"]!.GetValue<int>(), got.AxonPort);
        }
        var validator = neurons[summary["uids"]!["validator"]!.GetValue<int>()];
        Assert.True(validator is { IsServing: true, ValidatorPermit: true, AxonIp: "127.0.0.2", AxonPort: 8091 }, validator.ToString());

        // A hotkey that is not registered on the subnet stops the miner at start-up with a message naming it.
        var stranger = Sr25519Keypair.FromUri("//Stranger");
        var dir = Directory.CreateTempSubdirectory("n3d-chain-miner-").FullName;
        try
        {
            using (var journal = new MinerJournal(Path.Combine(dir, "journal.db")))
            {
                using var dendrite = new Dendrite(new Sr25519SynapseSigner(stranger));
                var miner = new MinerNeuron(dendrite, stranger, source, journal);
                var error = await Assert.ThrowsAsync<MinerStartupException>(() => miner.SyncAsync(timeout.Token));
                Assert.Contains(stranger.Ss58Address, error.Message);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<JsonNode> RunLifecycleAsync()
    {
        var psi = new ProcessStartInfo("node", ["lifecycle.mjs", chain.Endpoint.ToString().TrimEnd('/'), "--jump"])
        {
            WorkingDirectory = chain.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(LifecycleTimeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lifecycle.mjs did not finish within {LifecycleTimeout}: {Tail(await stderr)}");
        }
        Assert.True(process.ExitCode == 0, $"lifecycle.mjs exited {process.ExitCode}: {Tail(await stderr)}");
        return JsonNode.Parse(await stdout) ?? throw new InvalidOperationException("lifecycle.mjs printed no JSON");
    }

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;
}
