using System.Collections.Concurrent;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Splats;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Tests.Miner;

/// <summary>A clock the test moves by hand; the miner's cooldown arithmetic reads it, nothing sleeps on it.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public double UnixSeconds => Now.ToUnixTimeMilliseconds() / 1000.0;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Deterministic splats (a solid ball) that pass SN17's gates and mesh rules (or, with few points, fail the gates).</summary>
internal sealed class TestGenerator(int splats = 8000, bool supportsImages = false, Exception? failWith = null) : IMinerGenerator
{
    public int Calls;
    public string Name => "test-generator";
    public bool Supports(TaskKind kind) => kind == TaskKind.Text || supportsImages;

    public Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (failWith is not null) throw failWith;
        var cloud = new SplatCloud(splats, 0);
        var random = new Random(42);
        for (var i = 0; i < splats; i++)
        {
            // A solid ball of radius 0.3: one coherent object, as a real generator makes.
            float x, y, z;
            do
            {
                x = (float)(random.NextDouble() * 2 - 1);
                y = (float)(random.NextDouble() * 2 - 1);
                z = (float)(random.NextDouble() * 2 - 1);
            } while (x * x + y * y + z * z > 1);
            cloud.Positions[3 * i] = 0.3f * x;
            cloud.Positions[3 * i + 1] = 0.3f * y;
            cloud.Positions[3 * i + 2] = 0.3f * z;
            for (var a = 0; a < 3; a++)
            {
                cloud.LogScales[3 * i + a] = -4f;
                cloud.ShDc[3 * i + a] = (float)random.NextDouble();
            }
            cloud.Rotations[4 * i] = 0.9f;
            cloud.Rotations[4 * i + 1] = 0.1f * (float)random.NextDouble();
            cloud.OpacityLogits[i] = 2f;
        }
        return Task.FromResult(cloud);
    }
}

internal sealed class FixedMetagraph(IReadOnlyList<NeuronView> neurons) : IMetagraphSource
{
    public Task<IReadOnlyList<NeuronView>> ReadNeuronsAsync(CancellationToken cancellationToken) => Task.FromResult(neurons);
}

/// <summary>
/// The miner against a scripted validator: a real axon (Kestrel on 127.0.0.1) with the validator hotkey //Bob and
/// SN17 routes whose answers each test scripts; the miner uses the real dendrite and signs as //Alice.
/// </summary>
public sealed class MinerNeuronTests : IAsyncDisposable
{
    private static readonly Sr25519Keypair Validator = Sr25519Keypair.FromUri("//Bob");
    private static readonly Sr25519Keypair MinerKey = Sr25519Keypair.FromUri("//Alice");

    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
    private readonly string _dir = Directory.CreateTempSubdirectory("n3d-miner-").FullName;
    private readonly ConcurrentQueue<SubmitResults> _submissions = new();
    private readonly List<MinerJournal> _journals = [];
    private AxonServer? _axon;
    private int _pulls;

    private Func<PullTask, PullTask> _onPull = pull => pull with { Task = new Sn17Task("task-1", TaskKind.Text, "a red chair"), ThrottlePeriod = 30 };
    private Func<SubmitResults, SubmitResults> _onSubmit = submit => submit with
    {
        Results = "", Signature = "", Feedback = new Feedback(false, 0.9, 0.95, 1, 1500, 1500), CooldownUntil = 1_750_000_300,
    };

    private async Task<NeuronView> StartValidatorAsync()
    {
        _axon = new AxonServer(Validator.Ss58Address, new Sr25519SynapseVerifier(), AllowAllBlacklist.Instance,
            new AxonOptions { BindIp = "127.0.0.1", Port = 0 });
        _axon.Attach<PullTask>((pull, _, _) => { Interlocked.Increment(ref _pulls); return ValueTask.FromResult(_onPull(pull)); });
        _axon.Attach<SubmitResults>((submit, _, _) => { _submissions.Enqueue(submit); return ValueTask.FromResult(_onSubmit(submit)); },
            maxRequestBodySize: 64 << 20);
        await _axon.StartAsync();
        return new NeuronView(0, Validator.Ss58Address, 5000, true, "127.0.0.1", _axon.Port);
    }

