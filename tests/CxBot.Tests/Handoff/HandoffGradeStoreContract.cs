using CxBot.Analytics;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Privacy;
using CxBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Handoff;

/// <summary>Agents' grades of their handoffs, kept through the document store: run against the embedded journal and Redis alike.</summary>
public abstract class HandoffGradeStoreContract
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Start);
    protected abstract IConversationStore Store { get; }
    protected abstract IDocumentStore Documents { get; }
    protected HandoffGradeStore Sut => new(Documents, Time);

    /// <summary>Unique per test, so tests sharing one Redis never see each other's handoffs.</summary>
    protected string Agent { get; } = "agent-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Accepting_RecordsTheHandoffsFacts_AndGradingAddsWhoAndWhen()
    {
        var conversationId = await NewConversationAsync();
        var queuedAt = Start.AddMinutes(-4);

        var handled = await Sut.RecordHandledAsync(conversationId, Agent, "Anna", Queued("en", HandoffReason.Frustration, queuedAt), default);
        Time.Advance(TimeSpan.FromMinutes(7));
        var graded = await Sut.GradeAsync(conversationId, Agent, HandoffGrades.NotNeeded, default);

        Assert.Null(handled.Grade);
        var stored = Assert.Single(await Sut.ListForAgentAsync(Agent, 10, default));
        Assert.Equal(graded, stored);
        Assert.Equal((conversationId, Agent, "Anna", "en", "frustration"), (stored.ConversationId, stored.AgentId, stored.AgentName, stored.Language, stored.Reason));
        Assert.Equal((queuedAt, Start, HandoffGrades.NotNeeded, Start.AddMinutes(7)), (stored.HandedOverAt, stored.AcceptedAt, stored.Grade, stored.GradedAt));
    }

    [Fact]
    public async Task AnAgent_ChangesTheirGrade_AndOnlyTheLatestCounts()
    {
        var conversationId = await NewConversationAsync();
        await Sut.RecordHandledAsync(conversationId, Agent, "Anna", Queued("pl", HandoffReason.RepeatedFailure, Start), default);
        await Sut.GradeAsync(conversationId, Agent, HandoffGrades.TooLate, default);
        Time.Advance(TimeSpan.FromHours(2));

        await Sut.GradeAsync(conversationId, Agent, HandoffGrades.RightCall, default);

        var stored = Assert.Single(await Sut.ListForAgentAsync(Agent, 10, default));
        Assert.Equal((HandoffGrades.RightCall, Start.AddHours(2)), (stored.Grade, stored.GradedAt));
    }

    [Fact]
    public async Task AnAgentWhoDidNotHandleIt_CannotGradeIt()
    {
        var conversationId = await NewConversationAsync();
        await Sut.RecordHandledAsync(conversationId, Agent, "Anna", Queued("pl", HandoffReason.CustomerRequest, Start), default);

        var other = await Sut.GradeAsync(conversationId, Agent + "-other", HandoffGrades.NotNeeded, default);
        var neverHandedOver = await Sut.GradeAsync(await NewConversationAsync(), Agent, HandoffGrades.NotNeeded, default);

        Assert.Null(other);
        Assert.Null(neverHandedOver);
        Assert.Null(Assert.Single(await Sut.ListForAgentAsync(Agent, 10, default)).Grade);
        Assert.Empty(await Sut.ListForAgentAsync(Agent + "-other", 10, default));
    }

    [Fact]
    public async Task AnUnknownGrade_IsRefused_AndNothingChanges()
    {
        var conversationId = await NewConversationAsync();
        await Sut.RecordHandledAsync(conversationId, Agent, "Anna", Queued("pl", HandoffReason.CustomerRequest, Start), default);
        await Sut.GradeAsync(conversationId, Agent, HandoffGrades.TooLate, default);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Sut.GradeAsync(conversationId, Agent, "meh", default));

        Assert.Contains("right-call, not-needed, too-late", error.Message);
        Assert.Equal(HandoffGrades.TooLate, Assert.Single(await Sut.ListForAgentAsync(Agent, 10, default)).Grade);
    }

    [Fact]
    public async Task TakingTheSameHandoffAgain_KeepsTheGrade_ButANewHandoffIsGradedOnItsOwn()
    {
        var conversationId = await NewConversationAsync();
        var first = Queued("en", HandoffReason.Frustration, Start);
        await Sut.RecordHandledAsync(conversationId, Agent, "Anna", first, default);
        await Sut.GradeAsync(conversationId, Agent, HandoffGrades.TooLate, default);

        // Transferred away and back: the same handoff.
        Time.Advance(TimeSpan.FromMinutes(10));
        await Sut.RecordHandledAsync(conversationId, Agent, "Anna", first, default);
        var afterTransfer = Assert.Single(await Sut.ListForAgentAsync(Agent, 10, default));
        // Back with the bot, then handed over again for another reason: a new handoff, ungraded, and the grade goes to it.
        Time.Advance(TimeSpan.FromHours(1));
        await Sut.RecordHandledAsync(conversationId, Agent, "Anna", Queued("en", HandoffReason.CustomerRequest, Time.GetUtcNow()), default);
        var newer = Assert.Single(await Sut.ListForAgentAsync(Agent, 10, default));
        await Sut.GradeAsync(conversationId, Agent, HandoffGrades.NotNeeded, default);

        Assert.Equal(HandoffGrades.TooLate, afterTransfer.Grade);
        Assert.Equal((HandoffReason.CustomerRequest, null), (newer.Reason, newer.Grade));
        var both = (await Sut.ListAsync(CxFilter.All, default)).Where(h => h.ConversationId == conversationId).OrderBy(h => h.HandedOverAt).ToList();
        Assert.Equal([HandoffGrades.TooLate, HandoffGrades.NotNeeded], both.Select(h => h.Grade));
    }

    [Fact]
    public async Task TheDeskList_IsTheAgentsNewestHandoffsFirst_UpToTheCount()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await NewConversationAsync());
            await Sut.RecordHandledAsync(ids[^1], Agent, "Anna", Queued("pl", HandoffReason.CustomerRequest, Time.GetUtcNow()), default);
            Time.Advance(TimeSpan.FromMinutes(5));
        }

        var list = await Sut.ListForAgentAsync(Agent, 2, default);

        Assert.Equal([ids[2], ids[1]], list.Select(h => h.ConversationId));
    }

    [Fact]
    public async Task ErasingTheConversation_ErasesItsGrades()
    {
        var conversationId = await NewConversationAsync();
        var kept = await NewConversationAsync();
        await Sut.RecordHandledAsync(conversationId, Agent, "Anna", Queued("pl", HandoffReason.Health, Start), default);
        await Sut.RecordHandledAsync(kept, Agent, "Anna", Queued("pl", HandoffReason.Health, Start), default);
        await Sut.GradeAsync(conversationId, Agent, HandoffGrades.RightCall, default);
        var privacy = new CustomerDataService(Store, Documents, (CxBot.Storage.IFileStore)Store);

        var exported = await privacy.ExportAsync(conversationId, Start, default);
        await privacy.EraseAsync(conversationId, default);

        Assert.Equal(HandoffGrades.RightCall, exported!["conversations"]![0]!["records"]![HandoffGradeStore.Collection]![0]!["grade"]!.GetValue<string>());
        Assert.Equal([kept], (await Sut.ListForAgentAsync(Agent, 10, default)).Select(h => h.ConversationId));
    }

    protected static ConversationState Queued(string language, string reason, DateTimeOffset queuedAt) => new()
    {
        Language = language, HandoffReason = reason, QueuedAt = queuedAt, Handoff = HandoffPhase.WithAgent, Escalated = true,
    };

    protected async Task<string> NewConversationAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        await Store.CreateAsync(new Conversation(id, Start, "u-" + id, "pl-PL"), default);
        return id;
    }
}
