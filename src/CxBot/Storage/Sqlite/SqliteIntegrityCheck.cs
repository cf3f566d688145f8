using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// The integrity check of a large database, run from its own connection a few seconds after the host has started (it
/// reads every page: seconds for gigabytes, which would hold up the start). If it finds damage, the store refuses further writes
/// and the host stops, with the message that names the file and how to restore it.
/// </summary>
public sealed partial class SqliteIntegrityCheck(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<SqliteIntegrityCheck> logger) : BackgroundService
{
    /// <summary>The check waits this long, so it does not take the CPU from the start itself.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        if (!services.GetRequiredService<IOptions<StorageOptions>>().Value.IsSqlite) return;
        if (services.GetRequiredService<SqliteConversationStore>() is not { IntegrityCheckDeferred: true } store) return;
        await Task.Delay(Delay, stoppingToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        string result;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            result = SqliteDatabase.QuickCheck(connection);
        }
        catch (SqliteException e)
        {
            result = e.Message;
        }

        if (result == "ok")
        {
            LogChecked(logger, store.DatabasePath, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return;
        }

        var damaged = new StoreDamagedException(store.DatabasePath, result);
        store.MarkDamaged(damaged.Message);
        LogDamaged(logger, damaged.Message);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DatabasePath} passed its integrity check in {Milliseconds} ms")]
    private static partial void LogChecked(ILogger logger, string databasePath, double milliseconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    private static partial void LogDamaged(ILogger logger, string problem);
}
