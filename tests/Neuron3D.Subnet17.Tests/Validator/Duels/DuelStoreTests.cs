using CsCheck;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Duels;

namespace Neuron3D.Subnet17.Tests.Validator.Duels;

/// <summary>The duel tables: write → read round trips, and life beside the validator's own tables in one file.</summary>
public sealed class DuelStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("n3d-duelstore-").FullName;

    private static readonly Gen<Duel> Duels =
        Gen.Select(Gen.Long[1, long.MaxValue / 2], Gen.String, Gen.Bool, Gen.Int[0, 255], Gen.Int[0, 255], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Byte.Array[1, 64])
            .Select(x =>
            {
                var (nonce, prompt, image, left, right, leftState, rightState, png) = x;
                var task = image ? Sn17Task.NewImage(Convert.ToBase64String(png)) : Sn17Task.NewText(prompt);
                return new Duel(nonce, task, Side(left, leftState, png), Side(right, rightState, png), nonce + 0.25) { LastActivity = nonce + 7.5 };
            });

    // state: 0 queued, 1 started, 2 finished without preview, 3 finished with preview.
    private static DuelSide Side(int uid, int state, byte[] png) =>
        new(uid) { Started = state >= 1, Finished = state >= 2, PreviewPng = state == 3 ? png : null };

    [Fact]
    public void Duels_pulls_nonce_and_ratings_round_trip()
    {
        var run = 0;
        Gen.Select(Duels.Array[0, 12], Gen.Double[0, 3000].Array[3]).Sample((duels, r) =>
        {
            var path = Path.Combine(_dir, $"round-trip-{run++}.db");
            var unique = duels.DistinctBy(d => d.Nonce).ToArray();
            using (var store = new DuelStore(path))
            {
                foreach (var duel in unique)
                {
                    store.SavePull(duel.Left.Uid, duel.CreatedAt, duel.Nonce, new DuelTake(duel, null));
                    foreach (var side in new[] { duel.Left, duel.Right })
                        if (side.Finished) store.SaveResult(duel, side);
                }
                store.SaveRating(5, new GlickoRating(r[0], r[1], r[2]));
            }
            using var reopened = new DuelStore(path);
            var state = reopened.Load();
            Assert.Equal(unique.Length == 0 ? 0 : unique[^1].Nonce, state.LastNonce);
            Assert.Equal(new GlickoRating(r[0], r[1], r[2]), state.Ratings[5]);
            Assert.Equal(unique.Select(Describe).OrderBy(s => s, StringComparer.Ordinal), state.Duels.Select(Describe).OrderBy(s => s, StringComparer.Ordinal));
            var expectedPulls = unique.GroupBy(d => d.Left.Uid).ToDictionary(g => g.Key, g => g.Last().CreatedAt);
            Assert.Equal(expectedPulls.OrderBy(p => p.Key), state.LastPulls.OrderBy(p => p.Key));
        }, iter: 30);
    }

    private static string Describe(Duel d) =>
        $"{d.Nonce}|{d.Task.Id}|{d.Task.Kind}|{d.Task.Prompt}|{d.CreatedAt}|{d.LastActivity}|{Describe(d.Left)}|{Describe(d.Right)}";

    private static string Describe(DuelSide s) =>
        $"{s.Uid}:{s.Started}:{s.Finished}:{(s.PreviewPng is null ? "-" : Convert.ToHexString(s.PreviewPng))}";

    [Fact]
    public void Resolving_removes_duels_and_writes_ratings_together()
    {
        var path = Path.Combine(_dir, "resolve.db");
        var duel = new Duel(42, Sn17Task.NewText("a lamp"), new DuelSide(1) { Started = true }, new DuelSide(2), 41);
        using (var store = new DuelStore(path))
        {
            store.SavePull(1, 41, 42, new DuelTake(duel, duel));
            store.Resolve([duel], [(1, new GlickoRating(1600, 200, 0.1)), (2, new GlickoRating(1400, 200, 0.1))]);
        }
        using var reopened = new DuelStore(path);
        var state = reopened.Load();
        Assert.Empty(state.Duels);
        Assert.Equal(new GlickoRating(1400, 200, 0.1), state.Ratings[2]);
        Assert.Equal(41, state.LastPulls[1]);
    }

    [Fact]
    public void Shares_the_validator_state_file_with_the_validator_store()
    {
        var path = Path.Combine(_dir, "validator.db");
        using var validatorStore = new ValidatorStateStore(path);
        using var duelStore = new DuelStore(path);
        var miner = new MinerRecord(3, "5Fminer") { FidelityScore = 0.8 };
        var duel = new Duel(7, Sn17Task.NewText("a chair"), new DuelSide(3), new DuelSide(4), 6);
        for (var i = 0; i < 20; i++)
        {
            miner.Observations.Add(i);
            validatorStore.Save(miner);
            duelStore.SavePull(3, i, 7 + i, new DuelTake(i == 0 ? duel : null, null));
        }
        Assert.Equal(20, validatorStore.LoadAll()[3].Observations.Count);
        var state = duelStore.Load();
        Assert.Equal(26, state.LastNonce);
        Assert.Single(state.Duels);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
