using System.Buffers.Binary;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Subnet17.Hosting;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Tests.Miner;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Subnet17.Validator.Tasks;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Validator;

/// <summary>
/// Our validator on a real axon (Kestrel, 127.0.0.1) against our miner and against hand-made dendrite calls: the
/// spec's answers for good, weak, hostile and unknown callers, state kept across a restart.
/// </summary>
public sealed class ValidatorNeuronTests : IAsyncDisposable
{
    private static readonly Sr25519Keypair ValidatorKey = Sr25519Keypair.FromUri("//Bob");
    private static readonly Sr25519Keypair MinerKey = Sr25519Keypair.FromUri("//Alice");
    private static readonly Sr25519Keypair OtherMinerKey = Sr25519Keypair.FromUri("//Charlie");
    private static readonly Sr25519Keypair StrangerKey = Sr25519Keypair.FromUri("//Dave");

    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
    private readonly string _dir = Directory.CreateTempSubdirectory("n3d-validator-").FullName;
    private readonly List<IDisposable> _disposables = [];
    private readonly List<SubmissionRecord> _submissions = [];
    private AxonServer? _axon;
    private NeuronView[] _neurons = [];

    private async Task<ValidatorNeuron> StartAsync()
    {
        var store = new ValidatorStateStore(Path.Combine(_dir, "validator.db"));
        _disposables.Add(store);
        var placeholder = new NeuronView(0, ValidatorKey.Ss58Address, 5000, true, "127.0.0.1", 0);
        _neurons = [placeholder, new(1, MinerKey.Ss58Address, 0, false), new(2, OtherMinerKey.Ss58Address, 0, false)];
        var validator = new ValidatorNeuron(ValidatorKey, new FixedMetagraph(_neurons), new PromptTaskSource(["a red chair", "a stone bridge"], seed: 1),
            new StructuralScorer(), store, new ValidatorOptions(), _clock);
        validator.Submission += record => { lock (_submissions) _submissions.Add(record); };
        await validator.SyncAsync(CancellationToken.None);
        _axon = validator.CreateAxon(new AxonOptions { BindIp = "127.0.0.1", Port = 0 });
        await _axon.StartAsync();
        _neurons[0] = placeholder with { AxonPort = _axon.Port };
        return validator;
    }

    private AxonTarget Target => new("127.0.0.1", _axon!.Port, ValidatorKey.Ss58Address);

    private MinerNeuron NewMiner(Sr25519Keypair key, MinerOptions? options = null)
    {
        var journal = new MinerJournal(Path.Combine(_dir, key.Ss58Address + ".db"));
        _disposables.Add(journal);
        var dendrite = new Dendrite(new Sr25519SynapseSigner(key));
        _disposables.Add(dendrite);
        return new MinerNeuron(dendrite, key, new FixedMetagraph(_neurons), journal, options ?? new MinerOptions { OwnerHotkey = null }, _clock);
    }

    private Dendrite DendriteFor(Sr25519Keypair key)
    {
        var dendrite = new Dendrite(new Sr25519SynapseSigner(key));
        _disposables.Add(dendrite);
        return dendrite;
    }

    [Fact]
    public async Task Good_miner_is_accepted_rewarded_and_weighted()
    {
        var validator = await StartAsync();
        var miner = NewMiner(MinerKey);
        await miner.SyncAsync(CancellationToken.None);

        Assert.Equal(CycleOutcome.Submitted, await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None));

