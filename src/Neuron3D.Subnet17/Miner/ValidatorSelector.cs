using Neuron3D.Subnet17.Network;

namespace Neuron3D.Subnet17.Miner;

/// <summary>
/// Chooses which validator a miner worker pulls from next (spec sn17-404gen.md §2.2): every fifth eligible call goes
/// to the subnet owner's validator (when configured and not cooling down), otherwise round-robin over validators that
/// serve an axon, hold at least <see cref="MinStake"/> and are not cooling down. Not thread-safe; one per miner,
/// called under the miner's lock. Time is unix seconds, injected.
/// </summary>
public sealed class ValidatorSelector
{
    /// <summary>The 404 subnet owner's hotkey on finney (SN17), the default preferred validator.</summary>
    public const string Sn17OwnerHotkey = "5E7eSeRr2aHzCV7SkY4a2Pi5NXHrU4anZz3phEQgn4HCen2B";

    private const int OwnerEvery = 5;
    private readonly Dictionary<int, double> _cooldowns = [];
    private IReadOnlyList<NeuronView> _neurons = [];
    private int? _ownerUid;
    private int _nextUid;
    private int _askOwnerIn = OwnerEvery;

    /// <param name="minStake">`--neuron.min_stake_to_set_weights` (1000 TAO on SN17).</param>
    /// <param name="ownerHotkey">Preferred validator's hotkey, or null to disable owner preference.</param>
    public ValidatorSelector(double minStake = 1000, string? ownerHotkey = Sn17OwnerHotkey)
    {
        MinStake = minStake;
        OwnerHotkey = ownerHotkey;
    }

    public double MinStake { get; }
    public string? OwnerHotkey { get; }

    /// <summary>Replaces the metagraph view (after each sync). Cooldowns survive; the owner's uid is looked up again.</summary>
    public void Update(IReadOnlyList<NeuronView> neurons)
    {
        _neurons = neurons;
        _ownerUid = OwnerHotkey is null ? null : neurons.FirstOrDefault(n => n.Hotkey == OwnerHotkey)?.Uid;
        if (_nextUid >= neurons.Count) _nextUid = 0;
    }

    /// <summary>Sets when <paramref name="uid"/> may be asked again (unix seconds).</summary>
    public void SetCooldown(int uid, double until) => _cooldowns[uid] = until;

    public double CooldownOf(int uid) => _cooldowns.GetValueOrDefault(uid);

    /// <summary>The next validator to pull from, or null when none is eligible now (the worker then sleeps).</summary>
    /// <remarks>
    /// Unlike the Python miner, an owner absent from the metagraph disables the preference instead of returning
    /// "nobody" on every fifth call (which only made workers idle).
    /// </remarks>
    public NeuronView? Next(double now)
    {
        if (_ownerUid is { } owner && CooldownOf(owner) < now)
        {
            if (_askOwnerIn > 1)
            {
                _askOwnerIn--;
            }
            else
            {
                _askOwnerIn = OwnerEvery;
                return _neurons[owner];
            }
        }

        var n = _neurons.Count;
        for (var tried = 0; tried < n; tried++)
        {
            var candidate = _neurons[_nextUid];
            if (candidate.IsServing && candidate.Stake >= MinStake && CooldownOf(candidate.Uid) < now) return candidate;
            _nextUid = (_nextUid + 1) % n;
        }
        return null;
    }
}
