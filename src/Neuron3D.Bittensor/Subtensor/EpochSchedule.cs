namespace Neuron3D.Bittensor.Subtensor;

/// <summary>
/// Block arithmetic of the legacy epoch schedule (runtimes up to mid-2026, incl. the local spec-293 chain) and of hash
/// commit-reveal (spec bittensor.md §4.5, §5.1).
/// </summary>
public static class EpochSchedule
{
    /// <summary>
    /// The first block after <paramref name="afterBlock"/> whose coinbase runs the epoch of <paramref name="netuid"/>:
    /// the runtime runs it in block N when <c>blocks_until_next_epoch(N) = tempo − (N + netuid + 1) mod (tempo + 1)</c>
    /// is zero. (Spec §5.1 writes the condition as <c>… mod (tempo + 1) == 0</c>; the local runtime test
    /// <c>Epoch_runs_in_the_block_the_schedule_names</c> shows it is the block before that.)
    /// </summary>
    public static ulong NextEpochBlock(ulong afterBlock, ushort netuid, ulong tempo)
    {
        var period = tempo + 1;
        var n = afterBlock + 1;
        var position = (n + netuid + 1) % period;
        return n + (tempo + period - position) % period;
    }

    /// <summary>The commit-reveal epoch index of <paramref name="block"/>: <c>(block + netuid + 1) / (tempo + 1)</c>.</summary>
    public static ulong EpochIndex(ulong block, ushort netuid, ulong tempo) => (block + netuid + 1) / (tempo + 1);

    /// <summary>
    /// The blocks in which a hash commit made in <paramref name="commitBlock"/> may be revealed: the whole epoch index
    /// <c>commit_epoch + revealPeriodEpochs</c>.
    /// </summary>
    public static (ulong First, ulong Last) RevealWindow(ulong commitBlock, ushort netuid, ulong tempo, ulong revealPeriodEpochs)
    {
        var revealEpoch = EpochIndex(commitBlock, netuid, tempo) + revealPeriodEpochs;
        var first = revealEpoch * (tempo + 1) - (ulong)(netuid + 1);
        return (first, first + tempo);
    }
}
