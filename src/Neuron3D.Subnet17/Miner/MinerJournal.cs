using Microsoft.Data.Sqlite;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Miner;

/// <summary>How far a journaled task got.</summary>
public enum JournalStatus { Pulled, Generated, Submitted, Skipped, Failed, Scored }

/// <summary>One task's journal row.</summary>
public sealed record JournalEntry(
    string TaskId, int ValidatorUid, string ValidatorHotkey, TaskKind Kind, string Prompt, JournalStatus Status,
    double PulledAt, double? GenerationSeconds, string? ResultSha256, long? ResultBytes, double? SubmittedAt,
    string? Note, Feedback? Feedback);

/// <summary>Per-validator history for `neuron3d miner status` (times in unix seconds).</summary>
public sealed record ValidatorHistory(
    int ValidatorUid, string ValidatorHotkey, int Tasks, int Submitted, int Accepted, int Skipped, int Failed,
    double AcceptanceRate, double? AverageScore, double? AverageGenerationSeconds, Feedback? LatestFeedback,
    double LastPulledAt);

/// <summary>
/// The miner's persistent journal (SQLite under <c>--neuron.full_path</c>): every pulled task, its generation time,
/// the hash and size of what was submitted, and the validator's feedback. Written before and after each step, so a
/// restarted miner knows what it was doing and <c>miner status</c> can show history. Thread-safe (one connection,
/// serialised).
/// </summary>
public sealed class MinerJournal : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();

    public MinerJournal(string path)
    {
        _db = SqliteFiles.Open(path, """
            CREATE TABLE IF NOT EXISTS tasks(
              task_id TEXT NOT NULL, validator_uid INTEGER NOT NULL, validator_hotkey TEXT NOT NULL,
              kind TEXT NOT NULL, prompt TEXT NOT NULL, status TEXT NOT NULL, pulled_at REAL NOT NULL,
              generation_seconds REAL, result_sha256 TEXT, result_bytes INTEGER, submitted_at REAL, note TEXT,
              validation_failed INTEGER, task_score REAL, average_score REAL, window_count INTEGER, rating REAL, reward REAL,
              PRIMARY KEY(task_id, validator_hotkey));
            CREATE INDEX IF NOT EXISTS tasks_by_time ON tasks(pulled_at);
            CREATE INDEX IF NOT EXISTS tasks_by_validator ON tasks(validator_uid, validator_hotkey, pulled_at);
            CREATE INDEX IF NOT EXISTS tasks_by_status ON tasks(status);
            """);
    }

    /// <summary>A task arrived from a validator. A task pulled again (same id) keeps its row.</summary>
    public void Pulled(Sn17Task task, int validatorUid, string validatorHotkey, double at) => Write("""
        INSERT OR IGNORE INTO tasks(task_id, validator_uid, validator_hotkey, kind, prompt, status, pulled_at)
        VALUES($id, $uid, $hotkey, $kind, $prompt, 'Pulled', $at)
        """, ("$id", task.Id), ("$uid", validatorUid), ("$hotkey", validatorHotkey), ("$kind", task.Kind.ToString()),
        ("$prompt", task.Prompt), ("$at", at));

    /// <summary>Generation finished; <paramref name="sha256"/> and <paramref name="bytes"/> describe the SPZ to submit.</summary>
    public void Generated(string taskId, string validatorHotkey, double seconds, string sha256, long bytes) => Write("""
        UPDATE tasks SET status='Generated', generation_seconds=$s, result_sha256=$h, result_bytes=$b
        WHERE task_id=$id AND validator_hotkey=$hotkey
        """, ("$id", taskId), ("$hotkey", validatorHotkey), ("$s", seconds), ("$h", sha256), ("$b", bytes));

    /// <summary>The result went out (or an empty one, with <paramref name="skipReason"/> saying why).</summary>
    public void Submitted(string taskId, string validatorHotkey, double at, string? skipReason = null) => Write("""
        UPDATE tasks SET status=$status, submitted_at=$at, note=coalesce($note, note)
        WHERE task_id=$id AND validator_hotkey=$hotkey
        """, ("$id", taskId), ("$hotkey", validatorHotkey), ("$at", at),
        ("$status", skipReason is null ? nameof(JournalStatus.Submitted) : nameof(JournalStatus.Skipped)), ("$note", (object?)skipReason ?? DBNull.Value));

    /// <summary>The step failed (transport, generation, validator refused); <paramref name="reason"/> is kept.</summary>
    public void Failed(string taskId, string validatorHotkey, string reason) => Write("""
        UPDATE tasks SET status='Failed', note=$note WHERE task_id=$id AND validator_hotkey=$hotkey
        """, ("$id", taskId), ("$hotkey", validatorHotkey), ("$note", reason));

    /// <summary>The validator's feedback for a submitted task.</summary>
    public void Scored(string taskId, string validatorHotkey, Feedback feedback) => Write("""
        UPDATE tasks SET status=CASE WHEN status='Skipped' THEN 'Skipped' ELSE 'Scored' END,
          validation_failed=$vf, task_score=$ts, average_score=$avg, window_count=$w, rating=$r, reward=$rw
        WHERE task_id=$id AND validator_hotkey=$hotkey
        """, ("$id", taskId), ("$hotkey", validatorHotkey), ("$vf", feedback.ValidationFailed ? 1 : 0),
        ("$ts", feedback.TaskFidelityScore), ("$avg", feedback.AverageFidelityScore), ("$w", feedback.GenerationsWithinTheWindow),
        ("$r", feedback.CurrentDuelRating), ("$rw", feedback.CurrentMinerReward));

    /// <summary>Tasks pulled but never submitted — what a restarted miner should finish first (validators re-send them).</summary>
    public IReadOnlyList<JournalEntry> Unfinished() => Query("WHERE status IN ('Pulled','Generated') ORDER BY pulled_at");

    /// <summary>The newest <paramref name="limit"/> entries, newest first.</summary>
    public IReadOnlyList<JournalEntry> Recent(int limit = 50) => Query($"ORDER BY pulled_at DESC LIMIT {Math.Max(0, limit)}");

    /// <summary>
    /// History per validator: counts, acceptance rate (accepted ÷ submitted), average score and generation time, the
    /// newest feedback. Aggregated in SQL so that a journal of months (and a scrape of /metrics) stays cheap.
    /// </summary>
    public IReadOnlyList<ValidatorHistory> History()
    {
        lock (_gate)
        {
            var rows = new List<ValidatorHistory>();
            using (var cmd = _db.CreateCommand())
            {
                cmd.CommandText = """
                    SELECT validator_uid, validator_hotkey, count(*),
                      sum(status IN ('Submitted','Scored')),
                      sum(status = 'Scored' AND validation_failed = 0 AND task_score > 0),
                      sum(status = 'Skipped'), sum(status = 'Failed'),
                      avg(CASE WHEN status = 'Scored' AND validation_failed = 0 THEN task_score END),
                      avg(generation_seconds), max(pulled_at)
                    FROM tasks GROUP BY validator_uid, validator_hotkey ORDER BY validator_uid, validator_hotkey
                    """;
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var submitted = r.GetInt32(3);
                    var accepted = r.GetInt32(4);
                    rows.Add(new ValidatorHistory(r.GetInt32(0), r.GetString(1), r.GetInt32(2), submitted, accepted,
                        r.GetInt32(5), r.GetInt32(6), submitted == 0 ? 0 : (double)accepted / submitted,
                        r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetDouble(8), null, r.GetDouble(9)));
                }
            }
            for (var i = 0; i < rows.Count; i++)
            {
                using var cmd = _db.CreateCommand();
                cmd.CommandText = """
                    SELECT validation_failed, task_score, average_score, window_count, rating, reward FROM tasks
                    WHERE validator_uid = $uid AND validator_hotkey = $hotkey AND validation_failed IS NOT NULL
                    ORDER BY pulled_at DESC LIMIT 1
                    """;
                cmd.Parameters.AddWithValue("$uid", rows[i].ValidatorUid);
                cmd.Parameters.AddWithValue("$hotkey", rows[i].ValidatorHotkey);
                using var r = cmd.ExecuteReader();
                if (r.Read())
                    rows[i] = rows[i] with { LatestFeedback = new Feedback(r.GetInt32(0) != 0, r.GetDouble(1), r.GetDouble(2), r.GetInt32(3), r.GetDouble(4), r.GetDouble(5)) };
            }
            return rows;
        }
    }

    private IReadOnlyList<JournalEntry> Query(string tail)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT * FROM tasks " + tail;
            using var r = cmd.ExecuteReader();
            var list = new List<JournalEntry>();
            while (r.Read())
            {
                Feedback? feedback = r.IsDBNull(12) ? null : new Feedback(r.GetInt32(12) != 0, r.GetDouble(13), r.GetDouble(14),
                    r.GetInt32(15), r.GetDouble(16), r.GetDouble(17));
                list.Add(new JournalEntry(r.GetString(0), r.GetInt32(1), r.GetString(2), Enum.Parse<TaskKind>(r.GetString(3)),
                    r.GetString(4), Enum.Parse<JournalStatus>(r.GetString(5)), r.GetDouble(6),
                    r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetString(8),
                    r.IsDBNull(9) ? null : r.GetInt64(9), r.IsDBNull(10) ? null : r.GetDouble(10),
                    r.IsDBNull(11) ? null : r.GetString(11), feedback));
            }
            return list;
        }
    }

    private void Write(string sql, params (string Name, object Value)[] parameters)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
            cmd.ExecuteNonQuery();
        }
    }

    public void Dispose() => _db.Dispose();
}
