using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Tests;

/// <summary>The whole bot in process, wired as the host wires it (real store, knowledge base, sentiment model, handoff), without HTTP.</summary>
public sealed class BotHost : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ServiceProvider _services;

    public BotHost(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _folder.Path,
            ["Knowledge:Folder"] = Knowledge.TestKnowledge.RepositoryFolder,
            ["Knowledge:WatchForChanges"] = "false",
            ["BusinessHours:AlwaysOpen"] = "true",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        if (time is not null) services.AddSingleton(time);
        services.AddCxBot();
        _services = services.BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Starts a conversation as Direct Line does; <paramref name="locale"/> null for a client that sends none.</summary>
    public async Task<Conversation> StartAsync(string? locale)
    {
        var conversation = new Conversation(Guid.NewGuid().ToString("N"), Get<TimeProvider>().GetUtcNow(), "u1", locale);
        await Get<IConversationStore>().CreateAsync(conversation, default);
        await Get<TurnDispatcher>().DispatchAsync(conversation, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [BotIdentity.Account, new ChannelAccount { Id = "u1", Role = "user" }],
            From = new ChannelAccount { Id = "u1", Role = "user" },
            Recipient = BotIdentity.Account,
            Locale = locale,
        });
        return conversation;
    }

    /// <summary>Says something as the customer and waits for the bot's whole turn.</summary>
    public async Task SayAsync(Conversation conversation, string text)
    {
        var dispatcher = Get<TurnDispatcher>();
        await dispatcher.AcceptAsync(conversation, new Activity
        {
            Type = ActivityTypes.Message, Text = text, Locale = conversation.Locale, ChannelId = "directline",
            From = new ChannelAccount { Id = "u1", Role = "user" }, Recipient = BotIdentity.Account,
        }, default);
        await dispatcher.DrainAsync();
    }

    /// <summary>Runs an agent-desk event (accept, message, end…) through the conversation's turn queue, as the hub does.</summary>
    public async Task AgentAsync(Conversation conversation, string name, string? value = null)
    {
        await Get<TurnDispatcher>().DispatchAsync(conversation, CxBot.Handoff.AgentEvents.Create(name, conversation.Id, "anna", "Anna", value));
    }

    /// <summary>The bot's and agents' messages so far, in order.</summary>
    public async Task<List<string>> RepliesAsync(Conversation conversation) =>
        [.. (await TranscriptAsync(conversation)).Where(a => a.Type == ActivityTypes.Message && a.From?.Role != "user").Select(a => a.Text ?? "")];

    /// <summary>Whether the bot started a handoff (the Bot Framework <c>handoff.initiate</c> event) in this conversation.</summary>
    public async Task<bool> HandedOverAsync(Conversation conversation) =>
        (await TranscriptAsync(conversation)).Any(a => a.Type == ActivityTypes.Event && a.Name == CxBot.Handoff.HandoffEvents.Initiate);

    public async Task<List<Activity>> TranscriptAsync(Conversation conversation) =>
        [.. (await Get<IConversationStore>().ReadAsync(conversation.Id, 0, int.MaxValue, default)).Activities.Select(a => a.ToActivity())];

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
