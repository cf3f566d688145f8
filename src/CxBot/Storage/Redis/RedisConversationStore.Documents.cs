using StackExchange.Redis;

namespace CxBot.Storage.Redis;

/// <summary>
/// Documents in a hash per collection. A document linked to a conversation is also in that conversation's set of
/// linked documents; one of an indexed collection is also in the collection's sorted set by time and set per status.
/// The fields last indexed are kept beside it, so a change or a delete takes out the entries it no longer has.
/// </summary>
public sealed partial class RedisConversationStore
{
    private const char LinkSeparator = '\n';

    public async Task PutAsync(string collection, string key, byte[] value, CancellationToken cancellationToken)
    {
        var index = _indexes.GetValueOrDefault(collection);
        var fields = DocumentFields.Of(value, index);
        if (index is null && fields.ConversationId is null)
        {
            await Db.HashSetAsync(RedisKeys.Documents(collection), key, value);
            return;
        }

        var old = await OldFieldsAsync(collection, key);
        var batch = Db.CreateBatch();
        var writes = new List<Task>();
        // New index entries first, the document, then stale entries out: a reader may meet an entry whose document moved on, never a document it cannot find.
        if (fields.ConversationId is { } conversationId) writes.Add(batch.SetAddAsync(RedisKeys.LinkedDocuments(conversationId), Link(collection, key)));
        if (fields.At is { } at) writes.Add(batch.SortedSetAddAsync(RedisKeys.DocumentsByTime(collection), key, at.ToUnixTimeMilliseconds()));
        if (fields.Status is { } status) writes.Add(batch.SetAddAsync(RedisKeys.DocumentsByStatus(collection, status), key));
        writes.Add(batch.HashSetAsync(RedisKeys.Documents(collection), key, value));
        writes.Add(batch.HashSetAsync(RedisKeys.DocumentFields(collection), key, $"{fields.ConversationId}{LinkSeparator}{fields.Status}"));
        if (old.ConversationId is { Length: > 0 } oldConversation && oldConversation != fields.ConversationId)
            writes.Add(batch.SetRemoveAsync(RedisKeys.LinkedDocuments(oldConversation), Link(collection, key)));
        if (old.Status is { Length: > 0 } oldStatus && oldStatus != fields.Status)
            writes.Add(batch.SetRemoveAsync(RedisKeys.DocumentsByStatus(collection, oldStatus), key));
        if (fields.At is null && index?.TimeProperty is not null) writes.Add(batch.SortedSetRemoveAsync(RedisKeys.DocumentsByTime(collection), key));
        batch.Execute();
        await Task.WhenAll(writes);
    }

    public async Task<byte[]?> GetAsync(string collection, string key, CancellationToken cancellationToken)
    {
        var value = await Db.HashGetAsync(RedisKeys.Documents(collection), key);
        return value.IsNull ? null : (byte[])value!;
    }

    public async Task DeleteAsync(string collection, string key, CancellationToken cancellationToken)
    {
        var old = await OldFieldsAsync(collection, key);
        var batch = Db.CreateBatch();
        var writes = new List<Task>
        {
            batch.HashDeleteAsync(RedisKeys.Documents(collection), key),
            batch.HashDeleteAsync(RedisKeys.DocumentFields(collection), key),
            batch.SortedSetRemoveAsync(RedisKeys.DocumentsByTime(collection), key),
        };
        if (old.ConversationId is { Length: > 0 } conversationId) writes.Add(batch.SetRemoveAsync(RedisKeys.LinkedDocuments(conversationId), Link(collection, key)));
        if (old.Status is { Length: > 0 } status) writes.Add(batch.SetRemoveAsync(RedisKeys.DocumentsByStatus(collection, status), key));
        batch.Execute();
        await Task.WhenAll(writes);
    }

    public async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListAsync(string collection, CancellationToken cancellationToken) =>
        [.. (await Db.HashGetAllAsync(RedisKeys.Documents(collection))).Select(e => new KeyValuePair<string, byte[]>(e.Name!, (byte[])e.Value!))];

    public async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByTimeAsync(string collection, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var keys = await Db.SortedSetRangeByScoreAsync(RedisKeys.DocumentsByTime(collection), Score(from), Score(to), Exclude.Stop);
        return await GetDocumentsAsync(collection, keys, _ => true);
    }

    public async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByStatusAsync(string collection, string status, CancellationToken cancellationToken)
    {
        var keys = await Db.SetMembersAsync(RedisKeys.DocumentsByStatus(collection, status));
        var index = _indexes.GetValueOrDefault(collection);
        return await GetDocumentsAsync(collection, keys, value => DocumentFields.Of(value, index).Status == status);
    }

    public async Task<IReadOnlyList<LinkedDocument>> ListLinkedAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        var result = new List<LinkedDocument>();
        foreach (var id in conversationIds)
        foreach (var link in await Db.SetMembersAsync(RedisKeys.LinkedDocuments(id)))
        {
            var (collection, key) = SplitLink(link!);
            if (await GetAsync(collection, key, cancellationToken) is { } value && DocumentFields.Of(value, null).ConversationId == id)
                result.Add(new LinkedDocument(collection, key, id, value));
        }

        return result;
    }

    private async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> GetDocumentsAsync(string collection, RedisValue[] keys, Func<byte[], bool> stillMatches)
    {
        var result = new List<KeyValuePair<string, byte[]>>(keys.Length);
        foreach (var chunk in keys.Chunk(1000))
        {
            var values = await Db.HashGetAsync(RedisKeys.Documents(collection), chunk);
            for (var i = 0; i < chunk.Length; i++)
                if (!values[i].IsNull && stillMatches((byte[])values[i]!)) result.Add(new((string)chunk[i]!, (byte[])values[i]!));
        }

        return result;
    }

    private async Task<(string? ConversationId, string? Status)> OldFieldsAsync(string collection, string key)
    {
        var old = await Db.HashGetAsync(RedisKeys.DocumentFields(collection), key);
        if (old.IsNull) return (null, null);
        var text = (string)old!;
        var separator = text.IndexOf(LinkSeparator, StringComparison.Ordinal);
        return (text[..separator], text[(separator + 1)..]);
    }

    private static string Link(string collection, string key) => collection + LinkSeparator + key;

    private static (string Collection, string Key) SplitLink(string link)
    {
        var separator = link.IndexOf(LinkSeparator, StringComparison.Ordinal);
        return (link[..separator], link[(separator + 1)..]);
    }
}
