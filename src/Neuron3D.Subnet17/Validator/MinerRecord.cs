using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator;

/// <summary>
/// Everything a validator remembers about one miner uid (spec sn17-404gen.md §3.1 <c>MinerData</c>). Times are unix
/// seconds as doubles, like Python's <c>time.time()</c>; cooldowns are whole seconds.
/// </summary>
public sealed class MinerRecord(int uid, string hotkey)
{
    public int Uid { get; } = uid;
    public string Hotkey { get; private set; } = hotkey;
    /// <summary>Times of accepted results, oldest first.</summary>
    public List<double> Observations { get; } = [];
    public double FidelityScore { get; set; } = 1.0;
    public Sn17Task? AssignedTask { get; set; }
    public double? AssignmentTime { get; set; }
    public long CooldownUntil { get; set; }
    public int CooldownViolations { get; set; }
    public double ValidationLockedUntil { get; set; }
    public double LastSubmitTime { get; set; }
    public GlickoRating Rating { get; set; } = GlickoRating.Initial;

    /// <summary>A new hotkey took the uid: it starts from scratch (observations, fidelity, cooldowns, rating).</summary>
    public void ResetForNewHotkey(string hotkey)
    {
        Hotkey = hotkey;
        Observations.Clear();
        FidelityScore = 1.0;
        AssignedTask = null;
        AssignmentTime = null;
        CooldownUntil = 0;
        CooldownViolations = 0;
        ValidationLockedUntil = 0;
        LastSubmitTime = 0;
        Rating = GlickoRating.Initial;
    }

    /// <summary>Drops observations at or before <paramref name="now"/> − window and returns how many remain.</summary>
    public int ExpireObservations(double now, int window)
    {
        Observations.RemoveAll(t => t <= now - window);
        return Observations.Count;
    }
}
