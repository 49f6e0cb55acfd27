namespace Neuron3D.Subnet17.Validator;

/// <summary>A miner's duel rating (SN17 starts every uid at 1500 / 350 / 0.5).</summary>
public readonly record struct GlickoRating(double Rating, double Deviation, double Volatility)
{
    public static GlickoRating Initial => new(1500.0, 350.0, 0.5);
}

/// <summary>Outcome of one duel, seen from the left miner.</summary>
public enum DuelOutcome { LeftWins, Draw, RightWins }

/// <summary>
/// Glicko-2 for one game as SN17 validators compute it (spec sn17-404gen.md §3.6): the PyPI <c>glicko2==2.1.0</c>
/// update — including its quirk of using μ² instead of φ² inside the volatility function — followed by SN17's clamps.
/// Both players are updated from the opponent's pre-game values.
/// </summary>
public static class Glicko2
{
    private const double Scale = 173.7178;
    private const double Tau = 0.5;
    private const double Epsilon = 0.000001;

    public const double MinRating = 0, MaxRating = 3000;
    public const double MinDeviation = 30, MaxDeviation = 350;
    public const double MinVolatility = 0.03, MaxVolatility = 0.2;

    /// <summary>Rates one duel; returns the new ratings of the left and the right miner.</summary>
    public static (GlickoRating Left, GlickoRating Right) RateDuel(GlickoRating left, GlickoRating right, DuelOutcome outcome)
    {
        var leftScore = outcome switch { DuelOutcome.LeftWins => 1.0, DuelOutcome.Draw => 0.5, _ => 0.0 };
        return (Clamp(Update(left, right, leftScore)), Clamp(Update(right, left, 1.0 - leftScore)));
    }

    /// <summary>The unclamped glicko2 2.1.0 single-game update of <paramref name="player"/> against <paramref name="opponent"/>.</summary>
    internal static GlickoRating Update(GlickoRating player, GlickoRating opponent, double score)
    {
        var mu = (player.Rating - 1500) / Scale;
        var phi = player.Deviation / Scale;
        var muJ = (opponent.Rating - 1500) / Scale;
        var phiJ = opponent.Deviation / Scale;

        var g = 1 / Math.Sqrt(1 + 3 * phiJ * phiJ / (Math.PI * Math.PI));
        var e = 1 / (1 + Math.Exp(-g * (mu - muJ)));
        var v = 1 / (g * g * e * (1 - e));
        var delta = v * g * (score - e);

        var sigma = NewVolatility(player.Volatility, mu, phi, v, delta);
        var phiStar = Math.Sqrt(phi * phi + sigma * sigma);
        var phiNew = 1 / Math.Sqrt(1 / (phiStar * phiStar) + 1 / v);
        var muNew = mu + phiNew * phiNew * g * (score - e);
        return new GlickoRating(Scale * muNew + 1500, Scale * phiNew, sigma);
    }

    private static double NewVolatility(double volatility, double mu, double phi, double v, double delta)
    {
        var a = Math.Log(volatility * volatility);
        // glicko2 2.1.0 quirk: μ² where the paper has φ² (kept for bit-compatibility with SN17 validators).
        double F(double x)
        {
            var ex = Math.Exp(x);
            var d = mu * mu + v + ex;
            return ex * (delta * delta - mu * mu - v - ex) / (2 * d * d) - (x - a) / (Tau * Tau);
        }

        var bigA = a;
        double bigB;
        if (delta * delta > phi * phi + v)
        {
            bigB = Math.Log(delta * delta - phi * phi - v);
        }
        else
        {
            var k = 1;
            while (F(a - k * Tau) < 0) k++;
            bigB = a - k * Tau;
        }

        double fA = F(bigA), fB = F(bigB);
        while (Math.Abs(bigB - bigA) > Epsilon)
        {
            var c = bigA + (bigA - bigB) * fA / (fB - fA);
            var fC = F(c);
            if (fC * fB <= 0)
            {
                bigA = bigB;
                fA = fB;
            }
            else
            {
                fA /= 2;
            }
            bigB = c;
            fB = fC;
        }
        return Math.Exp(bigA / 2);
    }

    private static GlickoRating Clamp(GlickoRating r) => new(
        Math.Clamp(r.Rating, MinRating, MaxRating),
        Math.Clamp(r.Deviation, MinDeviation, MaxDeviation),
        Math.Clamp(r.Volatility, MinVolatility, MaxVolatility));
}
