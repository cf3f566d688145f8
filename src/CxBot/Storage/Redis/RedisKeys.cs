using StackExchange.Redis;

namespace CxBot.Storage.Redis;

/// <summary>Every key CxBot uses, built in one place under the <c>cxbot:</c> prefix.</summary>
public static class RedisKeys
{
    public const string Prefix = "cxbot:";

    public static RedisKey Conversations => Prefix + "conversations";
    public static RedisKey Conversation(string id) => $"{Prefix}conv:{{{id}}}";
    public static RedisKey Sequence(string id) => $"{Prefix}conv:{{{id}}}:seq";
    public static RedisKey Log(string id) => $"{Prefix}conv:{{{id}}}:log";
    public static RedisKey State(string id) => $"{Prefix}conv:{{{id}}}:state";
    public static RedisKey Lock(string id) => $"{Prefix}conv:{{{id}}}:lock";
    public static RedisKey Documents(string collection) => $"{Prefix}doc:{collection}";
    public static RedisChannel Feed { get; } = RedisChannel.Literal(Prefix + "feed");
}
