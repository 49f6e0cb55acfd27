namespace Neuron3D.Subnet17.Validator;

/// <summary>
/// SN17's reward → weight rule (spec sn17-404gen.md §3.7): miners whose reward (accepted results in the window ×
/// duel rating) exceeds 5 are ranked by reward and weighted on a bounded logistic curve of their rank, so the
/// best miner gets at most 8/3 of the weakest kept miner's weight, whatever the reward gap.
/// </summary>
public static class RankWeights
{
    /// <summary>Rewards at or below this are not weighted.</summary>
    public const double MinReward = 5.0;

    /// <summary>
    /// Weights (summing to 1) for the uids whose reward exceeds <see cref="MinReward"/>, in ascending uid order;
    /// empty when none qualifies. Equal rewards are ranked by uid (the Python code leaves tie order unspecified).
    /// </summary>
    public static (int[] Uids, double[] Weights) Compute(IReadOnlyList<double> rewardsByUid)
    {
        ArgumentNullException.ThrowIfNull(rewardsByUid);
        var kept = new List<int>();
        for (var uid = 0; uid < rewardsByUid.Count; uid++)
            if (rewardsByUid[uid] > MinReward) kept.Add(uid);
        if (kept.Count == 0) return ([], []);

        var n = kept.Count;
        var byReward = kept.OrderBy(uid => rewardsByUid[uid]).ThenBy(uid => uid).ToArray();
        var points = new double[rewardsByUid.Count];
        double sum = 0;
        for (var rank = 0; rank < n; rank++)
        {
            var p = 0.003 + 0.005 / (1 + Math.Exp(-0.06 * (rank - n / 2.0)));
            points[byReward[rank]] = p;
            sum += p;
        }

        var weights = new double[n];
        for (var i = 0; i < n; i++) weights[i] = points[kept[i]] / sum;
        return (kept.ToArray(), weights);
    }
}
