namespace Neuron3D.Bittensor.Localnet;

/// <summary>
/// When subtensor runs a subnet's epoch: in block N with <c>(N + netuid + 1) % (tempo + 1) == tempo</c> (the coinbase's
/// <c>blocks_until_next_epoch == 0</c>; see ../shared/localchain/README.md). A tempo of 0 never runs an epoch.
/// </summary>
public static class EpochSchedule
{
    /// <summary>The first block after <paramref name="head"/> in which <paramref name="netuid"/> runs its epoch.</summary>
    /// <param name="head">The current head block number.</param>
    /// <param name="netuid">The subnet.</param>
    /// <param name="tempo">The subnet's <c>Tempo</c> in blocks; must be at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tempo"/> is 0 (no epochs ever).</exception>
    public static ulong NextEpochBlock(ulong head, ushort netuid, ushort tempo)
    {
        ArgumentOutOfRangeException.ThrowIfZero(tempo);
        ulong period = tempo + 1u;
        var first = head + 1;
        var phase = (first + netuid + 1) % period;
        return first + (tempo + period - phase) % period;
    }

    /// <summary>Whether <paramref name="netuid"/> runs its epoch in block <paramref name="block"/>.</summary>
    public static bool IsEpochBlock(ulong block, ushort netuid, ushort tempo) =>
        tempo != 0 && (block + netuid + 1) % (tempo + 1u) == tempo;
}
