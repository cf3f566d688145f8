using CxBot.Analytics;
using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Sqlite;

namespace CxBot.Tests.Storage;

public sealed class SqliteStoreContractTests : ConversationStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteConversationStore _store;

    public SqliteStoreContractTests() => _store = TestStores.Sqlite(_folder.Path);

    protected override IConversationStore Store => _store;
    protected override IDocumentStore Documents => _store;

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }
}
