using System.Globalization;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;

namespace Neuron3D.Subnet17.Validator;

/// <summary>
/// <see cref="IWeightsChain"/> on a subtensor node through <see cref="SubtensorClient"/>: reads <c>LastUpdate</c>,
/// <c>WeightsSetRateLimit</c> and the head block, sets weights with the validator's hotkey (hash commit-reveal when the
/// subnet requires it, keeping the pending reveal in memory until its window opens), and confirms every set by
/// reading <c>Weights[netuid][uid]</c> back at the inclusion block. A restart forgets an unrevealed commit: it expires
/// on chain and the next attempt commits afresh.
/// </summary>
public sealed class SubtensorWeightsChain : IWeightsChain
{
    private readonly SubtensorClient _client;
    private readonly Sr25519Keypair _hotkey;
    private readonly ushort _netuid;
    private readonly Lock _gate = new();
    private PendingReveal? _pending;

    /// <param name="client">A connected client (not disposed here).</param>
    /// <param name="hotkey">The validator's hotkey: it signs the weights.</param>
    /// <param name="netuid">The subnet.</param>
    public SubtensorWeightsChain(SubtensorClient client, Sr25519Keypair hotkey, ushort netuid)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _hotkey = hotkey ?? throw new ArgumentNullException(nameof(hotkey));
        _netuid = netuid;
    }

    /// <inheritdoc />
    /// <exception cref="SubtensorStateException">Our hotkey is not registered on the subnet.</exception>
    public async Task<WeightsWindow> ReadWindowAsync(CancellationToken cancellationToken)
    {
        var uid = await OwnUidAsync(cancellationToken).ConfigureAwait(false);
        var limit = (ulong)(await _client.ReadSubtensorAsync("WeightsSetRateLimit", [_netuid], cancellationToken: cancellationToken).ConfigureAwait(false))!.AsNumber();
        var lastUpdates = await _client.ReadSubtensorAsync("LastUpdate", [_netuid], cancellationToken: cancellationToken).ConfigureAwait(false);
        var last = lastUpdates?.Unwrap() is ScaleSequence s && uid < s.Items.Count ? (ulong)s.Items[uid].AsNumber() : 0;
        var block = await _client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        ulong? revealFrom;
        lock (_gate)
        {
            // A commit whose window has closed can never be revealed: forget it so the next attempt commits again.
            if (_pending is { } p && block + 1 > p.LastRevealBlock) _pending = null;
            revealFrom = _pending?.FirstRevealBlock;
        }
        return new WeightsWindow(block, last, limit, revealFrom);
    }

    /// <inheritdoc />
    public async Task<WeightsReceipt> SetWeightsAsync(IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, CancellationToken cancellationToken)
    {
        var submission = await _client.SetWeightsAsync(_hotkey, _netuid, uids, values, cancellationToken: cancellationToken).ConfigureAwait(false);
        var block = (await _client.Chain.GetHeaderAsync(submission.BlockHash, cancellationToken).ConfigureAwait(false)).Number;
        if (submission.PendingReveal is { } pending)
        {
            lock (_gate) _pending = pending;
            return new WeightsReceipt(block, Committed: true, [.. uids], [.. values], string.Create(CultureInfo.InvariantCulture,
                $"commit {pending.CommitHash} in block {block}; reveal window blocks {pending.FirstRevealBlock}–{pending.LastRevealBlock}"));
        }
        return await ConfirmedAsync(submission, block, "set", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="SubtensorStateException">No commit is pending, or its window is not open.</exception>
    public async Task<WeightsReceipt> RevealPendingAsync(CancellationToken cancellationToken)
    {
        PendingReveal pending;
        lock (_gate) pending = _pending ?? throw new SubtensorStateException("no weights commit is waiting to be revealed");
        var submission = await _client.RevealWeightsAsync(_hotkey, pending, cancellationToken).ConfigureAwait(false);
        lock (_gate) _pending = null;
        var block = (await _client.Chain.GetHeaderAsync(submission.BlockHash, cancellationToken).ConfigureAwait(false)).Number;
        return await ConfirmedAsync(submission, block, $"revealed the commit of block {pending.CommitBlock}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<WeightsReceipt> ConfirmedAsync(WeightsSubmission submission, ulong block, string what, CancellationToken cancellationToken)
    {
        var uid = await OwnUidAsync(cancellationToken).ConfigureAwait(false);
        var stored = await _client.GetWeightsAsync(_netuid, uid, submission.BlockHash, cancellationToken).ConfigureAwait(false);
        var storedUids = stored.Select(w => w.Uid).Order().ToArray();
        // The chain re-scales values (max-upscaling) and drops zeros, so the uids are what must match.
        if (!storedUids.SequenceEqual(submission.Uids.Order()))
            throw new SubtensorStateException($"after {what} in block {block} the chain holds weights for uids [{string.Join(",", storedUids)}], " +
                                              $"not the [{string.Join(",", submission.Uids)}] sent");
        return new WeightsReceipt(block, Committed: false, [.. submission.Uids], [.. submission.Values], string.Create(CultureInfo.InvariantCulture,
            $"{what}; confirmed: Weights[{_netuid}][{uid}] holds {stored.Count} entries at block {block}"));
    }

    private async Task<ushort> OwnUidAsync(CancellationToken cancellationToken) =>
        await _client.GetUidAsync(_netuid, _hotkey.Ss58Address, cancellationToken: cancellationToken).ConfigureAwait(false)
        ?? throw new SubtensorStateException($"hotkey {_hotkey.Ss58Address} is not registered on netuid {_netuid}");
}
