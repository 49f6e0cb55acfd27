using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Neuron3D.Subnet17.Validator;

/// <summary>Where our hotkey stands for setting weights, read from chain state.</summary>
/// <param name="Block">The chain's current (best) block number.</param>
/// <param name="LastUpdateBlock">The block of our last weights update on the subnet (<c>LastUpdate[netuid][uid]</c>).</param>
/// <param name="RateLimitBlocks">The subnet's <c>WeightsSetRateLimit</c>: blocks that must pass between two updates.</param>
/// <param name="PendingRevealFromBlock">With commit-reveal: the first block at which our unrevealed commit may be revealed; null when none is pending.</param>
public sealed record WeightsWindow(ulong Block, ulong LastUpdateBlock, ulong RateLimitBlocks, ulong? PendingRevealFromBlock = null);

/// <summary>What the chain confirmed after a weights call.</summary>
/// <param name="Block">The block the extrinsic was included in.</param>
/// <param name="Committed">True when the subnet runs commit-reveal and the weights were committed: they take effect once revealed.</param>
/// <param name="Uids">The uids put on chain (for a reveal: those of the commit).</param>
/// <param name="Values">The u16 values put on chain.</param>
/// <param name="Detail">A sentence for the log (what was read back from chain state to confirm it).</param>
public sealed record WeightsReceipt(ulong Block, bool Committed, ushort[] Uids, ushort[] Values, string Detail);

/// <summary>
/// The chain seam of <see cref="WeightsPublisher"/>: reads the rate-limit window and puts (uid, u16 value) weights on
/// chain for the validator's hotkey. Implementations throw on failure with a message that names the cause (the
/// module error, the timeout); the publisher logs it and retries.
/// </summary>
public interface IWeightsChain
{
    /// <summary>Reads the head block, our last update and the subnet's rate limit.</summary>
    Task<WeightsWindow> ReadWindowAsync(CancellationToken cancellationToken);

    /// <summary>Sets (or, with commit-reveal, commits) the weights and returns once the chain has included them.</summary>
    Task<WeightsReceipt> SetWeightsAsync(IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, CancellationToken cancellationToken);

    /// <summary>Reveals the pending commit (see <see cref="WeightsWindow.PendingRevealFromBlock"/>); its weights take effect.</summary>
    Task<WeightsReceipt> RevealPendingAsync(CancellationToken cancellationToken);
}

/// <summary>The weights a validator would set now, or why it sets none.</summary>
/// <param name="Uids">Miner uids, ascending.</param>
/// <param name="Values">The SDK's u16 values (max = 65535), one per uid.</param>
/// <param name="SkipReason">Non-null when nothing should be set (no miner qualifies, stake too low, not registered).</param>
public sealed record WeightsProposal(ushort[] Uids, ushort[] Values, string? SkipReason = null)
{
    /// <summary>A proposal that sets nothing, for <paramref name="reason"/>.</summary>
    public static WeightsProposal Skip(string reason) => new([], [], reason);
}

/// <summary>How one weights attempt ended.</summary>
public enum WeightsOutcome
{
    /// <summary>Set, committed or revealed, and included on chain.</summary>
    Set,
    /// <summary>Nothing to set (see the proposal's reason).</summary>
    Skipped,
    /// <summary>Too few blocks since our last update (the chain's rate limit or our interval).</summary>
    RateLimited,
    /// <summary>Too little time since our last successful set (the seconds interval).</summary>
    TooSoon,
    /// <summary>The chain call failed or timed out; retried after <see cref="WeightsPublisherOptions.RetryDelay"/>.</summary>
    Failed,
}

/// <summary>One weights attempt, for logs, metrics, the state DB and <c>validator status</c>.</summary>
/// <param name="At">When it ended.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Block">Inclusion block (set), or the head block read (rate limited); null otherwise.</param>
/// <param name="Uids">The uids proposed.</param>
/// <param name="Values">The u16 values proposed.</param>
/// <param name="Committed">Commit-reveal was used (the values are revealed later).</param>
/// <param name="Message">Why, in a sentence.</param>
public sealed record WeightsAttempt(DateTimeOffset At, WeightsOutcome Outcome, ulong? Block, ushort[] Uids, ushort[] Values, bool Committed, string Message);

