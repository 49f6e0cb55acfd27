namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>How a finished duel is decided (spec sn17-404gen.md §3.6), apart from the judge's call itself.</summary>
public static class DuelRules
{
    /// <summary>
    /// The outcome that needs no judge: both previews missing → draw, one missing → that miner loses. Null when both
    /// previews exist and the judge must decide.
    /// </summary>
    public static DuelOutcome? WithoutJudge(bool leftHasPreview, bool rightHasPreview) => (leftHasPreview, rightHasPreview) switch
    {
        (false, false) => DuelOutcome.Draw,
        (false, true) => DuelOutcome.RightWins,
        (true, false) => DuelOutcome.LeftWins,
        _ => null,
    };

    /// <summary>The judge names the worst model: 1 (left) → right wins, 2 (right) → left wins, 0 → draw.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="worst"/> is not 0, 1 or 2.</exception>
    public static DuelOutcome FromWorst(int worst) => worst switch
    {
        1 => DuelOutcome.RightWins,
        2 => DuelOutcome.LeftWins,
        0 => DuelOutcome.Draw,
        _ => throw new ArgumentOutOfRangeException(nameof(worst), worst, "the judge's worst must be 0, 1 or 2"),
    };
}
