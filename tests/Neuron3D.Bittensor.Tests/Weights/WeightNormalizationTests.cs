using CsCheck;
using Neuron3D.Bittensor.Weights;

namespace Neuron3D.Bittensor.Tests.Weights;

public class WeightNormalizationTests
{
    // Spec bittensor.md §4.7 examples (computed there with the Python SDK).
    public static TheoryData<double[], ushort[], ushort[]> SpecExamples => new()
    {
        { [0.1, 0.5, 0.4], [0, 1, 2], [13107, 65535, 52428] },
        { [0.3, 0.3, 0.4, 0], [0, 1, 2], [49151, 49151, 65535] },
    };

    [Theory, MemberData(nameof(SpecExamples))]
    public void Reproduces_the_spec_examples(double[] weights, ushort[] expectedUids, ushort[] expectedValues)
    {
        var uids = Enumerable.Range(0, weights.Length).Select(i => (long)i).ToArray();
        var (u, v) = WeightNormalization.ToEmit(uids, weights);
        Assert.Equal(expectedUids, u);
        Assert.Equal(expectedValues, v);
    }

    [Fact]
    public void Rounds_half_to_even_like_python()
    {
        // 0.5/1 * 65535 = 32767.5 exactly: Python's round() gives the even neighbour 32768; 1.5/… cases likewise.
        var (_, v) = WeightNormalization.ToEmit([0, 1], [0.5, 1.0]);
        Assert.Equal(new ushort[] { 32768, 65535 }, v);
        // 3/65535·65535 rounding of tiny weights: 0.4/65535 of max rounds to 0 and the uid is dropped.
        var (u2, v2) = WeightNormalization.ToEmit([7, 9], [1.0, 0.4 / 65535]);
        Assert.Equal(new ushort[] { 7 }, u2);
        Assert.Equal(new ushort[] { 65535 }, v2);
    }

    [Fact]
    public void All_zero_weights_emit_nothing()
    {
        var (u, v) = WeightNormalization.ToEmit([1, 2], [0, 0]);
        Assert.Empty(u);
        Assert.Empty(v);
    }

    [Fact]
    public void Weights_that_vanish_in_float32_emit_nothing()
    {
        // The SDK casts to numpy float32 first: 4.6e-60 becomes 0, so this is an all-zero vector (found by CsCheck).
        var (u, v) = WeightNormalization.ToEmit([4], [4.599e-60]);
        Assert.Empty(u);
        Assert.Empty(v);
    }

    [Theory]
    [InlineData(new long[] { 0, 1 }, new[] { 1.0 })]
    [InlineData(new long[] { 0 }, new[] { -0.1 })]
    [InlineData(new long[] { -1 }, new[] { 1.0 })]
    [InlineData(new long[] { 70000 }, new[] { 1.0 })]
    [InlineData(new long[] { 0 }, new[] { double.NaN })]
    public void Bad_input_is_rejected(long[] uids, double[] weights) =>
        Assert.Throws<ArgumentException>(() => WeightNormalization.ToEmit(uids, weights));

    [Fact]
    public void Maximum_always_maps_to_65535_and_order_is_kept() =>
        Gen.Double[0, 1000].Array[1, 64].Where(a => a.Any(w => (float)w > 0)).Sample(weights => // positive after the SDK's float32 cast
        {
            var uids = Enumerable.Range(0, weights.Length).Select(i => (long)i).ToArray();
            var (u, v) = WeightNormalization.ToEmit(uids, weights);
            Assert.Equal(65535, v.Max());
            Assert.Equal(u.OrderBy(x => x), u);
            for (var i = 1; i < u.Length; i++)
                if ((float)weights[u[i]] > (float)weights[u[i - 1]]) Assert.True(v[i] >= v[i - 1]);
        });
}
