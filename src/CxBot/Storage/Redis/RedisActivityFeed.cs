using CxBot.Conversations;
using StackExchange.Redis;

namespace CxBot.Storage.Redis;

/// <summary>
/// The activity feed across instances: a publish goes to every instance over Redis pub/sub, and each
/// instance wakes its own listeners. A lost message only delays a stream until its next wake-up or
/// heartbeat read: listeners always read from the store by watermark.
/// </summary>
public sealed class RedisActivityFeed : IActivityFeed
{
    private readonly LocalActivityFeed _local = new();
    private readonly ISubscriber _subscriber;

    public RedisActivityFeed(IConnectionMultiplexer redis)
    {
        _subscriber = redis.GetSubscriber();
        try
        {
            _subscriber.Subscribe(RedisKeys.Feed, (_, conversationId) => _local.Publish(conversationId!));
        }
        catch (RedisConnectionException)
        {
            // Redis is down at start. The subscription is registered all the same, and the client makes it
            // when the connection comes up; until then /healthz is red and nothing needs the feed.
        }
    }

    public void Publish(string conversationId)
    {
        _local.Publish(conversationId);
        try
        {
            _subscriber.Publish(RedisKeys.Feed, conversationId, CommandFlags.FireAndForget);
        }
        catch (RedisConnectionException)
        {
            // Listeners on other instances catch up at their next read; nothing is lost, only delayed.
        }
    }

    public IDisposable Subscribe(string conversationId, Action onAppended) => _local.Subscribe(conversationId, onAppended);
}
