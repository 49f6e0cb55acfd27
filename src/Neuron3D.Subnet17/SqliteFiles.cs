using Microsoft.Data.Sqlite;

namespace Neuron3D.Subnet17;

/// <summary>
/// Opens the SQLite files neurons keep under <c>--neuron.full_path</c>: the folder is created, the journal is WAL and
/// every commit is fsynced (synchronous=FULL), so a process killed at any point loses nothing it acknowledged.
/// </summary>
internal static class SqliteFiles
{
    /// <summary>Opens (creating if needed) <paramref name="path"/> and runs <paramref name="schema"/> on it.</summary>
    public static SqliteConnection Open(string path, string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;\n" + schema;
        cmd.ExecuteNonQuery();
        return db;
    }
}