    private MinerNeuron NewMiner(NeuronView validator, MinerOptions? options = null)
    {
        var journal = new MinerJournal(Path.Combine(_dir, "journal.db"));
        _journals.Add(journal);
        var neurons = new[] { validator, new NeuronView(1, MinerKey.Ss58Address, 0, false) };
        return new MinerNeuron(new Dendrite(new Sr25519SynapseSigner(MinerKey)), MinerKey, new FixedMetagraph(neurons), journal,
            options ?? new MinerOptions { OwnerHotkey = null }, _clock);
    }

    [Fact]
    public async Task Task_is_generated_checked_compressed_signed_and_submitted()
    {
        var validator = await StartValidatorAsync();
        var miner = NewMiner(validator);
        await miner.SyncAsync(CancellationToken.None);

        Assert.Equal(CycleOutcome.Submitted, await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None));

        var submit = Assert.Single(_submissions);
        Assert.Equal("task-1", submit.TaskId);
        Assert.True(LicenseConsent.Verify(submit.Signature, submit.SubmitTime, "a red chair", Validator.Ss58Address, MinerKey.Ss58Address));
        Assert.Equal(8000, SpzCodec.Decode(Convert.FromBase64String(submit.Results)).Count);
        Assert.Equal(_clock.Now.ToUnixTimeMilliseconds() * 1_000_000L, submit.SubmitTime);
        Assert.Equal(1_750_000_300, miner.CooldownOf(0));

