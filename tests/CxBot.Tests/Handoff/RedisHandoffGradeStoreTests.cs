using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Redis;
using CxBot.Tests.Storage;

namespace CxBot.Tests.Handoff;

public sealed class RedisHandoffGradeStoreTests(RedisServerFixture redis) : HandoffGradeStoreContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisConversationStore _store = new(redis.Connection, TestStores.Indexes, TimeProvider.System);

    protected override IConversationStore Store => _store;
    protected override IDocumentStore Documents => _store;
}
