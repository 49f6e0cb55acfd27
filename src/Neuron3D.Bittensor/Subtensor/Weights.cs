using System.Security.Cryptography;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;
using Neuron3D.Bittensor.Storage;

namespace Neuron3D.Bittensor.Subtensor;

/// <summary>How weights went on chain.</summary>
public enum WeightsSubmissionKind
{
    /// <summary><c>set_weights</c>: in effect now.</summary>
    Set,
    /// <summary><c>commit_weights</c> (commit-reveal on): in effect after <see cref="SubtensorClient.RevealWeightsAsync"/>.</summary>
    Committed,
    /// <summary><c>reveal_weights</c> of an earlier commit: in effect now.</summary>
    Revealed,
}

/// <summary>The result of setting weights.</summary>
/// <param name="Kind">Set directly, committed, or revealed.</param>
/// <param name="BlockHash">The block that included it.</param>
/// <param name="Uids">Destination uids.</param>
/// <param name="Values">u16 weights, as sent.</param>
/// <param name="PendingReveal">For <see cref="WeightsSubmissionKind.Committed"/>: what to reveal, and when.</param>
public sealed record WeightsSubmission(WeightsSubmissionKind Kind, string BlockHash, IReadOnlyList<ushort> Uids, IReadOnlyList<ushort> Values,
    PendingReveal? PendingReveal = null);

/// <summary>
/// A hash commit waiting to be revealed: everything <c>reveal_weights</c> needs, and the window of blocks in which the
/// chain accepts it. Keep it (e.g. as JSON) until revealed: without the salt the commit cannot be revealed.
/// </summary>
public sealed record PendingReveal(string Hotkey, ushort Netuid, ushort[] Uids, ushort[] Values, ushort[] Salt, ulong VersionKey,
    string CommitHash, ulong CommitBlock, ulong FirstRevealBlock, ulong LastRevealBlock);

