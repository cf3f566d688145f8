using CxBot.Turns;
using StackExchange.Redis;

namespace CxBot.Storage.Redis;

/// <summary>
/// A per-conversation lock shared by every instance: a key set only if absent, with the holder's token and
/// an expiry, so an instance that dies holding it blocks the conversation for at most <see cref="Expiry"/>.
/// Only the holder can release it.
/// </summary>
public sealed class RedisConversationLock(IConnectionMultiplexer redis, TimeProvider time) : IConversationLock
{
    /// <summary>Longer than any turn (an LLM answer times out well before).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var key = RedisKeys.Lock(conversationId);
        var token = Guid.NewGuid().ToString("N");
        var pause = TimeSpan.FromMilliseconds(5);
        var started = time.GetTimestamp();
        while (!await db.StringSetAsync(key, token, Expiry, When.NotExists))
        {
            if (time.GetElapsedTime(started) > Expiry + Expiry)
                throw new TimeoutException($"Conversation {conversationId} stayed locked for {(Expiry + Expiry).TotalSeconds} s.");
            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 100));
        }

        return new Held(db, key, token);
    }

    private sealed class Held(IDatabase db, RedisKey key, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.ScriptEvaluateAsync(ReleaseScript, [key], [token]);
            }
            catch (Exception e) when (StoreFailures.IsUnavailable(e))
            {
                // Redis is away: the lock expires by itself.
            }
        }
    }
}
