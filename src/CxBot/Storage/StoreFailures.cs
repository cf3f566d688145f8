using StackExchange.Redis;

namespace CxBot.Storage;

/// <summary>
/// Tells an outage of the store (Redis unreachable or still loading, a disk that refuses writes) from a
/// bug: an outage is answered with 503 and retried, a bug is not.
/// </summary>
public static class StoreFailures
{
    private static readonly string[] UnavailableReplies = ["LOADING", "MASTERDOWN", "READONLY", "BUSY", "TRYAGAIN"];

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException or IOException => true,
        RedisServerException server => UnavailableReplies.Any(reply => server.Message.StartsWith(reply, StringComparison.Ordinal)),
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
