using Neuron3D.Subnet17.Miner;

namespace Neuron3D.Subnet17.Hosting;

/// <summary>
/// What the miner's <c>/metrics</c> shows: the running totals of <see cref="MinerCounters"/> (since this process
/// started) and gauges derived from the journal (all history, per validator).
/// </summary>
public static class MinerMetrics
{
    /// <summary>Renders the Prometheus text for <paramref name="counters"/> and <paramref name="journal"/>.</summary>
    public static string Render(MinerCounters counters, MinerJournal journal)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(journal);
        var text = new PrometheusText()
            .Counter("neuron3d_miner_pulls_total", "PullTask calls made since start.", counters.Pulls)
            .Counter("neuron3d_miner_submitted_total", "Non-empty results submitted and acknowledged since start.", counters.Submitted)
            .Counter("neuron3d_miner_skipped_total", "Empty results (skips) submitted since start.", counters.Skipped)
            .Counter("neuron3d_miner_accepted_total", "Submissions scored above zero since start.", counters.Accepted)
            .Counter("neuron3d_miner_submit_failures_total", "Submissions that got no feedback since start.", counters.SubmitFailures)
            .Counter("neuron3d_miner_worker_errors_total", "Unexpected worker failures since start (the worker backs off and goes on).", counters.WorkerErrors)
            .Counter("neuron3d_miner_generation_seconds_total", "Seconds spent generating since start.", counters.GenerationSeconds)
            .Gauge("neuron3d_miner_unfinished_tasks", "Journaled tasks pulled but not yet submitted.", journal.Unfinished().Count);

        foreach (var h in journal.History())
        {
            (string, string)[] labels = [("uid", h.ValidatorUid.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("hotkey", h.ValidatorHotkey)];
            text.Gauge("neuron3d_miner_validator_tasks", "Tasks pulled from the validator (journal).", h.Tasks, labels)
                .Gauge("neuron3d_miner_validator_submitted", "Results submitted to the validator (journal).", h.Submitted, labels)
                .Gauge("neuron3d_miner_validator_accepted", "Results the validator scored above zero (journal).", h.Accepted, labels)
                .Gauge("neuron3d_miner_validator_skipped", "Empty results sent to the validator (journal).", h.Skipped, labels)
                .Gauge("neuron3d_miner_validator_failed", "Tasks that failed with the validator (journal).", h.Failed, labels)
                .Gauge("neuron3d_miner_validator_acceptance_ratio", "Accepted ÷ submitted (0–1).", h.AcceptanceRate, labels);
            if (h.AverageScore is { } score)
                text.Gauge("neuron3d_miner_validator_average_score", "Mean task fidelity score of scored results (0–1).", score, labels);
            if (h.AverageGenerationSeconds is { } seconds)
                text.Gauge("neuron3d_miner_validator_average_generation_seconds", "Mean generation time of the validator's tasks, seconds.", seconds, labels);
            if (h.LatestFeedback is { } f)
            {
                text.Gauge("neuron3d_miner_validator_fidelity_ema", "The validator's latest fidelity EMA for this miner.", f.AverageFidelityScore, labels)
                    .Gauge("neuron3d_miner_validator_window_generations", "Accepted results within the validator's 4 h window (latest feedback).", f.GenerationsWithinTheWindow, labels)
                    .Gauge("neuron3d_miner_validator_duel_rating", "Glicko-2 duel rating in the latest feedback.", f.CurrentDuelRating, labels)
                    .Gauge("neuron3d_miner_validator_reward", "Miner reward in the latest feedback (window count × rating).", f.CurrentMinerReward, labels);
            }
        }
        return text.ToString();
    }
}
