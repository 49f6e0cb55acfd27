using System.Diagnostics;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator;

namespace Neuron3D.Subnet17.Tests.Validator;

public sealed class ValidatorStateStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("n3d-vstate-").FullName;

    [Fact]
    public void Concurrent_saves_of_different_miners_all_land()
    {
        // The validator's handlers save different miners' records at the same time (one lock per miner).
        using var store = new ValidatorStateStore(Path.Combine(_dir, "concurrent.db"));
        const int Miners = 8, Rounds = 50;
        Parallel.For(0, Miners * Rounds, new ParallelOptions { MaxDegreeOfParallelism = Miners }, i =>
        {
            var miner = new MinerRecord(i % Miners, "hotkey" + (i % Miners)) { CooldownViolations = i / Miners };
            miner.Observations.Add(i);
            store.Save(miner);
        });

        var loaded = store.LoadAll();
        Assert.Equal(Miners, loaded.Count);
        Assert.All(loaded.Values, m => Assert.Single(m.Observations));
    }

    [Fact]
    public void Records_round_trip_through_a_reopened_database()
    {
        var path = Path.Combine(_dir, "state", "validator.db");
        var miner = new MinerRecord(7, "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty")
        {
            FidelityScore = 0.83,
            AssignedTask = new Sn17Task("0b0b3f4e-8d2c-4d1a-9c59-2f1e8a6b7c10", TaskKind.Text, "a red chair"),
            AssignmentTime = 1_700_000_000.25,
            CooldownUntil = 1_700_000_300,
            CooldownViolations = 2,
            ValidationLockedUntil = 1_700_000_030.5,
            LastSubmitTime = 1_699_999_000.75,
            Rating = new GlickoRating(1668.95, 296.2, 0.2),
        };
        miner.Observations.AddRange([1_699_990_000.5, 1_699_999_000.75]);
        using (var store = new ValidatorStateStore(path)) store.Save(miner);

        using var reopened = new ValidatorStateStore(path);
        var loaded = reopened.LoadAll()[7];
        Assert.Equal(miner.Hotkey, loaded.Hotkey);
        Assert.Equal(miner.FidelityScore, loaded.FidelityScore);
        Assert.Equal(miner.AssignedTask, loaded.AssignedTask);
        Assert.Equal(miner.AssignmentTime, loaded.AssignmentTime);
        Assert.Equal(miner.CooldownUntil, loaded.CooldownUntil);
        Assert.Equal(miner.CooldownViolations, loaded.CooldownViolations);
        Assert.Equal(miner.ValidationLockedUntil, loaded.ValidationLockedUntil);
        Assert.Equal(miner.LastSubmitTime, loaded.LastSubmitTime);
        Assert.Equal(miner.Rating, loaded.Rating);
        Assert.Equal(miner.Observations, loaded.Observations);
    }

    [Fact]
    public void Saving_again_replaces_the_record_and_its_observations()
    {
        using var store = new ValidatorStateStore(Path.Combine(_dir, "v.db"));
        var miner = new MinerRecord(1, "a");
        miner.Observations.Add(1);
        store.Save(miner);
        miner.ResetForNewHotkey("b");
        store.Save(miner);
        var loaded = store.LoadAll()[1];
        Assert.Equal("b", loaded.Hotkey);
        Assert.Empty(loaded.Observations);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { Debug.WriteLine("temp dir busy"); }
    }
}
