using System.Runtime.CompilerServices;
using System.Text.Json;
using CxBot.Conversations;
using StackExchange.Redis;

namespace CxBot.Storage.Redis;

/// <summary>
/// The questions about many conversations, answered from sorted sets kept beside the conversations: by start, by
/// last activity, open ones by the customer's last message, not ended and ended by last activity, and a set per
/// customer. They are written with each conversation's creation and each state save.
/// </summary>
public sealed partial class RedisConversationStore
{
    private Task IndexAsync(Conversation conversation, ConversationFacts facts)
    {
        var id = conversation.Id;
        var batch = Db.CreateBatch();
        var writes = new List<Task>
        {
            batch.SortedSetAddAsync(RedisKeys.ByStart, id, conversation.CreatedAt.ToUnixTimeMilliseconds()),
            batch.SortedSetAddAsync(RedisKeys.ByActivity, id, facts.LastActiveAt.ToUnixTimeMilliseconds()),
        };
        if (conversation.UserId is { } user) writes.Add(batch.SetAddAsync(RedisKeys.Customer(user), id));
        switch (facts.Status)
        {
            case ConversationFacts.Ended:
                writes.Add(batch.SortedSetAddAsync(RedisKeys.Ended, id, facts.LastActiveAt.ToUnixTimeMilliseconds()));
                writes.Add(batch.SortedSetRemoveAsync(RedisKeys.Open, id));
                writes.Add(batch.SortedSetRemoveAsync(RedisKeys.Unended, id));
                break;
            case ConversationFacts.Open:
                writes.Add(batch.SortedSetAddAsync(RedisKeys.Open, id, facts.LastCustomerMessageAt!.Value.ToUnixTimeMilliseconds()));
                writes.Add(batch.SortedSetAddAsync(RedisKeys.Unended, id, facts.LastActiveAt.ToUnixTimeMilliseconds()));
                writes.Add(batch.SortedSetRemoveAsync(RedisKeys.Ended, id));
                break;
            default:
                writes.Add(batch.SortedSetAddAsync(RedisKeys.Unended, id, facts.LastActiveAt.ToUnixTimeMilliseconds()));
                writes.Add(batch.SortedSetRemoveAsync(RedisKeys.Open, id));
                break;
        }

        batch.Execute();
        return Task.WhenAll(writes);
    }

    public Task<IReadOnlyList<Conversation>> ListOpenAsync(DateTimeOffset? quietSince, CancellationToken cancellationToken) =>
        RangeAsync(RedisKeys.Open, double.NegativeInfinity, quietSince is { } q ? q.ToUnixTimeMilliseconds() : double.PositiveInfinity, Exclude.Stop, cancellationToken);

    public Task<IReadOnlyList<Conversation>> ListUnendedAsync(DateTimeOffset activeSince, CancellationToken cancellationToken) =>
        RangeAsync(RedisKeys.Unended, activeSince.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.None, cancellationToken);

    public Task<IReadOnlyList<Conversation>> ListEndedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        RangeAsync(RedisKeys.Ended, Score(from), Score(to), Exclude.Stop, cancellationToken);

    public async Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        [.. (await Db.SortedSetRangeByScoreAsync(RedisKeys.ByActivity, double.NegativeInfinity, Score(before), Exclude.Stop, take: limit)).Select(v => (string)v!)];

    public async Task<IReadOnlyList<Conversation>> ListByCustomerAsync(string userId, CancellationToken cancellationToken)
    {
        var ids = await Db.SetMembersAsync(RedisKeys.Customer(userId));
        return [.. (await GetManyAsync(ids.Select(v => (string)v!), cancellationToken)).OrderBy(c => c.CreatedAt)];
    }

    public async IAsyncEnumerable<(Conversation Conversation, ConversationState? State)> ListStartedAsync(
        DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await Db.SortedSetRangeByScoreAsync(RedisKeys.ByStart, Score(from), Score(to), Exclude.Stop);
        foreach (var chunk in ids.Select(v => (string)v!).Chunk(500))
        {
            var conversations = await GetManyAsync(chunk, cancellationToken);
            var states = await Task.WhenAll(conversations.Select(c => Db.StringGetAsync(RedisKeys.State(c.Id))));
            for (var i = 0; i < conversations.Count; i++)
                yield return (conversations[i], states[i].IsNull ? null : JsonSerializer.Deserialize((byte[])states[i]!, StateJsonContext.Default.ConversationState));
        }
    }

    public async Task<int> DeleteConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var id in conversationIds)
        {
            var conversation = await GetAsync(id, cancellationToken);
            foreach (var linked in await Db.SetMembersAsync(RedisKeys.LinkedDocuments(id)))
            {
                var (collection, key) = SplitLink(linked!);
                await DeleteAsync(collection, key, cancellationToken);
            }

            await Db.KeyDeleteAsync(await FileKeysAsync(id));
            // The conversation key last: while it exists, the conversation is still whole.
            await Db.KeyDeleteAsync([RedisKeys.Log(id), RedisKeys.State(id), RedisKeys.Sequence(id), RedisKeys.LinkedDocuments(id)]);
            foreach (var index in new[] { RedisKeys.ByStart, RedisKeys.ByActivity, RedisKeys.Open, RedisKeys.Unended, RedisKeys.Ended })
                await Db.SortedSetRemoveAsync(index, id);
            if (conversation?.UserId is { } user) await Db.SetRemoveAsync(RedisKeys.Customer(user), id);
            if (await Db.KeyDeleteAsync(RedisKeys.Conversation(id))) deleted++;
        }

        return deleted;
    }

    private async Task<IReadOnlyList<Conversation>> RangeAsync(RedisKey index, double from, double to, Exclude exclude, CancellationToken cancellationToken)
    {
        var ids = await Db.SortedSetRangeByScoreAsync(index, from, to, exclude);
        return await GetManyAsync(ids.Select(v => (string)v!), cancellationToken);
    }

    /// <summary>The conversations that still exist, in the order asked (an index entry may outlive a conversation erased meanwhile).</summary>
    private async Task<IReadOnlyList<Conversation>> GetManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        [.. (await Task.WhenAll(ids.Select(id => GetAsync(id, cancellationToken)))).OfType<Conversation>()];

    private static double Score(DateTimeOffset time) =>
        time == DateTimeOffset.MinValue ? double.NegativeInfinity : time == DateTimeOffset.MaxValue ? double.PositiveInfinity : time.ToUnixTimeMilliseconds();
}
