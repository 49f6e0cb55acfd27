using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Tests.Miner;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Subnet17.Validator.Tasks;

namespace Neuron3D.Subnet17.Tests.Validator;

/// <summary>
/// The weights loop against a scripted chain: the rate-limit arithmetic (chain limit vs our interval), skips,
/// failures logged and retried, timeouts, commit-reveal's pending reveal, the interval of the loop, and the last
/// success kept and restored.
/// </summary>
public sealed class WeightsPublisherTests
{
    private static readonly WeightsProposal Proposal = new([1, 3], [65535, 40000]);

    /// <summary>A chain whose window and answers the test scripts; it records every call.</summary>
    private sealed class ScriptedChain : IWeightsChain
    {
        public Func<WeightsWindow> Window { get; set; } = () => new WeightsWindow(1000, 0, 100);
        public Func<IReadOnlyList<ushort>, IReadOnlyList<ushort>, CancellationToken, Task<WeightsReceipt>> Set { get; set; } =
            (uids, values, _) => Task.FromResult(new WeightsReceipt(1001, false, [.. uids], [.. values], "confirmed"));
        public ConcurrentQueue<(ushort[] Uids, ushort[] Values)> Sets { get; } = new();
        public int Reveals;
        public int Reads;

        public Task<WeightsWindow> ReadWindowAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reads);
            return Task.FromResult(Window());
        }

        public Task<WeightsReceipt> SetWeightsAsync(IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, CancellationToken cancellationToken)
        {
            Sets.Enqueue(([.. uids], [.. values]));
            return Set(uids, values, cancellationToken);
        }

        public Task<WeightsReceipt> RevealPendingAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reveals);
            return Task.FromResult(new WeightsReceipt(1002, false, [2], [65535], "revealed the commit of block 990"));
        }
    }

    /// <summary>Collects log lines (level and rendered message).</summary>
    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue((logLevel, formatter(state, exception)));
    }

    // (head block, our last update, chain rate limit, our interval) → may we set?
    public static TheoryData<ulong, ulong, ulong, ulong, bool> RateLimitCases => new()
    {
        { 1000, 900, 100, 100, true },   // exactly the limit: the chain accepts current − last ≥ limit
        { 1000, 901, 100, 100, false },
        { 1000, 950, 10, 100, false },   // our interval is the stricter one
        { 1000, 950, 100, 10, false },   // the chain's limit is the stricter one
        { 1000, 990, 10, 10, true },
        { 1000, 0, 100, 100, true },     // never set
        { 1000, 1000, 0, 0, true },      // no limits at all
        { 5, 10, 0, 0, true },           // a last update ahead of the head read (reorg) counts as 0 blocks ago
        { 5, 10, 1, 0, false },
    };

    [Theory, MemberData(nameof(RateLimitCases))]
    public async Task Rate_limit_is_the_stricter_of_the_chain_limit_and_our_interval(ulong block, ulong last, ulong limit, ulong interval, bool sets)
    {
        var chain = new ScriptedChain { Window = () => new WeightsWindow(block, last, limit) };
        var publisher = new WeightsPublisher(chain, () => Proposal, new WeightsPublisherOptions { MinBlocksBetweenSets = interval });

        var attempt = await publisher.TryPublishAsync(CancellationToken.None);

        Assert.Equal(sets ? WeightsOutcome.Set : WeightsOutcome.RateLimited, attempt.Outcome);
        Assert.Equal(sets ? 1 : 0, chain.Sets.Count);
        if (!sets) Assert.Contains($"next allowed at block {last + Math.Max(limit, interval)}", attempt.Message);
    }

    [Fact]
    public async Task A_set_is_kept_as_the_last_success_with_the_proposal_and_the_chain_block()
    {
        var chain = new ScriptedChain();
        var attempts = new List<WeightsAttempt>();
        var publisher = new WeightsPublisher(chain, () => Proposal);
        publisher.Attempted += attempts.Add;

        var attempt = await publisher.TryPublishAsync(CancellationToken.None);

        Assert.Equal(WeightsOutcome.Set, attempt.Outcome);
        var sent = Assert.Single(chain.Sets);
        Assert.Equal(new ushort[] { 1, 3 }, sent.Uids);
        Assert.Equal(new ushort[] { 65535, 40000 }, sent.Values);
        Assert.Same(attempt, publisher.LastSuccess);
        Assert.Same(attempt, Assert.Single(attempts));
        Assert.Equal(1001UL, attempt.Block);
        Assert.Equal((1L, 0L), (publisher.Sets, publisher.Failures));
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_proposal_says_skip()
    {
        var chain = new ScriptedChain();
        var publisher = new WeightsPublisher(chain, () => WeightsProposal.Skip("no miner has a reward above 5"));

        var attempt = await publisher.TryPublishAsync(CancellationToken.None);

        Assert.Equal(WeightsOutcome.Skipped, attempt.Outcome);
        Assert.Equal("no miner has a reward above 5", attempt.Message);
        Assert.Equal(0, chain.Reads);
        Assert.Null(publisher.LastSuccess);
    }

    [Fact]
    public async Task A_failure_is_logged_and_keeps_the_previous_success_and_the_loop_retries_after_the_retry_delay()
    {
        var calls = 0;
        var chain = new ScriptedChain
        {
            Window = () => new WeightsWindow(1000, 0, 0),
            Set = (uids, values, _) => Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("SettingWeightsTooFast")
                : Task.FromResult(new WeightsReceipt(1005, false, [.. uids], [.. values], "confirmed")),
        };
        var log = new ListLogger();
        var restored = new WeightsAttempt(DateTimeOffset.UnixEpoch, WeightsOutcome.Set, 7, [1], [65535], false, "from the state DB");
        var publisher = new WeightsPublisher(chain, () => Proposal, new WeightsPublisherOptions
        {
            MinBlocksBetweenSets = 0, CheckInterval = TimeSpan.FromHours(1), RetryDelay = TimeSpan.FromMilliseconds(50),
        }, restored, log: log);
        var attempts = new ConcurrentQueue<WeightsAttempt>();
        publisher.Attempted += attempts.Enqueue;

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var loop = publisher.RunAsync(stop.Token);
        while (publisher.Sets == 0 && !stop.IsCancellationRequested) await Task.Delay(10);
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([WeightsOutcome.Failed, WeightsOutcome.Set], attempts.Select(a => a.Outcome));
        Assert.Contains("SettingWeightsTooFast", attempts.First().Message);
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("SettingWeightsTooFast", StringComparison.Ordinal));
        Assert.Equal((1L, 1L), (publisher.Sets, publisher.Failures));
        Assert.Equal(1005UL, publisher.LastSuccess!.Block);
    }

    [Fact]
    public async Task Restored_last_success_survives_a_failure()
    {
        var chain = new ScriptedChain { Set = (_, _, _) => throw new TimeoutException("inclusion") };
        var restored = new WeightsAttempt(DateTimeOffset.UnixEpoch, WeightsOutcome.Set, 7, [1], [65535], false, "from the state DB");
        var publisher = new WeightsPublisher(chain, () => Proposal, new WeightsPublisherOptions { MinBlocksBetweenSets = 0 }, restored);

        Assert.Equal(WeightsOutcome.Failed, (await publisher.TryPublishAsync(CancellationToken.None)).Outcome);
        Assert.Same(restored, publisher.LastSuccess);
        Assert.Equal(WeightsOutcome.Failed, publisher.LastAttempt!.Outcome);
    }

    [Fact]
    public async Task A_chain_that_never_answers_fails_after_the_call_timeout()
    {
        var chain = new ScriptedChain { Set = async (_, _, ct) => { await Task.Delay(Timeout.Infinite, ct); throw new InvalidOperationException("unreachable"); } };
        var publisher = new WeightsPublisher(chain, () => Proposal, new WeightsPublisherOptions
        {
            MinBlocksBetweenSets = 0, CallTimeout = TimeSpan.FromMilliseconds(200),
        });

        var attempt = await publisher.TryPublishAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WeightsOutcome.Failed, attempt.Outcome);
        Assert.Contains("did not answer within", attempt.Message);
    }

    [Fact]
    public async Task Stopping_cancels_a_running_attempt_instead_of_reporting_a_failure()
    {
        var chain = new ScriptedChain { Set = async (_, _, ct) => { await Task.Delay(Timeout.Infinite, ct); throw new InvalidOperationException("unreachable"); } };
        var publisher = new WeightsPublisher(chain, () => Proposal, new WeightsPublisherOptions { MinBlocksBetweenSets = 0 });
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publisher.TryPublishAsync(stop.Token));
        Assert.Equal(0, publisher.Failures);
    }

    [Fact]
    public async Task The_seconds_interval_waits_after_the_last_success()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
        var chain = new ScriptedChain();
        var publisher = new WeightsPublisher(chain, () => Proposal, new WeightsPublisherOptions
        {
            MinBlocksBetweenSets = 0, MinTimeBetweenSets = TimeSpan.FromMinutes(20),
        }, new WeightsAttempt(clock.Now.AddMinutes(-19), WeightsOutcome.Set, 5, [1], [65535], false, "earlier"), clock);

        Assert.Equal(WeightsOutcome.TooSoon, (await publisher.TryPublishAsync(CancellationToken.None)).Outcome);
        clock.Now = clock.Now.AddMinutes(1);
        Assert.Equal(WeightsOutcome.Set, (await publisher.TryPublishAsync(CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_pending_commit_is_revealed_when_its_window_opens_and_blocks_new_commits_until_then()
    {
        var block = 995UL;
        var chain = new ScriptedChain { Window = () => new WeightsWindow(block, 990, 0, PendingRevealFromBlock: 1000) };
        var publisher = new WeightsPublisher(chain, () => Proposal, new WeightsPublisherOptions { MinBlocksBetweenSets = 0 });

        var waiting = await publisher.TryPublishAsync(CancellationToken.None);
        Assert.Equal(WeightsOutcome.RateLimited, waiting.Outcome);
        Assert.Contains("revealed from block 1000", waiting.Message);

        block = 999; // the reveal lands in block 1000
        var revealed = await publisher.TryPublishAsync(CancellationToken.None);
        Assert.Equal(WeightsOutcome.Set, revealed.Outcome);
        Assert.Equal(new ushort[] { 2 }, revealed.Uids); // the commit's weights, not the current proposal
        Assert.Equal(1, chain.Reveals);
        Assert.Empty(chain.Sets);
    }

    [Fact]
    public async Task The_loop_attempts_once_per_check_interval()
    {
        var chain = new ScriptedChain { Window = () => new WeightsWindow(10, 10, 0) }; // always rate limited
        var publisher = new WeightsPublisher(chain, () => Proposal, new WeightsPublisherOptions
        {
            MinBlocksBetweenSets = 1, CheckInterval = TimeSpan.FromMilliseconds(200),
        });
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(1100));

        await publisher.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(10));

        // At 0, 200, …, 1000 ms: six attempts on an idle machine; timer slack on a loaded one may lose some, never add.
        Assert.InRange(chain.Reads, 2, 6);
        Assert.Empty(chain.Sets);
    }

    [Fact]
    public async Task The_validator_proposes_nothing_until_registered_staked_and_rewarding()
    {
        var validatorKey = Sr25519Keypair.FromUri("//Bob");
        var dir = Directory.CreateTempSubdirectory("n3d-propose-").FullName;
        try
        {
            using var store = new ValidatorStateStore(Path.Combine(dir, "validator.db"));
            var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
            NeuronView[] neurons = [new(0, Sr25519Keypair.FromUri("//Alice").Ss58Address, 0, false)];
            var metagraph = new SwitchableMetagraph { Neurons = neurons };
            var validator = new ValidatorNeuron(validatorKey, metagraph, new PromptTaskSource(["x"]), new StructuralScorer(), store, time: clock);
            await validator.SyncAsync(CancellationToken.None);
            Assert.Contains("not in the metagraph", validator.ProposeWeights(1000).SkipReason);

            metagraph.Neurons = [.. neurons, new NeuronView(1, validatorKey.Ss58Address, 999.5, true, "10.0.0.1", 8091, true)];
            await validator.SyncAsync(CancellationToken.None);
            Assert.Contains("stake 999.5 TAO is below", validator.ProposeWeights(1000).SkipReason);
            Assert.Contains("no miner has a reward above 5", validator.ProposeWeights(0).SkipReason);

            var miner = validator.Miners.Single(m => m.Uid == 0);
            miner.Observations.Add(clock.UnixSeconds - 10);
            var proposal = validator.ProposeWeights(999.5);
            Assert.Null(proposal.SkipReason);
            Assert.Equal(new ushort[] { 0 }, proposal.Uids);
            Assert.Equal(new ushort[] { 65535 }, proposal.Values);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed class SwitchableMetagraph : IMetagraphSource
    {
        public IReadOnlyList<NeuronView> Neurons { get; set; } = [];
        public Task<IReadOnlyList<NeuronView>> ReadNeuronsAsync(CancellationToken cancellationToken) => Task.FromResult(Neurons);
    }
}
