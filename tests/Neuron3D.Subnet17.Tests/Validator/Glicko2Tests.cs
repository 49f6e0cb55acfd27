using Neuron3D.Subnet17.Validator;

namespace Neuron3D.Subnet17.Tests.Validator;

public class Glicko2Tests
{
    // Spec sn17-404gen.md §3.6 vectors (glicko2 2.1.0 + SN17 clamps, float64).
    public static TheoryData<double[], double[], DuelOutcome, double[], double[]> SpecVectors => new()
    {
        { [1500, 350, 0.5], [1500, 350, 0.5], DuelOutcome.LeftWins,
          [1668.95123159519, 296.19808829689504, 0.2], [1331.04876840481, 296.19808829689504, 0.2] },
        { [1500, 350, 0.5], [1500, 350, 0.5], DuelOutcome.Draw,
          [1500.0, 296.17900101404155, 0.2], [1500.0, 296.17900101404155, 0.2] },
        { [1616.17, 150, 0.06], [1616.17, 160, 0.03], DuelOutcome.LeftWins,
          [1666.6713205456808, 140.28008842475123, 0.05999979751134507], [1559.3968297727588, 147.80428801940508, 0.03] },
        { [1700, 80, 0.06], [1450, 120, 0.1], DuelOutcome.RightWins,
          [1673.0562426014596, 79.4584536553936, 0.060003612852660614], [1511.2712659873205, 117.062442909523, 0.10002748121114777] },
    };

    [Theory, MemberData(nameof(SpecVectors))]
    public void Matches_the_spec_vectors(double[] left, double[] right, DuelOutcome outcome, double[] leftAfter, double[] rightAfter)
    {
        var (l, r) = Glicko2.RateDuel(new(left[0], left[1], left[2]), new(right[0], right[1], right[2]), outcome);
        AssertClose(leftAfter, l);
        AssertClose(rightAfter, r);
    }

    [Fact]
    public void Results_stay_inside_the_sn17_clamps()
    {
        var strong = new GlickoRating(2990, 30, 0.03);
        var weak = new GlickoRating(10, 30, 0.03);
        for (var i = 0; i < 50; i++) (strong, weak) = Glicko2.RateDuel(strong, weak, DuelOutcome.LeftWins);
        Assert.InRange(strong.Rating, 0, 3000);
        Assert.InRange(weak.Rating, 0, 3000);
        Assert.InRange(strong.Deviation, 30, 350);
        Assert.InRange(strong.Volatility, 0.03, 0.2);
    }

    private static void AssertClose(double[] expected, GlickoRating actual)
    {
        Assert.Equal(expected[0], actual.Rating, 1e-9);
        Assert.Equal(expected[1], actual.Deviation, 1e-9);
        Assert.Equal(expected[2], actual.Volatility, 1e-12);
    }
}
