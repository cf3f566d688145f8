using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Surveys;
using CxBot.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Surveys;

/// <summary>
/// The inactivity sweep reads only the open conversations, not every one kept for the retention period,
/// and still finds conversations that were open before the list of open ones was kept.
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

        Assert.Equal([quiet.Id], await _bot.Get<OpenConversations>().ListAsync(default));
        store.StatesLoaded = 0;
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(1, await monitor.SweepAsync(default));
        await _bot.Get<TurnDispatcher>().DrainAsync();

        Assert.Equal(1, store.StatesLoaded);
        Assert.Contains(TestTexts.English["survey_satisfaction"], await _bot.RepliesAsync(quiet));
        Assert.Empty(await _bot.Get<OpenConversations>().ListAsync(default));
    }

    [Fact]
    public async Task AConversationOpenedBeforeTheListExisted_IsFoundByTheFirstSweep()
    {
        var old = await _bot.StartAsync("pl-PL");
        await _bot.SayAsync(old, "ile kosztuje dostawa");
        var store = _bot.Get<IConversationStore>();
        var state = (await store.LoadStateAsync(old.Id, default))!;
        state.ListedOpen = false;
        await store.SaveStateAsync(old.Id, state, default);
        await _bot.Get<OpenConversations>().RemoveAsync(old.Id, default);

        _time.Advance(TimeSpan.FromMinutes(20));
        var ended = await Monitor(store).SweepAsync(default);
        await _bot.Get<TurnDispatcher>().DrainAsync();

        Assert.Equal(1, ended);
        Assert.Contains(TestTexts.Polish["survey_satisfaction"], await _bot.RepliesAsync(old));
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

        Assert.Empty(await _bot.Get<OpenConversations>().ListAsync(default));
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

    private InactivityMonitor Monitor(IConversationStore store) => new(store, _bot.Get<OpenConversations>(), _bot.Get<TurnDispatcher>(),
        _bot.Get<IOptions<SurveyOptions>>(), _time, NullLogger<InactivityMonitor>.Instance);

    public void Dispose() => _bot.Dispose();

    /// <summary>The real store, counting how many conversation states are read.</summary>
    private sealed class CountingStore(IConversationStore inner) : IConversationStore
    {
        public int StatesLoaded;

        public Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref StatesLoaded);
            return inner.LoadStateAsync(conversationId, cancellationToken);
        }

        public Task<bool> CreateAsync(Conversation conversation, CancellationToken cancellationToken) => inner.CreateAsync(conversation, cancellationToken);
        public Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken) => inner.GetAsync(conversationId, cancellationToken);
        public Task<IReadOnlyList<Conversation>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
        public Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken) => inner.AppendAsync(conversationId, activity, cancellationToken);
        public Task<ActivityPage> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken) => inner.ReadAsync(conversationId, afterWatermark, max, cancellationToken);
        public Task ReplaceActivityAsync(string conversationId, long sequence, byte[] json, CancellationToken cancellationToken) => inner.ReplaceActivityAsync(conversationId, sequence, json, cancellationToken);
        public Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken) => inner.SaveStateAsync(conversationId, state, cancellationToken);
        public Task<int> DeleteConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken) => inner.DeleteConversationsAsync(conversationIds, cancellationToken);
        public Task<string?> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);
    }
}
