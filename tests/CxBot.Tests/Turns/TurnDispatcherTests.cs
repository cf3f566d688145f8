using CxBot.Activities;
using CxBot.Bot;
using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Sqlite;
using CxBot.Tests.Storage;
using CxBot.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Turns;

public sealed class TurnDispatcherTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteConversationStore _store;
    private readonly Conversation _conversation = new("c1", DateTimeOffset.UnixEpoch, "u1", "en-US");

    public TurnDispatcherTests()
    {
        _store = TestStores.Sqlite(_folder.Path);
        _store.CreateAsync(_conversation, default).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Turns_RunInTheOrderActivitiesWereStored_AndStateCarriesOver()
    {
        var seen = new List<string>();
        var sut = NewDispatcher(new RecordingBot(seen));

        for (var i = 0; i < 20; i++) await sut.AcceptAsync(_conversation, Message($"m{i}"), default);
        await sut.DrainAsync();

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}"), seen);
        var state = await _store.LoadStateAsync("c1", default);
        Assert.Equal(20, state!.CustomerMessages);
    }

    [Fact]
    public async Task Accept_ReturnsTheStoredEcho_BeforeTheBotAnswers()
    {
        var gate = new TaskCompletionSource();
        var sut = NewDispatcher(new BlockingBot(gate.Task));

        var stored = await sut.AcceptAsync(_conversation, Message("hello"), default).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("c1|0000001", stored.Id);
        gate.SetResult();
        await sut.DrainAsync();
    }

    [Fact]
    public async Task AFailingTurn_TellsTheCustomer_AndTheNextTurnStillRuns()
    {
        var seen = new List<string>();
        var sut = NewDispatcher(new FailOnceBot(seen));

        await sut.AcceptAsync(_conversation, Message("first"), default);
        await sut.AcceptAsync(_conversation, Message("second"), default);
        await sut.DrainAsync();

        var texts = (await _store.ReadAsync("c1", 0, 10, default)).Activities.Select(a => a.ToActivity().Text).ToList();
        Assert.Contains(TestTexts.English["internal_error"], texts);
        Assert.Equal(["second"], seen);
    }

    [Fact]
    public async Task AStoreOutage_IsWaitedOut_AndTheTurnRunsOnceItIsBack()
    {
        var seen = new List<string>();
        var flaky = new OutageStore(_store) { LoadFailures = 3, SaveFailures = 2 };
        var sut = NewDispatcher(new RecordingBot(seen), flaky);

        await sut.AcceptAsync(_conversation, Message("where is my parcel"), default);
        await sut.DrainAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["where is my parcel"], seen);
        Assert.Equal(0, flaky.LoadFailures);
        Assert.Equal(0, flaky.SaveFailures);
        Assert.Equal(1, (await _store.LoadStateAsync("c1", default))!.CustomerMessages);
        var texts = (await _store.ReadAsync("c1", 0, 10, default)).Activities.Select(a => a.ToActivity().Text).ToList();
        Assert.DoesNotContain(TestTexts.English["internal_error"], texts);
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task ALateTurn_IsSkippedOnlyIfItsMessageWasAnsweredMeanwhile(bool answeredMeanwhile, int expectedRuns)
    {
        var seen = new List<string>();
        var sut = NewDispatcher(new RecordingBot(seen), new LateStore(_store, answeredMeanwhile));

        await sut.AcceptAsync(_conversation, Message("where is my order"), default);
        await sut.DrainAsync();

        Assert.Equal(expectedRuns, seen.Count);
    }

    private TurnDispatcher NewDispatcher(IBot bot, IConversationStore? store = null)
    {
        store ??= _store;
        var log = new ActivityLog(store, new LocalActivityFeed());
        var pipeline = new TurnPipeline([new TranscriptMiddleware()], bot);
        return new TurnDispatcher(store, log, pipeline, new InProcessConversationLock(), TestTexts.Catalog, TimeProvider.System, NullLogger<TurnDispatcher>.Instance);
    }

    /// <summary>
    /// A store under which a customer's turn starts a minute after the message was stored (as when its instance
    /// stalled), optionally after another instance's recovery already answered it.
    /// </summary>
    private sealed class LateStore(IConversationStore inner, bool answeredMeanwhile) : DelegatingConversationStore(inner)
    {
        public override async Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
        {
            var stored = await base.AppendAsync(conversationId, activity, cancellationToken);
            if (activity.From?.Role != "user") return stored;
            activity.Timestamp -= TimeSpan.FromMinutes(1);
            if (answeredMeanwhile) await base.AppendAsync(conversationId, activity.CreateReply("answered by recovery"), cancellationToken);
            return stored;
        }
    }

    /// <summary>A store whose state reads and writes fail as in an outage, a given number of times, before it recovers.</summary>
    private sealed class OutageStore(IConversationStore inner) : DelegatingConversationStore(inner)
    {
        public int LoadFailures { get; set; }
        public int SaveFailures { get; set; }

        public override Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken)
        {
            if (LoadFailures > 0 && LoadFailures-- > 0) throw new IOException("store unreachable");
            return base.LoadStateAsync(conversationId, cancellationToken);
        }

        public override Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken)
        {
            if (SaveFailures > 0 && SaveFailures-- > 0) throw new IOException("store unreachable");
            return base.SaveStateAsync(conversationId, state, cancellationToken);
        }
    }

    private static Activity Message(string text) =>
        new() { Type = ActivityTypes.Message, Text = text, Locale = "en-US", From = new ChannelAccount { Id = "u1", Role = "user" }, Recipient = BotIdentity.Account };

    private sealed class RecordingBot(List<string> seen) : IBot
    {
        public async Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(Random.Shared.Next(3), cancellationToken);
            lock (seen) seen.Add(context.Activity.Text!);
        }
    }

    private sealed class BlockingBot(Task gate) : IBot
    {
        public Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken) => gate;
    }

    private sealed class FailOnceBot(List<string> seen) : IBot
    {
        private bool _failed;

        public Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken)
        {
            if (!_failed)
            {
                _failed = true;
                throw new InvalidOperationException("boom");
            }

            seen.Add(context.Activity.Text!);
            return Task.CompletedTask;
        }
    }
}
