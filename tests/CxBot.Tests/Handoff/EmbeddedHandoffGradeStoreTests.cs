using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Handoff;

public sealed class EmbeddedHandoffGradeStoreTests : HandoffGradeStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new();
    private JournalConversationStore _store;

    public EmbeddedHandoffGradeStoreTests() => _store = Open();

    protected override IConversationStore Store => _store;
    protected override IDocumentStore Documents => _store;

    [Fact]
    public async Task Grades_SurviveARestart()
    {
        var conversationId = await NewConversationAsync();
        await Sut.RecordHandledAsync(conversationId, Agent, "Anna", Queued("en", HandoffReason.Legal, Start), default);
        await Sut.GradeAsync(conversationId, Agent, HandoffGrades.TooLate, default);

        _store.Dispose();
        _store = Open();

        var stored = Assert.Single(await Sut.ListForAgentAsync(Agent, 10, default));
        Assert.Equal((HandoffReason.Legal, HandoffGrades.TooLate), (stored.Reason, stored.Grade));
    }

    private JournalConversationStore Open() =>
        new(Options.Create(new StorageOptions { DataDirectory = _folder.Path }), TimeProvider.System, NullLogger<JournalConversationStore>.Instance);

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }
}
