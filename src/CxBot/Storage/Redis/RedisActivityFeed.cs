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
        _subscriber.Subscribe(RedisKeys.Feed, (_, conversationId) => _local.Publish(conversationId!));
    }

    public void Publish(string conversationId)
    {
        _local.Publish(conversationId);
        _subscriber.Publish(RedisKeys.Feed, conversationId, CommandFlags.FireAndForget);
    }

    public IDisposable Subscribe(string conversationId, Action onAppended) => _local.Subscribe(conversationId, onAppended);
}
