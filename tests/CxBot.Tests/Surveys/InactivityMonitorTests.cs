using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Surveys;
using CxBot.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Surveys;

/// <summary>
/// The inactivity sweep reads only the open conversations the store lists, not every one kept for the retention
/// period, and still finds a conversation whose first message was lost.
/// </summary>
public sealed class InactivityMonitorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly BotHost _bot;

    public InactivityMonitorTests() => _bot = new BotHost(time: _time);

    [Fact]
    public async Task AfterTheFirstSweep_OnlyOpenConversationsAreRead_AndAQuietOneIsStillEnded()
    {
        for (var i = 0; i < 20; i++)
        {
            var done = await _bot.StartAsync("en-US");
            await _bot.SayAsync(done, "how much is delivery");
            await _bot.SayAsync(done, "thanks, bye");
        }

        var quiet = await _bot.StartAsync("en-US");
        await _bot.SayAsync(quiet, "do you ship to Germany?");
        var store = new CountingStore(_bot.Get<IConversationStore>());
        var monitor = Monitor(store);
        await monitor.SweepAsync(default);

        Assert.Equal([quiet.Id], (await _bot.Get<IConversationStore>().ListOpenAsync(null, default)).Select(c => c.Id));
        store.StatesLoaded = 0;
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(1, await monitor.SweepAsync(default));
        await _bot.Get<TurnDispatcher>().DrainAsync();

        Assert.Equal(1, store.StatesLoaded);
        Assert.Contains(TestTexts.English["survey_satisfaction"], await _bot.RepliesAsync(quiet));
        Assert.Empty(await _bot.Get<IConversationStore>().ListOpenAsync(null, default));
    }

    [Fact]
    public async Task TheStoreListsAConversationAsOpen_FromItsSavedState_UntilItEnds()
    {
        var store = _bot.Get<IConversationStore>();
        var greeted = await _bot.StartAsync("pl-PL");
        var open = await _bot.StartAsync("pl-PL");
        await _bot.SayAsync(open, "ile kosztuje dostawa");

        Assert.Equal([open.Id], (await store.ListOpenAsync(null, default)).Select(c => c.Id));
        Assert.Empty(await store.ListOpenAsync(_time.GetUtcNow().AddMinutes(-1), default));
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal([open.Id], (await store.ListOpenAsync(_time.GetUtcNow().AddMinutes(-15), default)).Select(c => c.Id));
        var ended = await Monitor(store).SweepAsync(default);
        await _bot.Get<TurnDispatcher>().DrainAsync();

        Assert.Equal(1, ended);
        Assert.Contains(TestTexts.Polish["survey_satisfaction"], await _bot.RepliesAsync(open));
        Assert.Empty(await store.ListOpenAsync(null, default));
        Assert.Equal([open.Id], (await store.ListEndedAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, default)).Select(c => c.Id));
        Assert.Contains(greeted.Id, (await store.ListUnendedAsync(_time.GetUtcNow().AddDays(-1), default)).Select(c => c.Id));
    }

    [Fact]
    public async Task ErasedConversations_LeaveTheList()
    {
        var erased = await _bot.StartAsync("en-US");
        await _bot.SayAsync(erased, "where is my order");
        var monitor = Monitor(_bot.Get<IConversationStore>());
        await monitor.SweepAsync(default);

        await _bot.Get<IConversationStore>().DeleteConversationsAsync([erased.Id], default);
        await monitor.SweepAsync(default);

        Assert.Empty(await _bot.Get<IConversationStore>().ListOpenAsync(null, default));
    }

    [Fact]
    public async Task AMessageWhoseTurnNeverRan_IsAnsweredOnceItIsLate_AndOnlyOnce()
    {
        var conversation = await _bot.StartAsync("en-US");
        await _bot.SayAsync(conversation, "hello");
        var monitor = Monitor(_bot.Get<IConversationStore>());
        await monitor.SweepAsync(default);
        // Stored and acknowledged, but the instance that took it stopped before its turn ran.
        var lost = await StoreWithoutTurnAsync(conversation, "how much is delivery");

        await monitor.SweepAsync(default);
        await _bot.Get<TurnDispatcher>().DrainAsync();
        Assert.DoesNotContain(await _bot.TranscriptAsync(conversation), a => a.ReplyToId == lost.Id);

        _time.Advance(TurnDispatcher.LostAfter);
        await monitor.SweepAsync(default);
        await _bot.Get<TurnDispatcher>().DrainAsync();
        await monitor.SweepAsync(default);
        await _bot.Get<TurnDispatcher>().DrainAsync();

        var answers = (await _bot.TranscriptAsync(conversation)).Where(a => a.ReplyToId == lost.Id && a.Type == ActivityTypes.Message).ToList();
        Assert.Contains("delivery-cost", Assert.Single(answers).ChannelData!.Value.GetRawText());
    }

    [Fact]
    public async Task ALostFirstMessage_IsFoundByTheFirstSweep_AndAnsweredWhenLate()
    {
        var conversation = await _bot.StartAsync("pl-PL");
        var lost = await StoreWithoutTurnAsync(conversation, "ile kosztuje dostawa");
        var monitor = Monitor(_bot.Get<IConversationStore>());

        await monitor.SweepAsync(default);
        _time.Advance(TurnDispatcher.LostAfter);
        await monitor.SweepAsync(default);
        await _bot.Get<TurnDispatcher>().DrainAsync();

        Assert.Single(await _bot.TranscriptAsync(conversation), a => a.ReplyToId == lost.Id && a.Type == ActivityTypes.Message);
    }

    [Fact]
    public async Task MessagesToAnAgent_AreNotAnsweredByTheBot()
    {
        _bot.Get<CxBot.Handoff.AgentRegistry>().Connected("anna", "Anna", 3);
        var conversation = await _bot.StartAsync("en-US");
        await _bot.SayAsync(conversation, "agent please");
        _bot.Get<CxBot.Handoff.AgentRegistry>().TryAssign("anna", conversation.Id);
        await _bot.AgentAsync(conversation, CxBot.Handoff.AgentEvents.Accept);
        await _bot.SayAsync(conversation, "my order 4711 is missing a shoe");
        var monitor = Monitor(_bot.Get<IConversationStore>());

        _time.Advance(TimeSpan.FromMinutes(5));
        await monitor.SweepAsync(default);
        await _bot.Get<TurnDispatcher>().DrainAsync();

        var message = (await _bot.TranscriptAsync(conversation)).Single(a => a.Text == "my order 4711 is missing a shoe");
        Assert.DoesNotContain(await _bot.TranscriptAsync(conversation), a => a.ReplyToId == message.Id);
    }

    [Fact]
    public async Task ALostMessageWhoseTurnSendsNoAnswer_IsRunAgainOnlyOnce()
    {
        _bot.Get<CxBot.Handoff.AgentRegistry>().Connected("anna", "Anna", 3);
        var conversation = await _bot.StartAsync("en-US");
        await _bot.SayAsync(conversation, "agent please");
        // Waiting, but no longer in the queue: the bot has nothing to say to a message now.
        await _bot.Get<CxBot.Handoff.HandoffQueue>().RemoveAsync(conversation.Id, default);
        await StoreWithoutTurnAsync(conversation, "hello? anyone?");
        var monitor = Monitor(_bot.Get<IConversationStore>());

        _time.Advance(TurnDispatcher.LostAfter);
        for (var i = 0; i < 3; i++)
        {
            await monitor.SweepAsync(default);
            await _bot.Get<TurnDispatcher>().DrainAsync();
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(2, (await _bot.Get<IConversationStore>().LoadStateAsync(conversation.Id, default))!.CustomerMessages);
    }

    private async Task<Activity> StoreWithoutTurnAsync(Conversation conversation, string text)
    {
        var stored = await _bot.Get<IConversationStore>().AppendAsync(conversation.Id, new Activity
        {
            Type = ActivityTypes.Message, Text = text, Locale = conversation.Locale, ChannelId = "directline",
            From = new ChannelAccount { Id = "u1", Role = "user" }, Recipient = BotIdentity.Account,
        }, default);
        return stored.ToActivity();
    }

    private InactivityMonitor Monitor(IConversationStore store) => new(store, _bot.Get<TurnDispatcher>(),
        _bot.Get<IOptions<SurveyOptions>>(), _time, NullLogger<InactivityMonitor>.Instance);

    public void Dispose() => _bot.Dispose();

    /// <summary>The real store, counting how many conversation states are read.</summary>
    private sealed class CountingStore(IConversationStore inner) : CxBot.Tests.Storage.DelegatingConversationStore(inner)
    {
        public int StatesLoaded;

        public override Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref StatesLoaded);
            return base.LoadStateAsync(conversationId, cancellationToken);
        }
    }
}
