using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace CxBot.Storage;

/// <summary>
/// Tells an outage of the store (Redis unreachable or still loading, a full disk or an I/O error under the
/// database, a database busy past its timeout) from a bug: an outage is answered with 503 and retried, a bug is not.
/// </summary>
public static class StoreFailures
{
    private static readonly string[] UnavailableReplies = ["LOADING", "MASTERDOWN", "READONLY", "BUSY", "TRYAGAIN"];

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException or IOException => true,
        RedisServerException server => UnavailableReplies.Any(reply => server.Message.StartsWith(reply, StringComparison.Ordinal)),
        // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 13 or 14,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
