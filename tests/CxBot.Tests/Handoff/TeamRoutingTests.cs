using CxBot.Conversations;
using CxBot.Handoff;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Handoff;

/// <summary>
/// Scripted queue: the whole bot in process (real knowledge base with its <c>team:</c> fields, real queue and store) and a
/// clock the test moves. Kasia is in the B2B and complaints teams and speaks English; Anna takes anything; Piotr is in B2B
/// but speaks Polish only.
/// </summary>
public sealed class TeamRoutingTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly BotHost _bot;

    public TeamRoutingTests()
    {
        _bot = new BotHost(new Dictionary<string, string?> { ["Handoff:Routing:TeamFirstSeconds"] = "120" }, _time);
    }

    public void Dispose() => _bot.Dispose();

    private AgentRegistry Agents => _bot.Get<AgentRegistry>();
    private TeamRouting Routing => _bot.Get<TeamRouting>();

    private void Kasia(int capacity = 2) => Agents.Connected("kasia", "Kasia", capacity, ["b2b", "complaints"], ["en"]);
    private void Anna(int capacity = 2) => Agents.Connected("anna", "Anna", capacity);
    private void Piotr() => Agents.Connected("piotr", "Piotr", 2, ["b2b"], ["pl"]);

    [Fact]
    public async Task TheArticleNamesTheTeam_ItsAgentsAreOfferedItFirst_EveryoneAfterTheWait()
    {
        Kasia();
        Anna();
        Piotr();
        var entry = await HandedOverAfterAsync("Do you have a business account with volume discounts for company purchases?");

        Assert.Equal("b2b", entry.Team);
        Assert.True(Routing.MayTake("kasia", entry));
        Assert.False(Routing.MayTake("anna", entry));
        Assert.False(Routing.MayTake("piotr", entry)); // B2B, but the conversation is in English
        Assert.True(Routing.Offer(entry, Agents.Snapshot()).Restricted);

        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(Routing.MayTake("anna", entry));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Routing.MayTake("anna", entry));
        Assert.True(Routing.MayTake("piotr", entry));
        Assert.False(Routing.Offer(entry, Agents.Snapshot()).Restricted);
    }

    [Fact]
    public async Task NoMatchingAgentOnline_AnyoneMayTakeItAtOnce()
    {
        Anna();
        Piotr();
        var entry = await HandedOverAfterAsync("Do you have a business account with volume discounts for company purchases?");

        Assert.Equal("b2b", entry.Team);
        Assert.True(Routing.MayTake("anna", entry));
        Assert.False(Routing.Offer(entry, Agents.Snapshot()).Restricted);

        // Kasia comes online: from now on it waits for her (within the first two minutes).
        Kasia();
        Assert.False(Routing.MayTake("anna", entry));
        // …unless she goes away.
        Agents.SetPresence("kasia", AgentPresence.Away);
        Assert.True(Routing.MayTake("anna", entry));
    }

    [Fact]
    public void HandoffReasonsNameTheirTeam_BeforeTheArticle()
    {
        Assert.Equal("complaints", Routing.TeamFor(HandoffReason.Complaint, ["b2b"], "pl"));
        Assert.Equal("payments", Routing.TeamFor(HandoffReason.Fraud, [], "en"));
        Assert.Equal("payments", Routing.TeamFor(HandoffReason.CustomerRequest, ["delivery-cost", "payment-failed"], "en"));
        Assert.Equal("complaints", Routing.TeamFor(HandoffReason.CustomerRequest, ["damaged-parcel"], "pl"));
        Assert.Null(Routing.TeamFor(HandoffReason.CustomerRequest, ["delivery-cost"], "en"));
        Assert.Null(Routing.TeamFor(HandoffReason.CustomerRequest, [], "en"));
    }

    [Fact]
    public async Task TransferToATeam_ReturnsItToTheFrontOfTheQueue_OfferedToThatTeamFirst()
    {
        Kasia(capacity: 1);
        Anna();
        var conversation = await _bot.StartAsync("en-US");
        await _bot.SayAsync(conversation, "I want to talk to a real person");
        var entry = await EntryOfAsync(conversation);
        Assert.Null(entry.Team);
        Assert.True(Routing.MayTake("anna", entry));

        Assert.True(Agents.TryAssign("anna", conversation.Id));
        await _bot.AgentAsync(conversation, AgentEvents.Accept);
        Assert.Null(await EntryOrNullAsync(conversation));
        await _bot.AgentAsync(conversation, AgentEvents.TransferToTeam, "complaints");

        var transferred = await EntryOfAsync(conversation);
        Assert.Equal("complaints", transferred.Team);
        Assert.True(transferred.Returned);
        Assert.False(Agents.Holds("anna", conversation.Id));
        Assert.Contains("I'm transferring you to another consultant — you're first in the queue.", await _bot.RepliesAsync(conversation));
        Assert.True(Routing.MayTake("kasia", transferred));
        Assert.False(Routing.MayTake("anna", transferred));
        Assert.Equal("complaints", (await _bot.Get<IConversationStore>().LoadStateAsync(conversation.Id, default))!.Team);

        // Transfer to a named colleague: only she may take it at first.
        Assert.True(Agents.TryAssign("kasia", conversation.Id));
        await AsKasiaAsync(conversation, AgentEvents.Accept);
        await AsKasiaAsync(conversation, AgentEvents.Transfer, "anna");
        var toAnna = await EntryOfAsync(conversation);
        Assert.Equal("anna", toAnna.PreferredAgentId);
        Assert.True(Routing.MayTake("anna", toAnna));
        Assert.False(Routing.MayTake("kasia", toAnna));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(Routing.MayTake("kasia", toAnna));
    }

    [Fact]
    public void WaitEstimates_ArePerTeam_FromWhoMayTakeIt_AndThatTeamsHandleTimes()
    {
        // Kasia (the only complaints agent) is busy; Anna has two free slots.
        Kasia(capacity: 1);
        Anna();
        Assert.True(Agents.TryAssign("kasia", "busy"));
        var estimator = _bot.Get<WaitEstimator>();
        var now = _time.GetUtcNow();
        var complaint = new QueueEntry("c1", "en", HandoffReason.Complaint, now, false, false, "", 0, Team: "complaints");
        var delivery = new QueueEntry("c2", "en", HandoffReason.CustomerRequest, now, false, false, "", 0);
        IReadOnlyList<QueueEntry> queue = [complaint, delivery];

        // No team: Anna is free now. The complaint: Kasia frees up in about one handle time (8 min by default), but after
        // two minutes Anna may take it too — so about 2 minutes, not 8.
        Assert.Equal(0, estimator.EstimateMinutes(delivery, queue, Routing));
        Assert.Equal(2, estimator.EstimateMinutes(complaint, queue, Routing));

        // The complaints team's own handle times count for its conversations; everyone's for the rest.
        foreach (var minutes in new[] { 1, 1, 1 }) estimator.RecordHandleTime(TimeSpan.FromMinutes(minutes), "complaints");
        foreach (var minutes in new[] { 20, 20, 20 }) estimator.RecordHandleTime(TimeSpan.FromMinutes(minutes));
        Assert.Equal(1, estimator.AverageHandleMinutesOf("complaints"));
        Assert.Equal(10.5, estimator.AverageHandleMinutesOf(null));
        Assert.Equal(1, estimator.EstimateMinutes(complaint, queue, Routing));

        // Past the team's wait everyone may take it: Anna's free slot.
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(0, estimator.EstimateMinutes(complaint, queue, Routing));
    }

    private Task AsKasiaAsync(Conversation conversation, string name, string? value = null) =>
        _bot.Get<CxBot.Turns.TurnDispatcher>().DispatchAsync(conversation, AgentEvents.Create(name, conversation.Id, "kasia", "Kasia", value));

    private async Task<QueueEntry> HandedOverAfterAsync(string question)
    {
        var conversation = await _bot.StartAsync("en-US");
        await _bot.SayAsync(conversation, question);
        await _bot.SayAsync(conversation, "I want to talk to a real person");
        return await EntryOfAsync(conversation);
    }

    private async Task<QueueEntry> EntryOfAsync(Conversation conversation) =>
        await EntryOrNullAsync(conversation) ?? throw new InvalidOperationException("Not queued: " + string.Join(" | ", await _bot.RepliesAsync(conversation)));

    private async Task<QueueEntry?> EntryOrNullAsync(Conversation conversation) =>
        (await _bot.Get<HandoffQueue>().SnapshotAsync(default)).FirstOrDefault(e => e.ConversationId == conversation.Id);
}
