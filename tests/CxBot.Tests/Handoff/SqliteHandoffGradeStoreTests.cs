using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Storage.Sqlite;
using CxBot.Tests.Storage;

namespace CxBot.Tests.Handoff;

public sealed class SqliteHandoffGradeStoreTests : HandoffGradeStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new();
    private SqliteConversationStore _store;

    public SqliteHandoffGradeStoreTests() => _store = TestStores.Sqlite(_folder.Path);

    protected override IConversationStore Store => _store;
    protected override IDocumentStore Documents => _store;

    [Fact]
    public async Task Grades_SurviveARestart()
    {
        var conversationId = await NewConversationAsync();
        await Sut.RecordHandledAsync(conversationId, Agent, "Anna", Queued("en", HandoffReason.Legal, Start), default);
        await Sut.GradeAsync(conversationId, Agent, HandoffGrades.TooLate, default);

        _store.Dispose();
        _store = TestStores.Sqlite(_folder.Path);

        var stored = Assert.Single(await Sut.ListForAgentAsync(Agent, 10, default));
        Assert.Equal((HandoffReason.Legal, HandoffGrades.TooLate), (stored.Reason, stored.Grade));
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }
}
