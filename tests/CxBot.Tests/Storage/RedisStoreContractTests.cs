using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Redis;

namespace CxBot.Tests.Storage;

public sealed class RedisStoreContractTests(RedisServerFixture redis) : ConversationStoreContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisConversationStore _store = new(redis.Connection, TestStores.Indexes, TimeProvider.System);

    protected override IConversationStore Store => _store;
    protected override IDocumentStore Documents => _store;
}