        var history = Assert.Single(_journals[0].History());
        Assert.Equal((1, 1), (history.Submitted, history.Accepted));
        Assert.Equal(0.9, history.AverageScore);
    }

    [Fact]
    public async Task Validator_cooldown_is_honoured_without_pulling_again()
    {
        _onPull = pull => pull with { CooldownUntil = 1_750_000_100, CooldownViolations = 1 };
        var miner = NewMiner(await StartValidatorAsync());
        await miner.SyncAsync(CancellationToken.None);

        Assert.Equal(CycleOutcome.CoolingDown, await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None));
        Assert.Equal(1_750_000_100, miner.CooldownOf(0));
        _clock.Now = _clock.Now.AddSeconds(99);
        Assert.Equal(CycleOutcome.Idle, await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None));
        Assert.Equal(1, _pulls);
        _clock.Now = _clock.Now.AddSeconds(2);
        await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None);
        Assert.Equal(2, _pulls);
    }

    [Fact]
    public async Task Unreachable_validator_backs_off_300_seconds()
    {
        var validator = await StartValidatorAsync();
        await _axon!.StopAsync();
        var miner = NewMiner(validator);
        await miner.SyncAsync(CancellationToken.None);
        Assert.Equal(CycleOutcome.ValidatorFailed, await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None));
        Assert.Equal(_clock.UnixSeconds + 300, miner.CooldownOf(0));
    }

    [Fact]
    public async Task Unregistered_answer_waits_the_hour_the_validator_asks()
    {
        _onPull = pull => pull with { CooldownUntil = 1_750_003_600 };
        var miner = NewMiner(await StartValidatorAsync());
        await miner.SyncAsync(CancellationToken.None);
        Assert.Equal(CycleOutcome.CoolingDown, await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None));
        Assert.Equal(_clock.UnixSeconds + 3600, miner.CooldownOf(0));
    }

    [Fact]
    public async Task Failing_self_check_submits_an_empty_result()
    {
        var miner = NewMiner(await StartValidatorAsync());
        await miner.SyncAsync(CancellationToken.None);
        Assert.Equal(CycleOutcome.Skipped, await miner.RunCycleAsync(new TestGenerator(splats: 500), CancellationToken.None));
        var submit = Assert.Single(_submissions);
        Assert.Equal("", submit.Results);
        Assert.True(LicenseConsent.Verify(submit.Signature, submit.SubmitTime, "a red chair", Validator.Ss58Address, MinerKey.Ss58Address));
        var entry = Assert.Single(_journals[0].Recent());
        Assert.Equal(JournalStatus.Skipped, entry.Status);
        Assert.Contains("self-check failed", entry.Note);
    }

    [Fact]
    public async Task Unsupported_image_task_and_generator_crash_are_clean_skips()
    {
        _onPull = pull => pull with { Task = new Sn17Task("img-1", TaskKind.Image, "iVBORw0KGgo=") };
        var miner = NewMiner(await StartValidatorAsync());
        await miner.SyncAsync(CancellationToken.None);
        var generator = new TestGenerator();
        Assert.Equal(CycleOutcome.Skipped, await miner.RunCycleAsync(generator, CancellationToken.None));
        Assert.Equal(0, generator.Calls);

        _clock.Now = _clock.Now.AddSeconds(1000);
        _onPull = pull => pull with { Task = new Sn17Task("txt-2", TaskKind.Text, "a lamp") };
        Assert.Equal(CycleOutcome.Skipped, await miner.RunCycleAsync(new TestGenerator(failWith: new InvalidOperationException("GPU on fire")), CancellationToken.None));
        Assert.Contains("GPU on fire", _journals[0].Recent().First(e => e.TaskId == "txt-2").Note);
    }

    [Fact]
    public async Task Missing_feedback_backs_off_300_seconds()
    {
        _onSubmit = submit => submit with { Results = "", Signature = "" };
        var miner = NewMiner(await StartValidatorAsync());
        await miner.SyncAsync(CancellationToken.None);
        Assert.Equal(CycleOutcome.SubmitFailed, await miner.RunCycleAsync(new TestGenerator(), CancellationToken.None));
        Assert.Equal(_clock.UnixSeconds + 300, miner.CooldownOf(0));
        Assert.Equal(1, _journals[0].History()[0].Failed);
    }

    [Fact]
    public async Task A_restarted_miner_finishes_the_task_it_had_pulled()
    {
        var validator = await StartValidatorAsync();
        var first = NewMiner(validator);
        await first.SyncAsync(CancellationToken.None);
        using (var crash = new CancellationTokenSource())
        {
            var hanging = new HangingGenerator(crash);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.RunCycleAsync(hanging, crash.Token));
        }
        Assert.Equal("task-1", Assert.Single(_journals[0].Unfinished()).TaskId);
        _journals[0].Dispose();

        var second = NewMiner(validator);
        await second.SyncAsync(CancellationToken.None);
        Assert.Equal("task-1", Assert.Single(_journals[1].Unfinished()).TaskId);
        Assert.Equal(CycleOutcome.Submitted, await second.RunCycleAsync(new TestGenerator(), CancellationToken.None));
        Assert.Empty(_journals[1].Unfinished());
        Assert.Equal(JournalStatus.Scored, Assert.Single(_journals[1].Recent()).Status);
    }

    [Fact]
    public async Task Unregistered_miner_refuses_to_start()
    {
        var validator = await StartValidatorAsync();
        var journal = new MinerJournal(Path.Combine(_dir, "other.db"));
        _journals.Add(journal);
        var miner = new MinerNeuron(new Dendrite(new Sr25519SynapseSigner(MinerKey)), MinerKey, new FixedMetagraph([validator]), journal);
        var error = await Assert.ThrowsAsync<MinerStartupException>(() => miner.SyncAsync(CancellationToken.None));
        Assert.Contains(MinerKey.Ss58Address, error.Message);
    }

    [Fact]
    public async Task Run_survives_a_crashing_worker_and_stops_promptly_on_shutdown()
    {
        var miner = NewMiner(await StartValidatorAsync(), new MinerOptions { OwnerHotkey = null, IdleDelay = TimeSpan.FromMilliseconds(20) });
        using var stop = new CancellationTokenSource();
        var crashing = new TestGenerator(failWith: new InvalidOperationException("boom"));
        var healthy = new TestGenerator();
        var run = miner.RunAsync([crashing, healthy], stop.Token);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_submissions.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.NotEmpty(_submissions);
        await stop.CancelAsync();
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(run, finished);
        await run;
    }

    private sealed class HangingGenerator(CancellationTokenSource crash) : IMinerGenerator
    {
        public string Name => "hanging";
        public bool Supports(TaskKind kind) => true;

        public async Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken)
        {
            await crash.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_axon is not null) await _axon.DisposeAsync();
        foreach (var journal in _journals) journal.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
