using CsCheck;
using Neuron3D.Subnet17.Validator.Duels;

namespace Neuron3D.Subnet17.Tests.Validator.Duels;

/// <summary>Random pulls, results, judgements and idle gaps keep the scheduler's books straight.</summary>
public sealed class DuelSchedulerPropertyTests
{
    private const double Start = 1_750_000_000;

    // op: 0 = pull, 1 = finish a started side, 2 = judge the oldest awaiting duel, 3 = idle gap then collect.
    private static readonly Gen<(int Op, int Uid, bool Preview, int Gap)[]> Operations =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 259], Gen.Bool, Gen.Int[0, 4000]).Array[50, 400];

    [Fact]
    public void Books_stay_consistent_and_every_duel_is_verifiable()
    {
        Operations.Sample(ops =>
        {
            var options = new DuelOptions { JudgeEndpoint = new Uri("http://127.0.0.1:8095/v1/"), StartDelay = 0, MaxOpenDuels = 20 };
            var scheduler = new DuelScheduler(options, new ScriptedTasks(), Start);
            var now = Start;
            for (var uid = 0; uid < 256; uid++) scheduler.Take(uid, now);
            foreach (var (op, uid, preview, gap) in ops)
            {
                switch (op)
                {
                    case 0:
                        now += 1;
                        var take = scheduler.Take(uid, now);
                        if (take.Taken is { } taken) Assert.True(taken.SideOf(uid)!.Started);
                        break;
                    case 1:
                        var open = scheduler.OpenDuels.FirstOrDefault(d => d.Left.Started && !d.Left.Finished || d.Right.Started && !d.Right.Finished);
                        if (open is null) break;
                        var side = open.Left.Started && !open.Left.Finished ? open.Left : open.Right;
                        Assert.NotNull(scheduler.Finish(side.Uid, open.Task.Id, preview ? [1] : null, now));
                        break;
                    case 2:
                        if (scheduler.NextToJudge() is { } awaiting) scheduler.Resolve(awaiting);
                        break;
                    default:
                        now += gap;
                        scheduler.CollectAbandoned(now);
                        break;
                }
                AssertConsistent(scheduler, options);
            }
        }, iter: 40);
    }

    private static void AssertConsistent(DuelScheduler scheduler, DuelOptions options)
    {
        var open = scheduler.OpenDuels.ToList();
        Assert.Equal(open.Count(d => !d.BothStarted), scheduler.PendingCount);
        Assert.Equal(open.Count(d => d.NeedsJudge), scheduler.AwaitingJudgeCount);
        Assert.True(scheduler.PendingCount + scheduler.AwaitingJudgeCount <= options.MaxOpenDuels);
        foreach (var duel in open)
        {
            Assert.NotEqual(duel.Left.Uid, duel.Right.Uid);
            Assert.Equal((duel.Left.Uid, duel.Right.Uid), DuelPairing.Pair(duel.Nonce, duel.Task.Prompt)); // anyone can re-derive the pair
            Assert.True(duel.Nonce <= scheduler.LastNonce);
            Assert.False(duel.BothFinished && !duel.NeedsJudge); // decided duels never linger
            if (duel.Left.Started || duel.Right.Started) Assert.Same(duel, scheduler.ByTaskId(duel.Task.Id));
        }
        Assert.Equal(open.Count, open.Select(d => d.Task.Id).Distinct().Count());
        foreach (var uid in open.SelectMany(d => new[] { d.Left.Uid, d.Right.Uid }).Distinct())
        {
            var queue = scheduler.QueueOf(uid);
            Assert.Equal(open.Where(d => d.SideOf(uid) is { Started: false }).Select(d => d.Nonce), queue.Select(d => d.Nonce)); // FIFO = nonce order
        }
    }
}
