using Microsoft.Data.Sqlite;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// A consistent copy of the data folder's database, made with SQLite's online backup while CxBot keeps running
/// (a reader's snapshot: writes go on and are simply not in the copy). The copy is checked before it is moved
/// into place, so a file at the target is always a whole, readable database.
/// </summary>
public static class SqliteBackup
{
    /// <summary>What was copied.</summary>
    public sealed record Result(string Source, string Target, long Bytes, long Conversations, long Activities, double Milliseconds);

    public static Result Run(string dataDirectory, string target)
    {
        var source = Path.Combine(Path.GetFullPath(dataDirectory), SqliteConversationStore.DatabaseFileName);
        if (!File.Exists(source)) throw new FileNotFoundException($"There is no database at '{source}'.", source);
        target = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
        using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
        {
            from.Open();
            SqliteDatabase.Execute(from, "PRAGMA busy_timeout = 10000");
            to.Open();
            from.BackupDatabase(to);
            // A single file is easier to keep and restore: no WAL beside it.
            SqliteDatabase.Execute(to, "PRAGMA journal_mode = DELETE");
            if (SqliteDatabase.Scalar(to, "PRAGMA quick_check") is not "ok") throw new InvalidOperationException($"The copy at '{partial}' failed its integrity check; the source may be damaged.");
        }

        var conversations = Count(partial, "conversations");
        var activities = Count(partial, "activities");
        File.Move(partial, target, overwrite: true);
        return new Result(source, target, new FileInfo(target).Length, conversations, activities, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static long Count(string path, string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return Convert.ToInt64(SqliteDatabase.Scalar(connection, $"SELECT count(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);
    }
}
