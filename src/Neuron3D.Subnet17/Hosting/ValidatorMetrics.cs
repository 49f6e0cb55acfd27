using System.Globalization;
using Neuron3D.Subnet17.Validator;

namespace Neuron3D.Subnet17.Hosting;

/// <summary>
/// What the validator's <c>/metrics</c> shows: the running totals of <see cref="ValidatorCounters"/> (since this
/// process started: pulls, submissions by outcome, the score histogram), the weights publisher's sets, failures and
/// last block, and per miner (labels <c>uid</c>, <c>hotkey</c>) the state every reward is computed from.
/// </summary>
public static class ValidatorMetrics
{
    /// <summary>Renders the Prometheus text for <paramref name="neuron"/> and, when weights are published, <paramref name="weights"/>.</summary>
    /// <param name="neuron">The validator.</param>
    /// <param name="weights">The weights loop; null when it is not running.</param>
    /// <param name="scorer">The scorer's name (e.g. "structural only …"), exported as a label so dashboards say what the scores mean.</param>
    public static string Render(ValidatorNeuron neuron, WeightsPublisher? weights, string scorer)
    {
        ArgumentNullException.ThrowIfNull(neuron);
        var counters = neuron.Counters;
        var text = new PrometheusText()
            .Gauge("neuron3d_validator_info", "Always 1; the labels say which scorer judges fidelity.", 1, ("scorer", scorer))
            .Counter("neuron3d_validator_pulls_total", "PullTask calls answered since start, by result.", counters.TasksHandedOut, ("result", "task"))
            .Counter("neuron3d_validator_pulls_total", "", counters.CooldownPulls, ("result", "cooldown"))
            .Counter("neuron3d_validator_pulls_total", "", counters.UnknownPulls, ("result", "unknown_hotkey"));
        foreach (var (outcome, count) in counters.Submissions.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Counter("neuron3d_validator_submissions_total", "SubmitResults handled since start, by outcome.", count, ("outcome", outcome));
        var (cumulative, sum, scored) = counters.Scores;
        text.Histogram("neuron3d_validator_scores", "Scores (0–1) of validated submissions since start.", ValidatorCounters.ScoreBuckets, cumulative, sum, scored);

        if (weights is not null)
        {
            text.Counter("neuron3d_validator_weights_sets_total", "Weights put on chain since start, by result.", weights.Sets, ("result", "set"))
                .Counter("neuron3d_validator_weights_sets_total", "", weights.Failures, ("result", "failed"));
            if (weights.LastSuccess is { } last)
            {
                text.Gauge("neuron3d_validator_last_weights_block", "Block of the last successful weights set (or commit).", last.Block ?? 0)
                    .Gauge("neuron3d_validator_last_weights_timestamp_seconds", "Unix time of the last successful weights set.", last.At.ToUnixTimeMilliseconds() / 1000.0);
            }
        }

        var rewards = neuron.Rewards();
        foreach (var miner in neuron.Miners)
        {
            (string, string)[] labels = [("uid", miner.Uid.ToString(CultureInfo.InvariantCulture)), ("hotkey", miner.Hotkey)];
            text.Gauge("neuron3d_validator_miner_window_results", "Accepted results within the 4 h observation window.", miner.Observations.Count, labels)
                .Gauge("neuron3d_validator_miner_fidelity_ema", "Fidelity moving average (0–1) reported to the miner.", miner.FidelityScore, labels)
                .Gauge("neuron3d_validator_miner_rating", "Glicko-2 duel rating.", miner.Rating.Rating, labels)
                .Gauge("neuron3d_validator_miner_reward", "Reward: window results × rating (ranks the weights).", miner.Uid < rewards.Length ? rewards[miner.Uid] : 0, labels)
                .Gauge("neuron3d_validator_miner_cooldown_until_seconds", "Unix time until which the miner's pulls are refused (0 = none).", miner.CooldownUntil, labels);
        }
        return text.ToString();
    }
}