        var record = Assert.Single(_submissions);
        Assert.True(record.Outcome == SubmitOutcome.Accepted, record.Notes);
        Assert.Equal((1, SubmitOutcome.Accepted, 1.0), (record.Uid, record.Outcome, record.Score));
        var state = validator.Miners.Single(m => m.Uid == 1);
        Assert.Single(state.Observations);
        Assert.Null(state.AssignedTask);
        Assert.Equal(1500.0, validator.Rewards()[1]);
        var (uids, values) = validator.WeightsToSet();
        Assert.Equal(new ushort[] { 1 }, uids);
        Assert.Equal(new ushort[] { 65535 }, values);
    }

    [Fact]
    public async Task Weak_assets_are_rejected_with_the_penalty_and_skips_cost_nothing()
    {
        var validator = await StartAsync();
        var careless = NewMiner(MinerKey, new MinerOptions { OwnerHotkey = null, SelfCheck = null });
        await careless.SyncAsync(CancellationToken.None);
        Assert.Equal(CycleOutcome.Submitted, await careless.RunCycleAsync(new TestGenerator(splats: 500), CancellationToken.None));
        Assert.Equal(SubmitOutcome.Rejected, _submissions[^1].Outcome);
        Assert.Contains("MinimumSplatCount", _submissions[^1].Notes);
        Assert.True(careless.CooldownOf(0) >= _clock.UnixSeconds + 300 + 600 - 30);

        var careful = NewMiner(OtherMinerKey);
        await careful.SyncAsync(CancellationToken.None);
        Assert.Equal(CycleOutcome.Skipped, await careful.RunCycleAsync(new TestGenerator(splats: 500), CancellationToken.None));
        Assert.Equal(SubmitStage.Skipped, _submissions[^1].Stage);
        Assert.Equal(_clock.UnixSeconds + 300, careful.CooldownOf(0)); // finished at once: assignment + 300
        Assert.All(validator.Miners, m => Assert.Empty(m.Observations));
        Assert.Empty(validator.WeightsToSet().Uids);
    }

    public static TheoryData<string, string> HostileResults => new()
    {
        { "garbage base64", "%%% not base64 %%%" },
        { "truncated SPZ", Convert.ToBase64String(SpzCodec.Encode(new TestGenerator().GenerateAsync(null!, default).Result)[..200]) },
        { "point-count claim far above the data", Convert.ToBase64String(ClaimedPoints(5_000_000)) },
        { "decompression bomb", Convert.ToBase64String(Bomb()) },
        { "10M-splat claim", Convert.ToBase64String(ClaimedPoints(10_000_000)) },
        { "claim above the format's 10M ceiling", Convert.ToBase64String(ClaimedPoints(10_000_001)) },
        { "NaN coordinates", Convert.ToBase64String(NanPositions()) },
    };

    [Theory, MemberData(nameof(HostileResults))]
    public async Task Hostile_results_score_zero_and_the_validator_stays_healthy(string what, string results)
    {
        var validator = await StartAsync();
        var dendrite = DendriteFor(MinerKey);
        var task = (await dendrite.CallAsync(Target, new PullTask())).Task!;
        var submitTime = _clock.Now.ToUnixTimeMilliseconds() * 1_000_000;
        var answer = await dendrite.CallAsync(Target, new SubmitResults
        {
            TaskId = task.Id, Results = results, SubmitTime = submitTime,
            Signature = LicenseConsent.Sign(MinerKey, submitTime, task.Prompt, ValidatorKey.Ss58Address),
        }, TimeSpan.FromSeconds(60));

        Assert.True(answer.Dendrite.StatusCode == 200, what);
        Assert.Equal(0, answer.Feedback!.TaskFidelityScore);
        Assert.Equal(SubmitOutcome.Rejected, _submissions[^1].Outcome);
        if (what == "NaN coordinates") Assert.Contains("FiniteValues", _submissions[^1].Notes);

        // Still serving: the other miner gets a task.
        Assert.NotNull((await DendriteFor(OtherMinerKey).CallAsync(Target, new PullTask())).Task);
        Assert.Null(validator.Miners.Single(m => m.Uid == 1).AssignedTask);
    }

    [Fact]
    public async Task Wrong_signature_is_penalised_and_wrong_task_id_only_gets_feedback()
    {
        var validator = await StartAsync();
        var dendrite = DendriteFor(MinerKey);
        var task = (await dendrite.CallAsync(Target, new PullTask())).Task!;
        var submitTime = _clock.Now.ToUnixTimeMilliseconds() * 1_000_000;

        var wrongTask = await dendrite.CallAsync(Target, new SubmitResults
        {
            TaskId = "not-the-task", Results = "", SubmitTime = submitTime,
            Signature = LicenseConsent.Sign(MinerKey, submitTime, task.Prompt, ValidatorKey.Ss58Address),
        });
        Assert.NotNull(wrongTask.Feedback);
        Assert.Equal(SubmitStage.WrongTask, _submissions[^1].Stage);
        Assert.Equal(task, validator.Miners.Single(m => m.Uid == 1).AssignedTask);

        var forged = await dendrite.CallAsync(Target, new SubmitResults
        {
            TaskId = task.Id, Results = "AAAA", SubmitTime = submitTime,
            Signature = LicenseConsent.Sign(OtherMinerKey, submitTime, task.Prompt, ValidatorKey.Ss58Address), // someone else's key
        });
        Assert.Equal(SubmitStage.BadSignature, _submissions[^1].Stage);
        Assert.Equal((long)(_clock.UnixSeconds + 900 - 0), forged.CooldownUntil);
    }

    [Fact]
    public async Task Flooding_pulls_during_cooldown_counts_violations_and_extends_the_wait()
    {
        var validator = await StartAsync();
        var dendrite = DendriteFor(MinerKey);
        var task = (await dendrite.CallAsync(Target, new PullTask())).Task!;
        var submitTime = _clock.Now.ToUnixTimeMilliseconds() * 1_000_000;
        var skipped = await dendrite.CallAsync(Target, new SubmitResults
        {
            TaskId = task.Id, Results = "", SubmitTime = submitTime,
            Signature = LicenseConsent.Sign(MinerKey, submitTime, task.Prompt, ValidatorKey.Ss58Address),
        });
        var cooldown = skipped.CooldownUntil;

        PullTask last = null!;
        for (var i = 0; i < 101; i++) last = await dendrite.CallAsync(Target, new PullTask());
        Assert.Null(last.Task);
        Assert.Equal(101, last.CooldownViolations);
        Assert.Equal(cooldown + 10, last.CooldownUntil);
        Assert.Equal(101, validator.Miners.Single(m => m.Uid == 1).CooldownViolations);
    }

    [Fact]
    public async Task Strangers_get_an_hour_and_no_submit_and_getversion_needs_stake()
    {
        await StartAsync();
        var stranger = DendriteFor(StrangerKey);
        var pull = await stranger.CallAsync(Target, new PullTask());
        Assert.Null(pull.Task);
        Assert.Equal((long)_clock.UnixSeconds + 3600, pull.CooldownUntil);

        var submit = await stranger.CallAsync(Target, new SubmitResults { Results = "", SubmitTime = 1, Signature = "" });
        Assert.Equal(403, submit.Dendrite.StatusCode);

        Assert.Equal(403, (await DendriteFor(MinerKey).CallAsync(Target, new GetVersion())).Dendrite.StatusCode);
        var version = await DendriteFor(ValidatorKey).CallAsync(Target, new GetVersion());
        Assert.Equal(200, version.Dendrite.StatusCode);
        Assert.Equal(45, version.Version);
    }

    [Fact]
    public async Task Metrics_count_pulls_submissions_by_outcome_and_scores_and_show_each_miner()
    {
        var validator = await StartAsync();
        var miner = NewMiner(MinerKey);
        await miner.SyncAsync(CancellationToken.None);
        await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None);
        var careless = NewMiner(OtherMinerKey, new MinerOptions { OwnerHotkey = null, SelfCheck = null });
        await careless.SyncAsync(CancellationToken.None);
        await careless.RunCycleAsync(new TestGenerator(splats: 500), CancellationToken.None);
        await DendriteFor(OtherMinerKey).CallAsync(Target, new PullTask()); // during its penalty cooldown
        await DendriteFor(StrangerKey).CallAsync(Target, new PullTask());

        await using var server = new MetricsServer(() => ValidatorMetrics.Render(validator, null, new StructuralScorer().Name), 0);
        await server.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var samples = PrometheusScrape.Parse(await http.GetStringAsync($"http://127.0.0.1:{server.Port}/metrics"));

        Assert.StartsWith("structural only", Assert.Single(samples, s => s.Name == "neuron3d_validator_info").Labels["scorer"]);
        Assert.Equal(2, samples.Value("neuron3d_validator_pulls_total", ("result", "task")));
        Assert.Equal(1, samples.Value("neuron3d_validator_pulls_total", ("result", "cooldown")));
        Assert.Equal(1, samples.Value("neuron3d_validator_pulls_total", ("result", "unknown_hotkey")));
        Assert.Equal(1, samples.Value("neuron3d_validator_submissions_total", ("outcome", "accepted")));
        Assert.Equal(1, samples.Value("neuron3d_validator_submissions_total", ("outcome", "rejected")));
        Assert.Equal(2, samples.Value("neuron3d_validator_scores_count"));
        Assert.Equal(1, samples.Value("neuron3d_validator_scores_sum"));
        Assert.Equal(1, samples.Value("neuron3d_validator_scores_bucket", ("le", "0.1"))); // the rejected 0
        Assert.Equal(1, samples.Value("neuron3d_validator_scores_bucket", ("le", "0.9")));
        Assert.Equal(2, samples.Value("neuron3d_validator_scores_bucket", ("le", "1")));
        Assert.Equal(1, samples.Value("neuron3d_validator_miner_window_results", ("uid", "1"), ("hotkey", MinerKey.Ss58Address)));
        Assert.Equal(1500, samples.Value("neuron3d_validator_miner_reward", ("uid", "1")));
        Assert.Equal(0, samples.Value("neuron3d_validator_miner_reward", ("uid", "2")));
        Assert.DoesNotContain(samples, s => s.Name.StartsWith("neuron3d_validator_weights", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restarted_validator_remembers_accepted_results()
    {
        await StartAsync();
        var miner = NewMiner(MinerKey);
        await miner.SyncAsync(CancellationToken.None);
        await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None);
        await _axon!.DisposeAsync();
        _axon = null;
        foreach (var d in _disposables.OfType<ValidatorStateStore>().ToList()) { d.Dispose(); _disposables.Remove(d); }

        using var store = new ValidatorStateStore(Path.Combine(_dir, "validator.db"));
        var restarted = new ValidatorNeuron(ValidatorKey, new FixedMetagraph(_neurons), new PromptTaskSource(["x"]), new StructuralScorer(), store, time: _clock);
        Assert.Single(restarted.Miners.Single(m => m.Uid == 1).Observations);
        Assert.Equal(1500.0, restarted.Rewards()[1]);
    }

    [Fact]
    public void Bundled_prompts_load()
    {
        var source = PromptTaskSource.Bundled(seed: 3);
        Assert.Equal(160, source.Prompts.Count);
        Assert.Contains(source.Next().Prompt, source.Prompts);
    }

    private static byte[] ClaimedPoints(int points)
    {
        var payload = SpzCodec.EncodePayload(new TestGenerator(splats: 10).GenerateAsync(null!, default).Result);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(8), (uint)points);
        using var compressor = new ZstdSharp.Compressor(1);
        compressor.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_contentSizeFlag, 1);
        return compressor.Wrap(payload).ToArray();
    }

    /// <summary>A version 1 payload (half-float positions, the only SPZ layout that can carry NaN) whose first x is NaN.</summary>
    private static byte[] NanPositions()
    {
        var cloud = new TestGenerator().GenerateAsync(null!, default).Result;
        var n = cloud.Count;
        var v2 = SpzCodec.EncodePayload(cloud);
        var v1 = new byte[v2.Length - 3 * n];
        v2.AsSpan(0, 16).CopyTo(v1);
        BinaryPrimitives.WriteUInt32LittleEndian(v1.AsSpan(4), 1);
        for (var i = 0; i < 3 * n; i++) BinaryPrimitives.WriteHalfLittleEndian(v1.AsSpan(16 + 2 * i), (Half)cloud.Positions[i]);
        BinaryPrimitives.WriteHalfLittleEndian(v1.AsSpan(16), Half.NaN);
        v2.AsSpan(16 + 9 * n).CopyTo(v1.AsSpan(16 + 6 * n));
        using var compressor = new ZstdSharp.Compressor(1);
        compressor.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_contentSizeFlag, 1);
        return compressor.Wrap(v1).ToArray();
    }

    private static byte[] Bomb()
    {
        // 96 MiB of zeros squeezed into a few KB, behind a header that claims 1.9M points of SH degree 3.
        var payload = new byte[96 << 20];
        var header = SpzCodec.EncodePayload(new TestGenerator(splats: 1).GenerateAsync(null!, default).Result).AsSpan(0, 16);
        header.CopyTo(payload);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(8), 1_900_000);
        payload[12] = 3;
        using var compressor = new ZstdSharp.Compressor(1);
        return compressor.Wrap(payload).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_axon is not null) await _axon.DisposeAsync();
        foreach (var d in _disposables) d.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
