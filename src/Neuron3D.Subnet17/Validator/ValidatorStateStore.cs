using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator;

/// <summary>
/// Persists every miner's <see cref="MinerRecord"/> in SQLite (WAL, synchronous=FULL) under the validator's
/// <c>--neuron.full_path</c>, so a validator killed at any point restarts with every accepted result, cooldown and
/// rating it had acknowledged. One row per uid; observations in their own table.
/// </summary>
public sealed class ValidatorStateStore : IDisposable
{
    private readonly SqliteConnection _db;
    // One connection for the whole validator: handlers of different miners save concurrently, SQLite connections are not thread-safe.
    private readonly Lock _gate = new();

    public ValidatorStateStore(string path)
    {
        _db = SqliteFiles.Open(path, """
            CREATE TABLE IF NOT EXISTS miners(
              uid INTEGER PRIMARY KEY, hotkey TEXT NOT NULL, fidelity REAL NOT NULL,
              assigned_task TEXT, assignment_time REAL, cooldown_until INTEGER NOT NULL, cooldown_violations INTEGER NOT NULL,
              validation_locked_until REAL NOT NULL, last_submit_time REAL NOT NULL,
              rating REAL NOT NULL, rating_deviation REAL NOT NULL, rating_volatility REAL NOT NULL);
            CREATE TABLE IF NOT EXISTS observations(uid INTEGER NOT NULL, at REAL NOT NULL);
            CREATE INDEX IF NOT EXISTS observations_uid ON observations(uid);
            """);
    }

    /// <summary>Writes the record (and its observations) atomically.</summary>
    public void Save(MinerRecord miner)
    {
        lock (_gate) SaveLocked(miner);
    }

    private void SaveLocked(MinerRecord miner)
    {
        using var tx = _db.BeginTransaction();
        using (var cmd = _db.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT OR REPLACE INTO miners VALUES($uid,$hotkey,$fidelity,$task,$assigned,$cooldown,$violations,$locked,$last,$r,$rd,$vol);
                DELETE FROM observations WHERE uid=$uid;
                """;
            cmd.Parameters.AddWithValue("$uid", miner.Uid);
            cmd.Parameters.AddWithValue("$hotkey", miner.Hotkey);
            cmd.Parameters.AddWithValue("$fidelity", miner.FidelityScore);
            cmd.Parameters.AddWithValue("$task", miner.AssignedTask is null ? DBNull.Value : JsonSerializer.Serialize(miner.AssignedTask));
            cmd.Parameters.AddWithValue("$assigned", miner.AssignmentTime is { } a ? a : DBNull.Value);
            cmd.Parameters.AddWithValue("$cooldown", miner.CooldownUntil);
            cmd.Parameters.AddWithValue("$violations", miner.CooldownViolations);
            cmd.Parameters.AddWithValue("$locked", miner.ValidationLockedUntil);
            cmd.Parameters.AddWithValue("$last", miner.LastSubmitTime);
            cmd.Parameters.AddWithValue("$r", miner.Rating.Rating);
            cmd.Parameters.AddWithValue("$rd", miner.Rating.Deviation);
            cmd.Parameters.AddWithValue("$vol", miner.Rating.Volatility);
            cmd.ExecuteNonQuery();
        }
        foreach (var at in miner.Observations)
        {
            using var obs = _db.CreateCommand();
            obs.Transaction = tx;
            obs.CommandText = "INSERT INTO observations VALUES($uid,$at)";
            obs.Parameters.AddWithValue("$uid", miner.Uid);
            obs.Parameters.AddWithValue("$at", at);
            obs.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>All stored records, by uid.</summary>
    public Dictionary<int, MinerRecord> LoadAll()
    {
        lock (_gate) return LoadAllLocked();
    }

    private Dictionary<int, MinerRecord> LoadAllLocked()
    {
        var result = new Dictionary<int, MinerRecord>();
        using (var cmd = _db.CreateCommand())
        {
            cmd.CommandText = "SELECT * FROM miners";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var miner = new MinerRecord(r.GetInt32(0), r.GetString(1))
                {
                    FidelityScore = r.GetDouble(2),
                    AssignedTask = r.IsDBNull(3) ? null : JsonSerializer.Deserialize<Sn17Task>(r.GetString(3)),
                    AssignmentTime = r.IsDBNull(4) ? null : r.GetDouble(4),
                    CooldownUntil = r.GetInt64(5),
                    CooldownViolations = r.GetInt32(6),
                    ValidationLockedUntil = r.GetDouble(7),
                    LastSubmitTime = r.GetDouble(8),
                    Rating = new GlickoRating(r.GetDouble(9), r.GetDouble(10), r.GetDouble(11)),
                };
                result[miner.Uid] = miner;
            }
        }
        using (var cmd = _db.CreateCommand())
        {
            cmd.CommandText = "SELECT uid, at FROM observations ORDER BY uid, at";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (result.TryGetValue(r.GetInt32(0), out var miner)) miner.Observations.Add(r.GetDouble(1));
        }
        return result;
    }

    public void Dispose() => _db.Dispose();

    /// <summary>Invariant rendering for log lines.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ValidatorStateStore({_db.DataSource})");
}
