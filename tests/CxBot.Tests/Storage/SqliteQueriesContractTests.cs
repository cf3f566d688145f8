using CxBot.Analytics;
using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Sqlite;

namespace CxBot.Tests.Storage;

public sealed class SqliteQueriesContractTests : ConversationQueriesContract, IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteConversationStore _store;

    public SqliteQueriesContractTests() => _store = TestStores.Sqlite(_folder.Path);

    protected override IConversationStore Store => _store;
    protected override IDocumentStore Documents => _store;
    protected override ICxFigures Figures => new SqliteCxFigures(_store);

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }
}
