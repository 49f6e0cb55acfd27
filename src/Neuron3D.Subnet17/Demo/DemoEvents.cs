namespace Neuron3D.Subnet17.Demo;

/// <summary>The part a neuron plays in the demo subnet.</summary>
public enum DemoRole
{
    /// <summary>The subnet owner's hotkey (uid 0): takes the owner's cut of emission, mines nothing.</summary>
    Owner,
    /// <summary>The one staked validator: hands out tasks, scores them, sets weights.</summary>
    Validator,
    /// <summary>A miner with the built-in generator at full quality: its results pass every gate.</summary>
    FullQualityMiner,
    /// <summary>A miner whose splat budget is below the validator's gate and that submits without a self-check: its results fail.</summary>
    UnderBudgetMiner,
    /// <summary>A miner that declines every task (empty results): never penalised, never rewarded.</summary>
    SkippingMiner,
}

/// <summary>Something the demo did or saw; <see cref="Elapsed"/> is the time since the run started.</summary>
public abstract record DemoEvent(TimeSpan Elapsed);

/// <summary>A setup or life-cycle step finished (funding, registration, staking, …).</summary>
public sealed record DemoStepEvent(TimeSpan Elapsed, string Message) : DemoEvent(Elapsed);

/// <summary>The validator handled a submission.</summary>
/// <param name="Uid">The miner's uid.</param>
/// <param name="Role">The miner's role.</param>
/// <param name="Verdict">accepted, rejected, skipped, too soon, …</param>
/// <param name="Score">The scorer's score (0 when not scored).</param>
/// <param name="Notes">The scorer's reason, when it gave one.</param>
public sealed record DemoSubmissionEvent(TimeSpan Elapsed, int Uid, DemoRole Role, string Verdict, double Score, string? Notes) : DemoEvent(Elapsed);

/// <summary>The validator put weights on chain (u16 values as sent, for the listed uids).</summary>
public sealed record DemoWeightsEvent(TimeSpan Elapsed, int Epoch, uint Block, IReadOnlyList<ushort> Uids, IReadOnlyList<ushort> Values) : DemoEvent(Elapsed);

/// <summary>An epoch ran; <see cref="Neurons"/> is the metagraph read from chain right after it.</summary>
public sealed record DemoEpochEvent(TimeSpan Elapsed, int Epoch, uint Block, IReadOnlyList<DemoNeuron> Neurons) : DemoEvent(Elapsed);

/// <summary>One neuron as the chain reports it, plus the validator's tally of its submissions.</summary>
/// <param name="Uid">Neuron uid.</param>
/// <param name="Role">Its part in the demo.</param>
/// <param name="Hotkey">SS58 hotkey.</param>
/// <param name="StakeAlpha">Alpha staked to the hotkey (whole units).</param>
/// <param name="Incentive">Incentive, 0–1 (the chain's u16 ÷ 65535).</param>
/// <param name="Dividends">Dividends, 0–1.</param>
/// <param name="EmissionAlpha">Emission of the last epoch in alpha (whole units).</param>
/// <param name="EarnedAlpha">Stake gained since just before the first weights (alpha): what the epochs paid this hotkey.</param>
/// <param name="ValidatorPermit">The chain lets it set weights.</param>
/// <param name="Tally">The validator's count of its submissions (zeros for the owner and the validator).</param>
public sealed record DemoNeuron(int Uid, DemoRole Role, string Hotkey, double StakeAlpha, double Incentive, double Dividends,
    double EmissionAlpha, double EarnedAlpha, bool ValidatorPermit, DemoTally Tally);

/// <summary>How the validator judged one miner's submissions.</summary>
public sealed record DemoTally(int Accepted, int Rejected, int Skipped, int Other)
{
    /// <summary>No submissions.</summary>
    public static DemoTally None { get; } = new(0, 0, 0, 0);

    /// <summary>All submissions counted.</summary>
    public int Total => Accepted + Rejected + Skipped + Other;
}

/// <summary>The end of a run: the metagraph read back from chain, the previews, and the verdict.</summary>
/// <param name="Endpoint">The chain.</param>
/// <param name="Netuid">The demo subnet.</param>
/// <param name="Block">Block of the final metagraph read.</param>
/// <param name="Tempo">Subnet tempo.</param>
/// <param name="Epochs">Epochs that ran after the first weights (more than configured with KeepRunning).</param>
/// <param name="Neurons">Every neuron, by uid.</param>
/// <param name="Previews">PNG files written, full paths.</param>
/// <param name="Folder">The demo folder.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="BetterMinerEarnsMore">
/// From chain state: the full-quality miner has strictly higher incentive and last-epoch emission than each weaker miner.
/// </param>
/// <param name="Verdict">The verdict in a sentence, with the numbers.</param>
public sealed record DemoSummary(Uri Endpoint, ushort Netuid, uint Block, ushort Tempo, int Epochs, IReadOnlyList<DemoNeuron> Neurons,
    IReadOnlyList<string> Previews, string Folder, TimeSpan Elapsed, bool BetterMinerEarnsMore, string Verdict);
