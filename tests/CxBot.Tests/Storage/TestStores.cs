using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Storage.Sqlite;
using CxBot.Surveys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Storage;

/// <summary>Real stores for tests, with the document indexes the product registers.</summary>
public static class TestStores
{
    public static readonly DocumentIndex[] Indexes =
    [
        new(SurveyStore.Responses, "endedAt"),
        new(SurveyStore.Gaps, "at"),
        new(TicketStore.Collection, "createdAt", "status"),
        new(HandoffGradeStore.Collection, HandoffGradeStore.TimeProperty),
    ];

    public static SqliteConversationStore Sqlite(string folder, TimeProvider? time = null, StorageOptions? options = null) =>
        new(Options.Create(options ?? new StorageOptions { DataDirectory = folder }), Indexes, time ?? TimeProvider.System, NullLogger<SqliteConversationStore>.Instance);
}
