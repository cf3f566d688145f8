using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// Copies the WAL back into the database file from its own connection, so the writer never pays for it inside a
/// commit (SQLite's automatic checkpoint would, at every 1,000 pages: the slow tail of a turn). It runs every ten
/// seconds, or sooner once the WAL passes 32 MB: a live conversation's pages are rewritten at every turn, and a less
/// frequent checkpoint copies each of them once. A passive checkpoint neither waits for nor blocks readers and the
/// writer; the writer restarts the WAL once it is copied.
/// </summary>
internal sealed partial class SqliteCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly Timer _timer;
    private readonly string _wal;
    private long _last = System.Diagnostics.Stopwatch.GetTimestamp();
    private int _running;

    public SqliteCheckpointer(string databasePath, string connectionString, ILogger logger)
    {
        _logger = logger;
        _wal = databasePath + "-wal";
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _timer = new Timer(_ => Checkpoint(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void Checkpoint()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1) return;
        try
        {
            var due = System.Diagnostics.Stopwatch.GetElapsedTime(_last) >= TimeSpan.FromSeconds(10);
            if (!due && !(File.Exists(_wal) && new FileInfo(_wal).Length > 32 << 20)) return;
            _last = System.Diagnostics.Stopwatch.GetTimestamp();
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            LogFailed(_logger, e.Message);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public void Dispose()
    {
        using (var stopped = new ManualResetEvent(false))
            if (_timer.Dispose(stopped)) stopped.WaitOne(TimeSpan.FromSeconds(10));
        _connection.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed, will retry: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
