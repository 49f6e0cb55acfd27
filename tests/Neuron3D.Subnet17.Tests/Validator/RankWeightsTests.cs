using Neuron3D.Bittensor.Weights;
using Neuron3D.Subnet17.Validator;

namespace Neuron3D.Subnet17.Tests.Validator;

public class RankWeightsTests
{
    [Fact]
    public void Reproduces_the_spec_example()
    {
        // Spec sn17-404gen.md §3.7: rewards [0, 3000, 15000, 4500, 4, 7000].
        var (uids, weights) = RankWeights.Compute([0, 3000, 15000, 4500, 4, 7000]);
        Assert.Equal([1, 2, 3, 5], uids);
        double[] expected = [0.2448574705, 0.2551456132, 0.2482827398, 0.2517141765];
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], weights[i], 1e-9);

        var (emitUids, values) = WeightNormalization.ToEmit(uids.Select(u => (long)u).ToArray(), weights);
        Assert.Equal(new ushort[] { 1, 2, 3, 5 }, emitUids);
        Assert.Equal(new ushort[] { 62892, 65535, 63772, 64654 }, values);
    }

    [Fact]
    public void Nobody_above_the_threshold_means_no_weights()
    {
        var (uids, weights) = RankWeights.Compute([0, 5, 4.9]);
        Assert.Empty(uids);
        Assert.Empty(weights);
    }

    [Fact]
    public void Curve_is_bounded_and_monotone_in_reward()
    {
        var rewards = Enumerable.Range(0, 256).Select(i => 6.0 + i * i).ToArray();
        var (uids, weights) = RankWeights.Compute(rewards);
        Assert.Equal(256, uids.Length);
        Assert.Equal(1.0, weights.Sum(), 1e-12);
        for (var i = 1; i < weights.Length; i++) Assert.True(weights[i] > weights[i - 1]);
        Assert.InRange(weights.Max() / weights.Min(), 1.0, 8.0 / 3.0);
    }
}