/// <summary>When and how often <see cref="WeightsPublisher"/> sets weights. Defaults follow SN17 (spec sn17-404gen.md §3.1, §3.7).</summary>
public sealed record WeightsPublisherOptions
{
    /// <summary>How often an attempt is made (SN17: at every metagraph sync, 600 s).</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(600);
    /// <summary>Fewest blocks between two of our updates (SN17 <c>--neuron.weight_set_interval</c>, 100); the chain's <c>WeightsSetRateLimit</c> applies on top.</summary>
    public ulong MinBlocksBetweenSets { get; init; } = 100;
    /// <summary>Optional fewest seconds between two successful sets (for chains whose block time is not 12 s).</summary>
    public TimeSpan? MinTimeBetweenSets { get; init; }
    /// <summary>Wait before the next attempt after a failure.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Longest a chain read or weights call may take (inclusion included).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(120);
}

/// <summary>
/// Puts a validator's weights on chain at an interval (spec sn17-404gen.md §3.7, bittensor.md §4.4–§4.5): asks the
/// proposal (<see cref="ValidatorNeuron.ProposeWeights"/>), respects the subnet's <c>WeightsSetRateLimit</c> and
/// our own interval, calls <see cref="IWeightsChain"/>, logs every outcome and keeps the last success. A failure
/// never stops the loop: it is logged and retried after <see cref="WeightsPublisherOptions.RetryDelay"/>.
/// </summary>
public sealed class WeightsPublisher
{
    private readonly IWeightsChain _chain;
    private readonly Func<WeightsProposal> _propose;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private WeightsAttempt? _lastSuccess;
    private WeightsAttempt? _lastAttempt;
    private long _sets;
    private long _failures;

    /// <param name="chain">The chain seam.</param>
    /// <param name="propose">The weights to set now (called once per attempt).</param>
    /// <param name="options">Intervals and timeouts.</param>
    /// <param name="lastSuccess">The last success remembered from a previous run (the state DB), if any.</param>
    /// <param name="time">Clock.</param>
    /// <param name="log">Log.</param>
    public WeightsPublisher(IWeightsChain chain, Func<WeightsProposal> propose, WeightsPublisherOptions? options = null,
        WeightsAttempt? lastSuccess = null, TimeProvider? time = null, ILogger? log = null)
    {
        _chain = chain ?? throw new ArgumentNullException(nameof(chain));
        _propose = propose ?? throw new ArgumentNullException(nameof(propose));
        Options = options ?? new WeightsPublisherOptions();
        _lastSuccess = lastSuccess;
        _time = time ?? TimeProvider.System;
        _log = log ?? NullLogger.Instance;
    }

    /// <summary>The intervals in use.</summary>
    public WeightsPublisherOptions Options { get; }

    /// <summary>Raised after every attempt (the CLI persists it).</summary>
    public event Action<WeightsAttempt>? Attempted;

    /// <summary>The last attempt that put weights on chain (from this run or restored), or null.</summary>
    public WeightsAttempt? LastSuccess
    {
        get { lock (_gate) return _lastSuccess; }
    }

    /// <summary>The last attempt of this run, whatever its outcome.</summary>
    public WeightsAttempt? LastAttempt
    {
        get { lock (_gate) return _lastAttempt; }
    }

    /// <summary>Successful sets since start.</summary>
    public long Sets => Interlocked.Read(ref _sets);

