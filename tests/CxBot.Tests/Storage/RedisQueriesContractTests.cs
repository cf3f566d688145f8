using CxBot.Analytics;
using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Redis;
using StackExchange.Redis;

namespace CxBot.Tests.Storage;

public sealed class RedisQueriesContractTests(RedisServerFixture redis) : ConversationQueriesContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisConversationStore _store = new(redis.Connection, TestStores.Indexes, TimeProvider.System);

    protected override IConversationStore Store => _store;
    protected override IDocumentStore Documents => _store;
    protected override ICxFigures Figures => new DocumentCxFigures(_store);

    [Fact]
    public async Task DataWrittenBeforeTheIndexes_IsIndexedOnce_AndThenAnsweredAndErasedLikeTheRest()
    {
        var db = redis.Connection.GetDatabase();
        var id = "legacy-" + Guid.NewGuid().ToString("N");
        var user = "legacy-user-" + Guid.NewGuid().ToString("N");
        await db.KeyDeleteAsync(RedisKeys.Schema);
        await db.StringSetAsync(RedisKeys.Conversation(id), $$"""{"id":"{{id}}","createdAt":"2020-01-01T00:00:00+00:00","userId":"{{user}}","locale":"pl-PL"}""");
        await db.SetAddAsync(RedisKeys.LegacyConversations, id);
        await db.StringSetAsync(RedisKeys.State(id), """{"language":"pl","customerMessages":1,"lastCustomerMessageAt":"2020-01-01T00:01:00+00:00"}""");
        await db.HashSetAsync(RedisKeys.Documents("tickets"), "T-" + id, $$"""{"id":"T-{{id}}","conversationId":"{{id}}","language":"pl","reason":"x","message":"call me","createdAt":"2020-01-01T00:02:00+00:00","status":"open"}""");
        Assert.Empty(await _store.ListByCustomerAsync(user, default));

        var (conversations, documents) = await _store.IndexEarlierDataAsync(default);

        Assert.True(conversations >= 1 && documents >= 1);
        Assert.Equal((0, 0), await _store.IndexEarlierDataAsync(default));
        Assert.Equal([id], (await _store.ListByCustomerAsync(user, default)).Select(c => c.Id));
        Assert.Contains(id, await _store.ListInactiveAsync(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), 100000, default));
        Assert.Contains(await new CxBot.Handoff.TicketStore(_store).ListOpenAsync(default), t => t.Id == "T-" + id);
        Assert.Equal(1, await _store.DeleteConversationsAsync([id], default));
        Assert.False(await db.HashExistsAsync(RedisKeys.Documents("tickets"), "T-" + id));
    }
}