/// <summary>The commit-reveal v2 hash (spec bittensor.md §4.5).</summary>
public static class WeightCommit
{
    /// <summary>
    /// <c>BLAKE2b-256(pubkey ‖ u16 netuid_index ‖ Vec&lt;u16&gt; uids ‖ Vec&lt;u16&gt; values ‖ Vec&lt;u16&gt; salt ‖ u64 version_key)</c>.
    /// </summary>
    public static byte[] Hash(ReadOnlySpan<byte> hotkeyPublicKey, ushort netuidIndex, ReadOnlySpan<ushort> uids, ReadOnlySpan<ushort> values,
        ReadOnlySpan<ushort> salt, ulong versionKey)
    {
        if (hotkeyPublicKey.Length != 32) throw new ArgumentException("a hotkey public key is 32 bytes", nameof(hotkeyPublicKey));
        var writer = new ScaleWriter(64 + 2 * (uids.Length + values.Length + salt.Length));
        try
        {
            writer.WriteBytes(hotkeyPublicKey);
            writer.WriteU16(netuidIndex);
            WriteU16s(ref writer, uids);
            WriteU16s(ref writer, values);
            WriteU16s(ref writer, salt);
            writer.WriteU64(versionKey);
            return StorageHashing.Hash(StorageHasher.Blake2_256, writer.WrittenSpan);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Eight random u16 salt values from the OS CSPRNG, as the SDK uses.</summary>
    public static ushort[] NewSalt()
    {
        var bytes = RandomNumberGenerator.GetBytes(16);
        return Enumerable.Range(0, 8).Select(i => BitConverter.ToUInt16(bytes, 2 * i)).ToArray();
    }

    private static void WriteU16s(ref ScaleWriter writer, ReadOnlySpan<ushort> values)
    {
        writer.WriteCompact((ulong)values.Length);
        foreach (var value in values) writer.WriteU16(value);
    }
}

public sealed partial class SubtensorClient
{
    /// <summary>
    /// Sets weights for <paramref name="hotkey"/> (already normalised to u16, e.g. by
    /// <see cref="Neuron3D.Bittensor.Weights.WeightNormalization.ToEmit"/>). When the subnet has commit-reveal on, commits
    /// the hash instead and returns the <see cref="PendingReveal"/> to pass to <see cref="RevealWeightsAsync"/> in its window.
    /// </summary>
    /// <param name="versionKey">Null: the subnet's <c>WeightsVersionKey</c> (the lowest the chain accepts).</param>
    /// <exception cref="ArgumentException">Lengths differ, or a uid repeats.</exception>
    /// <exception cref="Chain.Extrinsics.ChainDispatchException">E.g. SettingWeightsTooFast, NeuronNoValidatorPermit, HotKeyNotRegisteredInSubNet.</exception>
    public async Task<WeightsSubmission> SetWeightsAsync(Sr25519Keypair hotkey, ushort netuid, IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values,
        ulong? versionKey = null, CancellationToken cancellationToken = default)
    {
        if (uids.Count != values.Count) throw new ArgumentException($"{uids.Count} uids but {values.Count} weights", nameof(values));
        if (uids.Distinct().Count() != uids.Count) throw new ArgumentException("a uid appears twice", nameof(uids));
        var key = versionKey ?? (ulong)(await ReadSubtensorAsync("WeightsVersionKey", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))!.AsNumber();
        var dests = ScaleValue.Sequence(uids.Select(u => (ScaleValue)u).ToArray());
        var weights = ScaleValue.Sequence(values.Select(v => (ScaleValue)v).ToArray());
        if (!await IsCommitRevealEnabledAsync(netuid, cancellationToken).ConfigureAwait(false))
        {
            var outcome = await SubmitAsync("set_weights", hotkey, m => m.EncodeCall(Pallet, "set_weights", netuid, dests, weights, key), cancellationToken).ConfigureAwait(false);
            return new WeightsSubmission(WeightsSubmissionKind.Set, outcome.BlockHash, uids, values);
        }

        if (!Metadata.Pallet(Pallet).Calls.Any(c => c.Name == "commit_weights"))
            throw new SubtensorStateException($"netuid {netuid} has commit-reveal on and this runtime has no hash commit (commit_weights); it needs timelocked " +
                "(drand) commits, which Neuron3D does not make. The subnet owner can turn commit-reveal off with sudo_set_commit_reveal_weights_enabled.");
        var salt = WeightCommit.NewSalt();
        var hash = WeightCommit.Hash(hotkey.PublicKey, netuid, uids.ToArray(), values.ToArray(), salt, key);
        var committed = await SubmitAsync("commit_weights", hotkey, m => m.EncodeCall(Pallet, "commit_weights", netuid, hash), cancellationToken).ConfigureAwait(false);
        var commitBlock = (await Chain.GetHeaderAsync(committed.BlockHash, cancellationToken).ConfigureAwait(false)).Number;
        var tempo = (ulong)(await ReadSubtensorAsync("Tempo", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))!.AsNumber();
        var period = (ulong)(await ReadSubtensorAsync("RevealPeriodEpochs", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))!.AsNumber();
        var (first, last) = EpochSchedule.RevealWindow(commitBlock, netuid, tempo, period);
        var pending = new PendingReveal(hotkey.Ss58Address, netuid, uids.ToArray(), values.ToArray(), salt, key, Neuron3D.Bittensor.Chain.Hex.Encode(hash), commitBlock, first, last);
        return new WeightsSubmission(WeightsSubmissionKind.Committed, committed.BlockHash, uids, values, pending);
    }

    /// <summary>Reveals a hash commit made by <see cref="SetWeightsAsync"/>; call it inside the pending reveal's window.</summary>
    /// <exception cref="SubtensorStateException">The window has not opened yet or has passed (the commit then expired).</exception>
    public async Task<WeightsSubmission> RevealWeightsAsync(Sr25519Keypair hotkey, PendingReveal pending, CancellationToken cancellationToken = default)
    {
        if (hotkey.Ss58Address != pending.Hotkey) throw new ArgumentException($"the commit was made by {pending.Hotkey}, not {hotkey.Ss58Address}", nameof(hotkey));
        var block = await GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        // The reveal lands in the next block.
        if (block + 1 < pending.FirstRevealBlock)
            throw new SubtensorStateException($"the reveal window opens at block {pending.FirstRevealBlock} (now {block}); reveal then");
        if (block + 1 > pending.LastRevealBlock)
            throw new SubtensorStateException($"the reveal window closed at block {pending.LastRevealBlock} (now {block}); the commit expired, set weights again");
        var uids = ScaleValue.Sequence(pending.Uids.Select(u => (ScaleValue)u).ToArray());
        var values = ScaleValue.Sequence(pending.Values.Select(v => (ScaleValue)v).ToArray());
        var salt = ScaleValue.Sequence(pending.Salt.Select(s => (ScaleValue)s).ToArray());
        var outcome = await SubmitAsync("reveal_weights", hotkey, m => m.EncodeCall(Pallet, "reveal_weights", pending.Netuid, uids, values, salt, pending.VersionKey),
            cancellationToken).ConfigureAwait(false);
        return new WeightsSubmission(WeightsSubmissionKind.Revealed, outcome.BlockHash, pending.Uids, pending.Values);
    }

    /// <summary>True when <paramref name="netuid"/> requires commit-reveal for weights.</summary>
    public async Task<bool> IsCommitRevealEnabledAsync(ushort netuid, CancellationToken cancellationToken = default) =>
        (await ReadSubtensorAsync("CommitRevealWeightsEnabled", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))?.AsBool() == true;

    /// <summary>
    /// Blocks until <paramref name="uid"/> may set weights again on <paramref name="netuid"/>
    /// (<c>LastUpdate + WeightsSetRateLimit − now</c>, at least 0).
    /// </summary>
    public async Task<ulong> GetBlocksUntilWeightsAllowedAsync(ushort netuid, ushort uid, CancellationToken cancellationToken = default)
    {
        var limit = (ulong)(await ReadSubtensorAsync("WeightsSetRateLimit", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))!.AsNumber();
        var lastUpdates = await ReadSubtensorAsync("LastUpdate", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false);
        var last = lastUpdates?.Unwrap() is ScaleSequence s && uid < s.Items.Count ? (ulong)s.Items[uid].AsNumber() : 0;
        var block = await GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        return last + limit > block ? last + limit - block : 0;
    }

    /// <summary>The weights <paramref name="uid"/> has on chain (<c>Weights[netuid][uid]</c>) as (destination uid, u16 value).</summary>
    public async Task<IReadOnlyList<(ushort Uid, ushort Value)>> GetWeightsAsync(ushort netuid, ushort uid, string? blockHash = null, CancellationToken cancellationToken = default)
    {
        var value = await ReadSubtensorAsync("Weights", [netuid, uid], blockHash, cancellationToken).ConfigureAwait(false);
        if (value?.Unwrap() is not ScaleSequence pairs) return [];
        return pairs.Items.Select(p => p.Unwrap() switch
        {
            ScaleSequence { Items.Count: 2 } t => ((ushort)t.Items[0].AsNumber(), (ushort)t.Items[1].AsNumber()),
            ScaleComposite { Fields.Count: 2 } c => ((ushort)c.Fields[0].Value.AsNumber(), (ushort)c.Fields[1].Value.AsNumber()),
            var other => throw new FormatException($"a weight entry {other} is not (uid, value)"),
        }).ToList();
    }
}
