using StackExchange.Redis;

namespace CxBot.Storage.Redis;

/// <summary>Every key CxBot uses, built in one place under the <c>cxbot:</c> prefix.</summary>
public static class RedisKeys
{
    public const string Prefix = "cxbot:";

    public static RedisKey Conversation(string id) => $"{Prefix}conv:{{{id}}}";
    public static RedisKey Sequence(string id) => $"{Prefix}conv:{{{id}}}:seq";
    public static RedisKey Log(string id) => $"{Prefix}conv:{{{id}}}:log";
    public static RedisKey State(string id) => $"{Prefix}conv:{{{id}}}:state";
    public static RedisKey Lock(string id) => $"{Prefix}conv:{{{id}}}:lock";

    /// <summary>Set of the documents linked to the conversation, as <c>collection\nkey</c>.</summary>
    public static RedisKey LinkedDocuments(string id) => $"{Prefix}conv:{{{id}}}:docs";

    /// <summary>Hash of the files a customer sent in the conversation (id → description), and each file's bytes and thumbnail.</summary>
    public static RedisKey Files(string id) => $"{Prefix}conv:{{{id}}}:files";
    public static RedisKey FileContent(string id, string fileId) => $"{Prefix}conv:{{{id}}}:file:{fileId}";
    public static RedisKey FileThumbnail(string id, string fileId) => $"{Prefix}conv:{{{id}}}:file:{fileId}:thumb";

    /// <summary>Sorted sets of conversation ids: by start, by last activity (retention), open ones by the customer's last message, not ended / ended by last activity.</summary>
    public static RedisKey ByStart => Prefix + "idx:started";
    public static RedisKey ByActivity => Prefix + "idx:active";
    public static RedisKey Open => Prefix + "idx:open";
    public static RedisKey Unended => Prefix + "idx:unended";
    public static RedisKey Ended => Prefix + "idx:ended";

    /// <summary>Set of a customer's conversation ids.</summary>
    public static RedisKey Customer(string userId) => $"{Prefix}idx:user:{userId}";

    public static RedisKey Documents(string collection) => $"{Prefix}doc:{collection}";

    /// <summary>Per document of an indexed or linked collection, its indexed fields as last written, to take them out when it changes.</summary>
    public static RedisKey DocumentFields(string collection) => $"{Prefix}doc:{collection}:fields";
    public static RedisKey DocumentsByTime(string collection) => $"{Prefix}doc:{collection}:by-time";
    public static RedisKey DocumentsByStatus(string collection, string status) => $"{Prefix}doc:{collection}:status:{status}";

    /// <summary>The set every conversation id was kept in before the indexes above existed (read once to build them).</summary>
    public static RedisKey LegacyConversations => Prefix + "conversations";

    /// <summary>The version of the keys' layout; 2 once the indexes were built for data written before them.</summary>
    public static RedisKey Schema => Prefix + "schema";

    public static RedisChannel Feed { get; } = RedisChannel.Literal(Prefix + "feed");
}