    /// <summary>Failed attempts since start.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Attempts at once, then every <see cref="WeightsPublisherOptions.CheckInterval"/> (after a failure: every <see cref="WeightsPublisherOptions.RetryDelay"/>) until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var attempt = await TryPublishAsync(cancellationToken).ConfigureAwait(false);
            var wait = attempt.Outcome == WeightsOutcome.Failed ? Options.RetryDelay : Options.CheckInterval;
            try
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One attempt: propose, check the intervals, set. Never throws except on cancellation of <paramref name="cancellationToken"/>.</summary>
    public async Task<WeightsAttempt> TryPublishAsync(CancellationToken cancellationToken)
    {
        var proposal = _propose();
        if (proposal.SkipReason is { } reason)
            return Record(WeightsOutcome.Skipped, null, proposal, false, reason);

        var last = LastSuccess;
        if (Options.MinTimeBetweenSets is { } minTime && last is not null && _time.GetUtcNow() - last.At < minTime)
            return Record(WeightsOutcome.TooSoon, null, proposal, false,
                string.Create(CultureInfo.InvariantCulture, $"last set at {last.At:u}; next after {last.At + minTime:u}"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.CallTimeout);
        try
        {
            var window = await _chain.ReadWindowAsync(timeout.Token).ConfigureAwait(false);
            if (window.PendingRevealFromBlock is { } revealFrom)
            {
                // The reveal lands in the next block; a new commit waits until the pending one is revealed.
                if (window.Block + 1 < revealFrom)
                    return Record(WeightsOutcome.RateLimited, window.Block, proposal, false, string.Create(CultureInfo.InvariantCulture,
                        $"our commit is revealed from block {revealFrom} (now {window.Block})"));
                return Recorded(await _chain.RevealPendingAsync(timeout.Token).ConfigureAwait(false));
            }
            var gap = Math.Max(window.RateLimitBlocks, Options.MinBlocksBetweenSets);
            var since = window.Block >= window.LastUpdateBlock ? window.Block - window.LastUpdateBlock : 0;
            if (since < gap)
                return Record(WeightsOutcome.RateLimited, window.Block, proposal, false, string.Create(CultureInfo.InvariantCulture,
                    $"{since} blocks since our last update at block {window.LastUpdateBlock}; next allowed at block {window.LastUpdateBlock + gap} " +
                    $"(rate limit {window.RateLimitBlocks}, interval {Options.MinBlocksBetweenSets})"));

            return Recorded(await _chain.SetWeightsAsync(proposal.Uids, proposal.Values, timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return Record(WeightsOutcome.Failed, null, proposal, false,
                string.Create(CultureInfo.InvariantCulture, $"the chain did not answer within {Options.CallTimeout.TotalSeconds:0} s"));
        }
        catch (Exception e)
        {
            return Record(WeightsOutcome.Failed, null, proposal, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private WeightsAttempt Recorded(WeightsReceipt receipt) =>
        Record(WeightsOutcome.Set, receipt.Block, new WeightsProposal(receipt.Uids, receipt.Values), receipt.Committed, receipt.Detail);

    private WeightsAttempt Record(WeightsOutcome outcome, ulong? block, WeightsProposal proposal, bool committed, string message)
    {
        var attempt = new WeightsAttempt(_time.GetUtcNow(), outcome, block, proposal.Uids, proposal.Values, committed, message);
        lock (_gate)
        {
            _lastAttempt = attempt;
            if (outcome == WeightsOutcome.Set) _lastSuccess = attempt;
        }
        switch (outcome)
        {
            case WeightsOutcome.Set:
                Interlocked.Increment(ref _sets);
                _log.LogInformation("weights {Action} for {Count} miner(s) in block {Block}: uids [{Uids}] values [{Values}]; {Detail}",
                    committed ? "committed (commit-reveal; revealed in a later epoch)" : "on chain", proposal.Uids.Length, block, string.Join(",", proposal.Uids),
                    string.Join(",", proposal.Values), message);
                break;
            case WeightsOutcome.Failed:
                Interlocked.Increment(ref _failures);
                _log.LogWarning("setting weights failed, retrying in {Retry:0} s: {Message}", Options.RetryDelay.TotalSeconds, message);
                break;
            default:
                _log.LogInformation("weights not set ({Outcome}): {Message}", outcome, message);
                break;
        }
        Attempted?.Invoke(attempt);
        return attempt;
    }
}
