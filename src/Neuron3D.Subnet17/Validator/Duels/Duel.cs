using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>One miner's part in a duel.</summary>
public sealed class DuelSide(int uid)
{
    /// <summary>The miner's uid.</summary>
    public int Uid { get; } = uid;

    /// <summary>The miner has pulled the duel's task.</summary>
    public bool Started { get; internal set; }

    /// <summary>The miner's result is in (accepted or failed).</summary>
    public bool Finished { get; internal set; }

    /// <summary>The 2×2 grid preview (PNG) of an accepted result; null while unfinished or when the result failed.</summary>
    public byte[]? PreviewPng { get; internal set; }
}

/// <summary>
/// A duel (spec sn17-404gen.md §3.6): two uids chosen by <see cref="DuelPairing"/> from the nonce and the prompt get the
/// same task; their grid previews go to the judge. Times are unix seconds.
/// </summary>
public sealed class Duel(long nonce, Sn17Task task, DuelSide left, DuelSide right, double createdAt)
{
    /// <summary>timestamp_nonce: unique, increasing, also the judge's seed.</summary>
    public long Nonce { get; } = nonce;

    /// <summary>The task both miners receive (same id and prompt).</summary>
    public Sn17Task Task { get; } = task;

    public DuelSide Left { get; } = left;
    public DuelSide Right { get; } = right;

    /// <summary>When the duel was made.</summary>
    public double CreatedAt { get; } = createdAt;

    /// <summary>Last time a side pulled or finished (or creation): abandoned duels are recycled from it.</summary>
    public double LastActivity { get; internal set; } = createdAt;

    /// <summary>Both miners have pulled the task: the duel has left the pending queues.</summary>
    public bool BothStarted => Left.Started && Right.Started;

    /// <summary>Both results are in.</summary>
    public bool BothFinished => Left.Finished && Right.Finished;

    /// <summary>Both results are in with previews: only the judge can decide.</summary>
    public bool NeedsJudge => BothFinished && Left.PreviewPng is not null && Right.PreviewPng is not null;

    /// <summary>The side <paramref name="uid"/> plays, or null.</summary>
    public DuelSide? SideOf(int uid) => Left.Uid == uid ? Left : Right.Uid == uid ? Right : null;

    /// <summary>What logs show of the duel.</summary>
    public override string ToString() => $"duel {Nonce}: [{Left.Uid}] vs [{Right.Uid}] ({Task.LogId})";
}
