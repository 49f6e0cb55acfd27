using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Miner;

namespace Neuron3D.Subnet17.Tests.Miner;

public class ValidatorSelectorTests
{
    private const double Now = 1_700_000_000;

    private static List<NeuronView> Metagraph(params (double stake, bool serving)[] rows) =>
        rows.Select((r, uid) => new NeuronView(uid, $"hotkey-{uid}", r.stake, r.serving)).ToList();

    [Fact]
    public void Round_robin_skips_non_serving_low_stake_and_cooling_validators()
    {
        var selector = new ValidatorSelector(ownerHotkey: null);
        selector.Update(Metagraph((5000, false), (500, true), (2000, true), (3000, true)));
        var first = selector.Next(Now)!;
        selector.SetCooldown(first.Uid, Now + 300); // the task cycle's immediate cooldown
        var second = selector.Next(Now)!;
        selector.SetCooldown(second.Uid, Now + 300);
        Assert.Equal(2, first.Uid);
        Assert.Equal(3, second.Uid);
        Assert.Null(selector.Next(Now + 1));
        Assert.Equal(3, selector.Next(Now + 301)!.Uid); // the pointer went once round and rests on uid 3
    }

    [Fact]
    public void Nobody_eligible_returns_null_until_a_cooldown_expires()
    {
        var selector = new ValidatorSelector(ownerHotkey: null);
        selector.Update(Metagraph((2000, true)));
        Assert.Equal(0, selector.Next(Now)!.Uid);
        selector.SetCooldown(0, Now + 300);
        Assert.Null(selector.Next(Now + 299));
        Assert.Equal(0, selector.Next(Now + 300.5)!.Uid);
    }

    [Fact]
    public void Owner_gets_every_fifth_call_unless_cooling_down()
    {
        var owner = ValidatorSelector.Sn17OwnerHotkey;
        var selector = new ValidatorSelector(ownerHotkey: owner);
        var neurons = new List<NeuronView>
        {
            new(0, "v0", 2000, true),
            new(1, owner, 10, false), // owner is preferred even without stake/axon checks, as in SN17
        };
        selector.Update(neurons);
        var picks = Enumerable.Range(0, 10).Select(_ => selector.Next(Now)!.Uid).ToArray();
        Assert.Equal([0, 0, 0, 0, 1, 0, 0, 0, 0, 1], picks);

        selector.SetCooldown(1, Now + 100);
        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(0, selector.Next(Now)!.Uid));
    }

    [Fact]
    public void Absent_owner_disables_the_preference()
    {
        var selector = new ValidatorSelector();
        selector.Update(Metagraph((2000, true)));
        Assert.All(Enumerable.Range(0, 12), _ => Assert.NotNull(selector.Next(Now)));
    }
}
