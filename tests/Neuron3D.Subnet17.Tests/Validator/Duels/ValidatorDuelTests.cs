using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Tests.Miner;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Duels;
using Neuron3D.Subnet17.Validator.Scoring;
using static Neuron3D.Subnet17.Tests.Validator.Duels.DuelTestKit;

namespace Neuron3D.Subnet17.Tests.Validator.Duels;

/// <summary>
/// Duels through the validator neuron: two real miners pull over a real axon, both get the same duel task, both
/// results are accepted, the (fake, Kestrel) judge is asked and the neuron's ratings move as spec §3.6 says.
/// </summary>
public sealed class ValidatorDuelTests : IAsyncDisposable
{
    private const long T0 = 1_750_000_000;
    private const long Start = T0 + 100;
    private static readonly Sr25519Keypair ValidatorKey = Sr25519Keypair.FromUri("//Bob");
    private static readonly Sr25519Keypair Miner1Key = Sr25519Keypair.FromUri("//Alice");
    private static readonly Sr25519Keypair Miner2Key = Sr25519Keypair.FromUri("//Charlie");

    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(T0));
    private readonly string _dir = Directory.CreateTempSubdirectory("n3d-validator-duels-").FullName;
    private readonly FakeJudgeServer _judge = new();
    private readonly List<IDisposable> _disposables = [];
    private AxonServer? _axon;

    [Fact]
    public async Task Two_miners_duel_over_the_axon_and_the_judges_verdict_moves_their_ratings()
    {
        await _judge.StartAsync();
        var tasks = new ScriptedTasks("warm-up one", "warm-up two", PromptPairing(Start, 1, 2));
        var statePath = Path.Combine(_dir, "validator.db");
        var store = new ValidatorStateStore(statePath);
        _disposables.Add(store);
        var duels = DuelCoordinator.Open(new DuelOptions { JudgeEndpoint = _judge.Endpoint, StartDelay = 100, PreviewViewSize = 24 },
            statePath, tasks, new HttpClient(), _clock)!;
        _disposables.Add(duels);
        NeuronView[] neurons = [new(0, ValidatorKey.Ss58Address, 5000, true, "127.0.0.1", 0), new(1, Miner1Key.Ss58Address, 0, false), new(2, Miner2Key.Ss58Address, 0, false)];
        var rules = new ValidatorRules { TaskCooldown = 0, ThrottlePeriod = 0 };
        var validator = new ValidatorNeuron(ValidatorKey, new FixedMetagraph(neurons), tasks, new StructuralScorer(), store,
            new ValidatorOptions { Rules = rules }, _clock, duels: duels);
        await validator.SyncAsync(CancellationToken.None);
        _axon = validator.CreateAxon(new AxonOptions { BindIp = "127.0.0.1", Port = 0 });
        await _axon.StartAsync();
        neurons[0] = neurons[0] with { AxonPort = _axon.Port };
        var miner1 = NewMiner(Miner1Key, neurons);
        var miner2 = NewMiner(Miner2Key, neurons);
        await miner1.SyncAsync(CancellationToken.None);
        await miner2.SyncAsync(CancellationToken.None);

        // Before the start delay: synthetic tasks (the pulls are recorded for the inactivity rule).
        Assert.Equal(CycleOutcome.Submitted, await miner1.RunCycleAsync(new TestGenerator(), CancellationToken.None));
        Assert.Equal(CycleOutcome.Submitted, await miner2.RunCycleAsync(new TestGenerator(), CancellationToken.None));

        // At the start the first pull creates the duel (nonce = now pairs uids 1 and 2); both get the same task.
        _clock.Now = DateTimeOffset.FromUnixTimeSeconds(Start);
        Assert.Equal(CycleOutcome.Submitted, await miner1.RunCycleAsync(new TestGenerator(), CancellationToken.None));
        Assert.Equal(CycleOutcome.Submitted, await miner2.RunCycleAsync(new TestGenerator(), CancellationToken.None));
        Assert.Equal(4, validator.Miners.Where(m => m.Uid is 1 or 2).Sum(m => m.Observations.Count));

        // The judge says the first model (left, uid 1) is the worst: uid 2 wins.
        var step = await duels.JudgeNextAsync(CancellationToken.None);
        Assert.Equal(JudgeStepKind.Judged, step.Kind);
        var request = Assert.Single(_judge.Requests);
        Assert.Equal(Start, (long)request.Body["seed"]!);
        var ratings = validator.Miners.ToDictionary(m => m.Uid, m => m.Rating);
        Assert.Equal(1331.04876840481, ratings[1].Rating, 6);
        Assert.Equal(1668.95123159519, ratings[2].Rating, 6);
        // Rewards are observations × rating (spec §3.7): the winner's weight is now the larger.
        var rewards = validator.Rewards();
        Assert.True(rewards[2] > rewards[1]);

        // The ratings survive a restart of the neuron (they live in the duel tables of the same file).
        var restarted = new ValidatorNeuron(ValidatorKey, new FixedMetagraph(neurons), tasks, new StructuralScorer(), store, time: _clock, duels: duels);
        Assert.Equal(1668.95123159519, restarted.Miners.Single(m => m.Uid == 2).Rating.Rating, 6);
    }

    private MinerNeuron NewMiner(Sr25519Keypair key, NeuronView[] neurons)
    {
        var journal = new MinerJournal(Path.Combine(_dir, key.Ss58Address + ".db"));
        _disposables.Add(journal);
        var dendrite = new Dendrite(new Sr25519SynapseSigner(key));
        _disposables.Add(dendrite);
        return new MinerNeuron(dendrite, key, new FixedMetagraph(neurons), journal, new MinerOptions { OwnerHotkey = null }, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_axon is not null) await _axon.DisposeAsync();
        await _judge.DisposeAsync();
        foreach (var d in _disposables) d.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
