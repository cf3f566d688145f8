using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Storage;

public sealed class EmbeddedStoreContractTests : ConversationStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly JournalConversationStore _store;

    public EmbeddedStoreContractTests() =>
        _store = new(Options.Create(new StorageOptions { DataDirectory = _folder.Path }), TimeProvider.System, NullLogger<JournalConversationStore>.Instance);

    protected override IConversationStore Store => _store;
    protected override IDocumentStore Documents => _store;

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }
}
