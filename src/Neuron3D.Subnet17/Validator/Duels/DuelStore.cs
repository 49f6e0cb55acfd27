using System.Text.Json;
using Microsoft.Data.Sqlite;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>Everything <see cref="DuelStore"/> keeps: pull times, the last nonce, unresolved duels and ratings.</summary>
public sealed record DuelState(Dictionary<int, double> LastPulls, long LastNonce, List<Duel> Duels, Dictionary<int, GlickoRating> Ratings);

/// <summary>
/// Persists the duel state in the validator's SQLite file (beside <see cref="ValidatorStateStore"/>'s tables, in tables
/// of its own: <c>duels</c>, <c>duel_pulls</c>, <c>duel_meta</c>, <c>duel_ratings</c>), so queued, started and
/// awaiting duels and every rating survive a restart. A judged duel's removal and the two new ratings are written in
/// one transaction: a crash never applies a duel twice or loses half of it.
/// </summary>
public sealed class DuelStore : IDisposable
{
    private readonly SqliteConnection _db;

    /// <param name="path">The validator's state file (the same file <see cref="ValidatorStateStore"/> uses).</param>
    public DuelStore(string path)
    {
        _db = SqliteFiles.Open(path, """
            CREATE TABLE IF NOT EXISTS duels(
              nonce INTEGER PRIMARY KEY, task TEXT NOT NULL, created REAL NOT NULL, last_activity REAL NOT NULL,
              left_uid INTEGER NOT NULL, left_started INTEGER NOT NULL, left_finished INTEGER NOT NULL, left_preview BLOB,
              right_uid INTEGER NOT NULL, right_started INTEGER NOT NULL, right_finished INTEGER NOT NULL, right_preview BLOB);
            CREATE TABLE IF NOT EXISTS duel_pulls(uid INTEGER PRIMARY KEY, at REAL NOT NULL);
            CREATE TABLE IF NOT EXISTS duel_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS duel_ratings(uid INTEGER PRIMARY KEY, rating REAL NOT NULL, rd REAL NOT NULL, vol REAL NOT NULL);
            """);
    }

    /// <summary>Records a pull: the uid's pull time, the last nonce, a duel made by it and the duel handed out.</summary>
    public void SavePull(int uid, double at, long lastNonce, DuelTake take)
    {
        using var tx = _db.BeginTransaction();
        Execute(tx, "INSERT OR REPLACE INTO duel_pulls VALUES($uid,$at)", ("$uid", uid), ("$at", at));
        Execute(tx, "INSERT OR REPLACE INTO duel_meta VALUES('last_nonce',$nonce)", ("$nonce", lastNonce));
        if (take.Created is { } created && !ReferenceEquals(created, take.Taken)) Upsert(tx, created);
        if (take.Taken is { } taken) Upsert(tx, taken);
        tx.Commit();
    }

    /// <summary>Records one side's result (its preview, if any) of a duel still open.</summary>
    public void SaveResult(Duel duel, DuelSide side)
    {
        using var tx = _db.BeginTransaction();
        Upsert(tx, duel);
        var column = ReferenceEquals(side, duel.Left) ? "left_preview" : "right_preview";
        Execute(tx, $"UPDATE duels SET {column}=$png WHERE nonce=$nonce", ("$png", (object?)side.PreviewPng ?? DBNull.Value), ("$nonce", duel.Nonce));
        tx.Commit();
    }

    /// <summary>Removes resolved duels and writes the ratings they changed, atomically.</summary>
    public void Resolve(IEnumerable<Duel> duels, IEnumerable<(int Uid, GlickoRating Rating)> ratings)
    {
        using var tx = _db.BeginTransaction();
        foreach (var duel in duels) Execute(tx, "DELETE FROM duels WHERE nonce=$nonce", ("$nonce", duel.Nonce));
        foreach (var (uid, rating) in ratings) SaveRating(tx, uid, rating);
        tx.Commit();
    }

    /// <summary>Writes one uid's rating (e.g. reset when the uid changes hotkey).</summary>
    public void SaveRating(int uid, GlickoRating rating)
    {
        using var tx = _db.BeginTransaction();
        SaveRating(tx, uid, rating);
        tx.Commit();
    }

    /// <summary>Reads everything back.</summary>
    /// <exception cref="JsonException">A stored task is unreadable (the file was edited by hand or is damaged).</exception>
    public DuelState Load()
    {
        var pulls = new Dictionary<int, double>();
        foreach (var row in Query("SELECT uid, at FROM duel_pulls", r => (r.GetInt32(0), r.GetDouble(1)))) pulls[row.Item1] = row.Item2;
        var lastNonce = Query("SELECT value FROM duel_meta WHERE key='last_nonce'", r => r.GetInt64(0)).FirstOrDefault();
        var duels = Query("SELECT * FROM duels ORDER BY nonce", ReadDuel);
        var ratings = new Dictionary<int, GlickoRating>();
        foreach (var (uid, rating) in Query("SELECT uid, rating, rd, vol FROM duel_ratings",
                     r => (r.GetInt32(0), new GlickoRating(r.GetDouble(1), r.GetDouble(2), r.GetDouble(3)))))
            ratings[uid] = rating;
        return new DuelState(pulls, lastNonce, duels, ratings);
    }

    private static Duel ReadDuel(SqliteDataReader r)
    {
        var task = JsonSerializer.Deserialize<Sn17Task>(r.GetString(1)) ?? throw new JsonException($"duel {r.GetInt64(0)} has no task");
        static DuelSide Side(SqliteDataReader r, int at) => new(r.GetInt32(at))
        {
            Started = r.GetInt32(at + 1) != 0,
            Finished = r.GetInt32(at + 2) != 0,
            PreviewPng = r.IsDBNull(at + 3) ? null : (byte[])r.GetValue(at + 3),
        };
        return new Duel(r.GetInt64(0), task, Side(r, 4), Side(r, 8), r.GetDouble(2)) { LastActivity = r.GetDouble(3) };
    }

    // Previews are written once, by SaveResult: the upsert leaves the BLOB columns alone.
    private void Upsert(SqliteTransaction tx, Duel duel) => Execute(tx, """
        INSERT INTO duels VALUES($nonce,$task,$created,$activity,$lu,$ls,$lf,NULL,$ru,$rs,$rf,NULL)
        ON CONFLICT(nonce) DO UPDATE SET last_activity=$activity, left_started=$ls, left_finished=$lf, right_started=$rs, right_finished=$rf
        """,
        ("$nonce", duel.Nonce), ("$task", JsonSerializer.Serialize(duel.Task)), ("$created", duel.CreatedAt), ("$activity", duel.LastActivity),
        ("$lu", duel.Left.Uid), ("$ls", duel.Left.Started), ("$lf", duel.Left.Finished),
        ("$ru", duel.Right.Uid), ("$rs", duel.Right.Started), ("$rf", duel.Right.Finished));

    private void SaveRating(SqliteTransaction tx, int uid, GlickoRating rating) =>
        Execute(tx, "INSERT OR REPLACE INTO duel_ratings VALUES($uid,$r,$rd,$vol)",
            ("$uid", uid), ("$r", rating.Rating), ("$rd", rating.Deviation), ("$vol", rating.Volatility));

    private void Execute(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    public void Dispose() => _db.Dispose();
}
