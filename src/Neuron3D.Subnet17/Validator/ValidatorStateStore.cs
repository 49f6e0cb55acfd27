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
            CREATE TABLE IF NOT EXISTS weights_attempts(
              at_ms INTEGER NOT NULL, outcome TEXT NOT NULL, block INTEGER, uids TEXT NOT NULL, vals TEXT NOT NULL,
              committed INTEGER NOT NULL, message TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
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

    /// <summary>Appends one weights attempt (only the newest success and the newest attempt are ever read back).</summary>
    public void SaveWeightsAttempt(WeightsAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "INSERT INTO weights_attempts VALUES($at,$outcome,$block,$uids,$vals,$committed,$message)";
            cmd.Parameters.AddWithValue("$at", attempt.At.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$outcome", attempt.Outcome.ToString());
            cmd.Parameters.AddWithValue("$block", attempt.Block is { } b ? (long)b : DBNull.Value);
            cmd.Parameters.AddWithValue("$uids", string.Join(',', attempt.Uids));
            cmd.Parameters.AddWithValue("$vals", string.Join(',', attempt.Values));
            cmd.Parameters.AddWithValue("$committed", attempt.Committed ? 1 : 0);
            cmd.Parameters.AddWithValue("$message", attempt.Message);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The newest stored weights attempt, or with <paramref name="successOnly"/> the newest one that set weights; null if none.</summary>
    public WeightsAttempt? LastWeightsAttempt(bool successOnly)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT at_ms, outcome, block, uids, vals, committed, message FROM weights_attempts " +
                              (successOnly ? "WHERE outcome = $set " : "") + "ORDER BY rowid DESC LIMIT 1";
            cmd.Parameters.AddWithValue("$set", nameof(WeightsOutcome.Set));
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            return new WeightsAttempt(DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), Enum.Parse<WeightsOutcome>(r.GetString(1)),
                r.IsDBNull(2) ? null : (ulong)r.GetInt64(2), U16List(r.GetString(3)), U16List(r.GetString(4)), r.GetInt64(5) != 0, r.GetString(6));
        }
    }

    /// <summary>Stores a named setting of the run (e.g. which scorer judges fidelity) for status reports.</summary>
    public void WriteSetting(string key, string value)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "INSERT OR REPLACE INTO settings VALUES($key,$value)";
            cmd.Parameters.AddWithValue("$key", key);
            cmd.Parameters.AddWithValue("$value", value);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>A setting written by <see cref="WriteSetting"/>, or null.</summary>
    public string? ReadSetting(string key)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT value FROM settings WHERE key=$key";
            cmd.Parameters.AddWithValue("$key", key);
            return cmd.ExecuteScalar() as string;
        }
    }

    private static ushort[] U16List(string text) =>
        text.Length == 0 ? [] : text.Split(',').Select(v => ushort.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    public void Dispose() => _db.Dispose();

    /// <summary>Invariant rendering for log lines.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ValidatorStateStore({_db.DataSource})");
}
