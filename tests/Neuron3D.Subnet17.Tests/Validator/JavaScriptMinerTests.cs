using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Tests.Miner;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Subnet17.Validator.Tasks;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Validator;

/// <summary>
/// Wire proof with an independent client: a JavaScript dendrite written from the spec (tools/js/dendrite-peer.mjs)
/// and a JavaScript license signer (tools/js/sn17-license-peer.mjs) pull a task from our validator and submit a real
/// SN17 miner result (the robocop SPZ fixture), and get feedback.
/// </summary>
public sealed class JavaScriptMinerTests : IAsyncDisposable
{
    private static readonly Sr25519Keypair ValidatorKey = Sr25519Keypair.FromUri("//Bob");
    private readonly string _dir = Directory.CreateTempSubdirectory("n3d-jsminer-").FullName;
    private ValidatorStateStore? _store;
    private AxonServer? _axon;

    [Fact]
    public async Task A_javascript_miner_pulls_submits_a_real_sn17_asset_and_gets_feedback()
    {
        const string alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        _store = new ValidatorStateStore(Path.Combine(_dir, "v.db"));
        NeuronView[] neurons = [new(0, ValidatorKey.Ss58Address, 5000, true), new(1, alice, 0, false)];
        var validator = new ValidatorNeuron(ValidatorKey, new FixedMetagraph(neurons),
            new PromptTaskSource(["robocop with hammer in one hand"]), new StructuralScorer(), _store);
        await validator.SyncAsync(CancellationToken.None);
        _axon = validator.CreateAxon(new AxonOptions { BindIp = "127.0.0.1", Port = 0 });
        await _axon.StartAsync();
        var axon = new { ip = "127.0.0.1", port = _axon.Port, hotkey = ValidatorKey.Ss58Address };
        var url = $"http://127.0.0.1:{_axon.Port}";

        var pulled = NodePeer.Run("dendrite-peer.mjs", new
        {
            url, name = "PullTask", uri = "//Alice", axon,
            fields = new { task = (object?)null, validation_threshold = 0.6, throttle_period = 0, cooldown_until = 0, cooldown_violations = 0 },
        })["responses"]![0]!;
        Assert.Equal(200, pulled["status"]!.GetValue<int>());
        var task = pulled["body"]!["task"]!;
        Assert.Equal("text", task["type"]!.GetValue<string>());
        Assert.Equal("robocop with hammer in one hand", task["prompt"]!.GetValue<string>());

        const string submitTime = "1750000000000000000"; // exact in a JS number, so the peer's JSON carries it unchanged
        var license = NodePeer.Run("sn17-license-peer.mjs", new
        {
            uri = "//Alice", submitTime, prompt = task["prompt"]!.GetValue<string>(), validatorHotkey = ValidatorKey.Ss58Address,
        });
        var spz = await File.ReadAllBytesAsync(RepoPaths.SharedFile("fixtures", "sn17", "robocop_with_hammer_in_one_hand.spz"));
        var submitted = NodePeer.Run("dendrite-peer.mjs", new
        {
            url, name = "SubmitResults", uri = "//Alice", axon, timeout = 60.0,
            required = new[] { "results", "submit_time", "signature" },
            fields = new Dictionary<string, object?>
            {
                ["task"] = null, ["task_id"] = task["id"]!.GetValue<string>(), ["results"] = Convert.ToBase64String(spz),
                ["data_format"] = "ply", ["data_ver"] = 0, ["compression"] = 2, ["submit_time"] = long.Parse(submitTime),
                ["signature"] = license["signature"]!.GetValue<string>(), ["feedback"] = null, ["cooldown_until"] = 0,
            },
        }, TimeSpan.FromSeconds(120))["responses"]![0]!;

        Assert.Equal(200, submitted["status"]!.GetValue<int>());
        var feedback = submitted["body"]!["feedback"]!;
        Assert.Equal(1.0, feedback["task_fidelity_score"]!.GetValue<double>());
        Assert.Equal(1, feedback["generations_within_the_window"]!.GetValue<int>());
        Assert.Equal("", submitted["body"]!["results"]!.GetValue<string>());
        Assert.True(submitted["body"]!["cooldown_until"]!.GetValue<long>() > 0);
        Assert.Single(validator.Miners.Single(m => m.Uid == 1).Observations);
    }

    public async ValueTask DisposeAsync()
    {
        if (_axon is not null) await _axon.DisposeAsync();
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
