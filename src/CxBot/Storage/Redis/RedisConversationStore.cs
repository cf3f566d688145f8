using System.Globalization;
using System.Text;
using System.Text.Json;
using CxBot.Activities;
using CxBot.Conversations;
using StackExchange.Redis;

namespace CxBot.Storage.Redis;

/// <summary>
/// Conversations, activity logs, state and documents in Redis, shared by every instance. An append
/// assigns the next sequence and stores the activity in one Lua script, so sequences have no gaps and
/// a log read on any instance sees exactly what was acknowledged. Keys of one conversation share a hash
/// tag, so the store also works on a Redis cluster.
/// </summary>
public sealed partial class RedisConversationStore(IConnectionMultiplexer redis, IEnumerable<DocumentIndex> indexes, TimeProvider time) : IConversationStore, IDocumentStore
{
    private readonly Dictionary<string, DocumentIndex> _indexes = indexes.ToDictionary(i => i.Collection, StringComparer.Ordinal);

    // Splices the id in front of the activity's JSON (which is written without one) once the sequence is known.
    // One script, one round trip: appends started one after another are stored in that order.
    private const string AppendScript = """
        if redis.call('EXISTS', KEYS[3]) == 0 then return -1 end
        local seq = redis.call('INCR', KEYS[1])
        local json = '{"id":"' .. ARGV[1] .. '|' .. string.format('%07d', seq) .. '",' .. string.sub(ARGV[2], 2)
        redis.call('HSET', KEYS[2], seq, json)
        return seq
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<bool> CreateAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(conversation, StateJsonContext.Default.Conversation);
        if (!await Db.StringSetAsync(RedisKeys.Conversation(conversation.Id), json, when: When.NotExists)) return false;
        await IndexAsync(conversation, ConversationFacts.Of(conversation, null));
        return true;
    }

    public async Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var json = await Db.StringGetAsync(RedisKeys.Conversation(conversationId));
        return json.IsNull ? null : JsonSerializer.Deserialize((string)json!, StateJsonContext.Default.Conversation);
    }

    public async Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = null;
        activity.Timestamp = time.GetUtcNow();
        activity.Conversation = (activity.Conversation ?? new ConversationAccount()) with { Id = conversationId };
        var withoutId = ActivitySerializer.ToJson(activity);
        var sequence = (long)await Db.ScriptEvaluateAsync(AppendScript, [RedisKeys.Sequence(conversationId), RedisKeys.Log(conversationId), RedisKeys.Conversation(conversationId)], [conversationId, withoutId]);
        if (sequence < 0) throw new ConversationNotFoundException(conversationId);
        activity.Id = ActivityIds.For(conversationId, sequence);
        var json = Encoding.UTF8.GetBytes($"{{\"id\":\"{activity.Id}\",{withoutId[1..]}");
        return new StoredActivity(sequence, activity.Id, json);
    }

    public async Task<ActivityPage> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken)
    {
        var end = await Db.StringGetAsync(RedisKeys.Sequence(conversationId));
        if (end.IsNull && !await Db.KeyExistsAsync(RedisKeys.Conversation(conversationId))) throw new ConversationNotFoundException(conversationId);
        var last = end.IsNull ? 0 : (long)end;
        var from = Math.Clamp(afterWatermark, 0, last);
        var count = (int)Math.Min(max, last - from);
        if (count == 0) return new ActivityPage([], from);
        var fields = Enumerable.Range(1, count).Select(i => (RedisValue)(from + i)).ToArray();
        var values = await Db.HashGetAsync(RedisKeys.Log(conversationId), fields);
        var page = new List<StoredActivity>(count);
        for (var i = 0; i < values.Length && !values[i].IsNull; i++)
        {
            var sequence = from + i + 1;
            page.Add(new StoredActivity(sequence, ActivityIds.For(conversationId, sequence), values[i]!));
        }

        return new ActivityPage(page, from + page.Count);
    }

    // Only a field that exists is replaced: a log never gains an entry this way.
    private const string ReplaceScript = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """;

    public async Task ReplaceActivityAsync(string conversationId, long sequence, byte[] json, CancellationToken cancellationToken)
    {
        if (!await Db.KeyExistsAsync(RedisKeys.Conversation(conversationId))) throw new ConversationNotFoundException(conversationId);
        var replaced = (long)await Db.ScriptEvaluateAsync(ReplaceScript, [RedisKeys.Log(conversationId)], [sequence, json]);
        if (replaced == 0) throw new ArgumentOutOfRangeException(nameof(sequence));
    }

    public async Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken)
    {
        var json = await Db.StringGetAsync(RedisKeys.State(conversationId));
        if (json.IsNull)
            return await Db.KeyExistsAsync(RedisKeys.Conversation(conversationId)) ? null : throw new ConversationNotFoundException(conversationId);
        return JsonSerializer.Deserialize((byte[])json!, StateJsonContext.Default.ConversationState);
    }

    public async Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        var conversation = await GetAsync(conversationId, cancellationToken) ?? throw new ConversationNotFoundException(conversationId);
        await Db.StringSetAsync(RedisKeys.State(conversationId), JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Default.ConversationState));
        await IndexAsync(conversation, ConversationFacts.Of(conversation, state));
    }

    public async Task<string?> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Db.PingAsync();
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return $"Redis is unreachable: {e.Message}";
        }
    }

    internal static string Format(long sequence) => sequence.ToString("D7", CultureInfo.InvariantCulture);
}
