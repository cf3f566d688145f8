using CxBot.Conversations;
using StackExchange.Redis;

namespace CxBot.Storage.Redis;

public sealed partial class RedisConversationStore
{
    /// <summary>
    /// Builds the indexes for data written before they existed (a Redis store upgraded in place): every conversation
    /// of the old id set is indexed from its state, and every document is put again, so it is linked to its
    /// conversation and indexed by time and status. Runs once (recorded in <c>cxbot:schema</c>); running it twice,
    /// or on two instances at once, does no harm. Returns how many conversations and documents it indexed.
    /// </summary>
    public async Task<(int Conversations, int Documents)> IndexEarlierDataAsync(CancellationToken cancellationToken)
    {
        if ((int?)await Db.StringGetAsync(RedisKeys.Schema) >= 2) return (0, 0);
        var conversations = 0;
        foreach (var id in await Db.SetMembersAsync(RedisKeys.LegacyConversations))
        {
            if (await GetAsync(id!, cancellationToken) is not { } conversation) continue;
            ConversationState? state;
            try { state = await LoadStateAsync(conversation.Id, cancellationToken); }
            catch (ConversationNotFoundException) { continue; }
            await IndexAsync(conversation, ConversationFacts.Of(conversation, state));
            conversations++;
        }

        var documents = 0;
        var prefix = RedisKeys.Documents("").ToString();
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        await foreach (var key in server.KeysAsync(Db.Database, pattern: prefix + "*"))
        {
            var collection = key.ToString()[prefix.Length..];
            // The index keys beside each collection (…:fields, …:by-time, …:status:…) are not collections.
            if (collection.Contains(':', StringComparison.Ordinal)) continue;
            foreach (var entry in await Db.HashGetAllAsync(key))
            {
                await PutAsync(collection, entry.Name!, (byte[])entry.Value!, cancellationToken);
                documents++;
            }
        }

        await Db.StringSetAsync(RedisKeys.Schema, 2);
        return (conversations, documents);
    }
}
