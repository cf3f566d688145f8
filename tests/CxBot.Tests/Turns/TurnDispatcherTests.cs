using CxBot.Activities;
using CxBot.Bot;
using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Embedded;
using CxBot.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Turns;

public sealed class TurnDispatcherTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly JournalConversationStore _store;
    private readonly Conversation _conversation = new("c1", DateTimeOffset.UnixEpoch, "u1", "en-US");

    public TurnDispatcherTests()
    {
        _store = new(Options.Create(new StorageOptions { DataDirectory = _folder.Path }), TimeProvider.System, NullLogger<JournalConversationStore>.Instance);
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
    public async Task NewConversation_IsGreeted_InItsLanguage()
    {
        var sut = NewDispatcher(new SupportBot(Knowledge.TestKnowledge.DemoStore, Options.Create(new BotOptions())));

        await sut.DispatchAsync(_conversation, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [BotIdentity.Account, new ChannelAccount { Id = "u1", Role = "user" }],
            From = new ChannelAccount { Id = "u1" },
            Recipient = BotIdentity.Account,
        });

        var greeting = Assert.Single((await _store.ReadAsync("c1", 0, 10, default)).Activities).ToActivity();
        Assert.Contains("a bot", greeting.Text);
        Assert.Contains("consultant", greeting.Text);
        Assert.Contains("/privacy.html#en", greeting.Text);
        Assert.Equal(BotIdentity.Name, greeting.From!.Name);
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
        Assert.Contains(BotTexts.English.InternalError, texts);
        Assert.Equal(["second"], seen);
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private TurnDispatcher NewDispatcher(IBot bot)
    {
        var log = new ActivityLog(_store, new LocalActivityFeed());
        var pipeline = new TurnPipeline([new TranscriptMiddleware()], bot);
        return new TurnDispatcher(_store, log, pipeline, TimeProvider.System, NullLogger<TurnDispatcher>.Instance);
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
