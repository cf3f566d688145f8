using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// Opens the data folder's database for one CxBot process: takes the folder's lock, sets WAL and the durability
/// asked for, checks the file's integrity and brings its schema up to date. A damaged or unreadable file stops
/// the start with <see cref="StoreDamagedException"/>, naming the file and how to restore it.
/// </summary>
internal sealed partial class SqliteDatabase : IDisposable
{
    private readonly FileStream _lock;

    private SqliteDatabase(string directory, string path, FileStream folderLock, SqliteConnection writer)
    {
        Directory = directory;
        Path = path;
        _lock = folderLock;
        WriterConnection = writer;
        ReaderConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
    }

    public string Directory { get; }
    public string Path { get; }
    public SqliteConnection WriterConnection { get; }
    public string ReaderConnectionString { get; }

    public static SqliteDatabase Open(StorageOptions options, ILogger logger)
    {
        var directory = System.IO.Path.GetFullPath(options.DataDirectory);
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, SqliteConversationStore.DatabaseFileName);
        FileStream folderLock;
        try
        {
            // The cache assumes one writing process: a second instance on the same folder fails here, loudly.
            folderLock = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"Cannot open the database '{path}': is another CxBot instance using the same Storage:DataDirectory? ({e.Message})", e);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, $"PRAGMA synchronous = {(options.Durability == "Full" ? "FULL" : "NORMAL")}");
            // Erased and masked text is overwritten in the file, not only unlinked.
            Execute(connection, "PRAGMA secure_delete = ON");
            Execute(connection, "PRAGMA busy_timeout = 2000");
            Execute(connection, "PRAGMA cache_size = -16000");
            // Checkpoints run beside the writer (SqliteCheckpointer), not inside its commits.
            Execute(connection, "PRAGMA wal_autocheckpoint = 0");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            // A small database is checked whole before anything reads it. A large one (a quick check reads every page:
            // seconds for gigabytes) is checked right after start, beside the running host (SqliteIntegrityCheck);
            // reading its schema here still stops a file that is not a database at all.
            var deferred = new FileInfo(path).Length > options.IntegrityCheckBeforeStartMegabytes * (1L << 20);
            if (!deferred && QuickCheck(connection) is var check && check != "ok") throw new StoreDamagedException(path, check);
            var found = SqliteSchema.Migrate(connection);
            if (options.MaxDatabaseMegabytes > 0)
            {
                var pageSize = Convert.ToInt64(Scalar(connection, "PRAGMA page_size"), System.Globalization.CultureInfo.InvariantCulture);
                Execute(connection, $"PRAGMA max_page_count = {Math.Max(64, options.MaxDatabaseMegabytes * 1024L * 1024 / pageSize)}");
            }

            LogOpened(logger, path, found, SqliteSchema.Latest, deferred ? "after start" : "before start", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new SqliteDatabase(directory, path, folderLock, connection) { CheckDeferred = deferred };
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT, SQLITE_NOTADB
            connection.Dispose();
            folderLock.Dispose();
            throw new StoreDamagedException(path, e.Message);
        }
        catch
        {
            connection.Dispose();
            folderLock.Dispose();
            throw;
        }

    }

    /// <summary>The integrity check is left to <see cref="SqliteIntegrityCheck"/>, after start.</summary>
    public bool CheckDeferred { get; private init; }

    /// <summary>SQLite's quick integrity check (structure of every page, not index contents): "ok" or the problems found.</summary>
    internal static string QuickCheck(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(5)";
        using var reader = command.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read()) problems.Add(reader.GetString(0));
        return string.Join("; ", problems);
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        try
        {
            // Leave a small database file behind: fold the WAL back in on a clean stop.
            Execute(WriterConnection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException) { /* a reader still open; the next start reads the WAL */ }

        WriterConnection.Dispose();
        _lock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DatabasePath} opened: schema version {Found} → {Latest}, integrity checked {When}, in {Milliseconds} ms")]
    private static partial void LogOpened(ILogger logger, string databasePath, int found, int latest, string when, double milliseconds);
}
