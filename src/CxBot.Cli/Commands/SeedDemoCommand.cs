using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Knowledge;
using CxBot.Surveys;
using CxBot.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>seed-demo</c>: plays a few hundred varied synthetic conversations through the real bot — FAQ answers,
/// questions it cannot answer, frustration, requests for a person handled by simulated agents, surveys
/// answered or ignored, agents' grades of their handoffs (unnecessary handoffs growing over the weeks, so the drift
/// shows) — spread over the past four weeks, into the data folder the web host uses, so the
/// dashboard means something on first run. Deterministic (fixed seed). Stop the web host first: the
/// embedded store allows one process at a time. With <c>--bulk</c> (embedded store), a few hundred are played through
/// the bot and the rest are copies of them written straight into the database, spread over <c>--days</c>, with
/// their own ids, customers and times: 200,000 conversations in minutes, for measuring a year of history.
/// </summary>
public static class SeedDemoCommand
{
    public const string Help = "fill the data folder with synthetic conversations for the dashboard (--data src/CxBot.Web/data --conversations 300 [--bulk --days 28])";

    private static readonly string[] UnknownPl =
    [
        "czy mogę zapłacić kryptowalutą?", "płacicie bitcoinem?", "czy przyjmujecie płatność kryptowalutami", "czy pakujecie na prezent?",
        "czy mogę zamówić pakowanie prezentowe", "macie karmę dla psa?", "czy szukacie pracowników do magazynu?", "jaka będzie jutro pogoda",
    ];

    private static readonly string[] UnknownEn =
    [
        "can I pay with crypto?", "do you accept bitcoin payments", "do you offer gift wrapping?", "can you gift wrap my order",
        "do you sell car tyres", "are you hiring warehouse staff?", "do you have dog food",
    ];

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var count = args.GetInt("conversations", 300);
        var dataDirectory = Path.GetFullPath(args.Get("data") ?? "src/CxBot.Web/data");
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow.AddDays(-28));
        // Settings from the environment as the host reads them (e.g. Knowledge__CacheFolder), the command's own on top.
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Knowledge:Folder"] = args.Get("kb") ?? "knowledge-base",
            ["Knowledge:WatchForChanges"] = "false",
            ["BusinessHours:AlwaysOpen"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddCxBot();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IConversationStore>();
        var bulk = args.Get("bulk") is not null;
        var played = new List<Conversation>();
        if (bulk) count = Math.Min(count, 400);
        var dispatcher = provider.GetRequiredService<TurnDispatcher>();
        var agents = provider.GetRequiredService<AgentRegistry>();
        var grades = provider.GetRequiredService<HandoffGradeStore>();
        var articles = provider.GetRequiredService<KnowledgeBaseProvider>().Current.Articles;
        agents.Connected("anna", "Anna", 5);
        agents.Connected("piotr", "Piotr", 5);
        var random = new Random(20261122);
        // Grades draw from their own sequence, so the conversations stay those seeded before grading existed.
        var judging = new Random(20261123);

        for (var i = 0; i < count; i++)
        {
            clock.Set(DateTimeOffset.UtcNow.AddDays(-28).AddMinutes(i * 28.0 * 24 * 60 / count + random.Next(30)));
            var language = random.NextDouble() < 0.65 ? "pl" : "en";
            var conversation = new Conversation($"demo-{i:D4}-{random.Next(100000):D5}", clock.GetUtcNow(), $"demo-user-{i}", language == "pl" ? "pl-PL" : "en-US");
            await store.CreateAsync(conversation, CancellationToken.None);
            played.Add(conversation);
            await dispatcher.DispatchAsync(conversation, new Activity
            {
                Type = ActivityTypes.ConversationUpdate, From = new ChannelAccount { Id = conversation.UserId, Role = "user" }, Recipient = BotIdentity.Account,
                MembersAdded = [new ChannelAccount { Id = conversation.UserId, Role = "user" }], Locale = conversation.Locale,
            });

            async Task Say(string text)
            {
                clock.Advance(TimeSpan.FromSeconds(20 + random.Next(60)));
                await dispatcher.AcceptAsync(conversation, new Activity
                {
                    Type = ActivityTypes.Message, Text = text, Locale = conversation.Locale, ChannelId = "directline",
                    From = new ChannelAccount { Id = conversation.UserId, Role = "user" }, Recipient = BotIdentity.Account,
                }, CancellationToken.None);
                await dispatcher.DrainAsync();
            }

            string Question() => Pick(random, Pick(random, articles.Where(a => a.Language == language).ToList()).Questions);
            var scenario = random.NextDouble();
            if (scenario < 0.55)
            {
                await Say(Question());
                if (random.NextDouble() < 0.5) await Say(Question());
                await Say(language == "pl" ? "dzięki, to wszystko" : "thanks, that's all");
                if (random.NextDouble() < 0.7) await Say(Pick<string>(random, ["5", "5", "4", "4", "5", "3", "bardzo dobrze", "great"]));
                if (random.NextDouble() < 0.3) await Say(Pick<string>(random, language == "pl" ? ["Szybko i konkretnie", "Pomocne", "Super"] : ["Quick and helpful", "Nice bot", "Clear answer"]));
            }
            else if (scenario < 0.72)
            {
                await Say(Pick(random, language == "pl" ? UnknownPl : UnknownEn));
                await Say(language == "pl" ? "nie, dziękuję" : "no thanks");
                await Say(language == "pl" ? "Zakończ czat" : "End chat");
                if (random.NextDouble() < 0.6) await Say(Pick<string>(random, ["2", "3", "1", "źle", "bad"]));
                if (random.NextDouble() < 0.5) await Say(language == "pl" ? "Bot nie zna odpowiedzi na proste pytanie" : "The bot didn't know a simple thing");
            }
            else
            {
                var answerable = random.NextDouble() < 0.5;
                await Say(answerable ? Question() : Pick<string>(random, language == "pl" ? ["CZEKAM JUŻ 2 TYGODNIE!!! KPINA", "nic nie działa, masakra"] : ["THIS IS RIDICULOUS!!!", "your bot is useless"]));
                await Say(language == "pl" ? Pick<string>(random, ["konsultant", "chcę rozmawiać z człowiekiem"]) : Pick<string>(random, ["agent please", "I want to talk to a human"]));
                var agent = random.NextDouble() < 0.6 ? ("anna", "Anna") : ("piotr", "Piotr");
                clock.Advance(TimeSpan.FromSeconds(30 + random.Next(400)));
                agents.TryAssign(agent.Item1, conversation.Id);
                await AgentAsync(dispatcher, conversation, AgentEvents.Accept, agent);
                var state = await store.LoadStateAsync(conversation.Id, CancellationToken.None) ?? new ConversationState();
                await grades.RecordHandledAsync(conversation.Id, agent.Item1, agent.Item2, state, CancellationToken.None);
                await AgentAsync(dispatcher, conversation, AgentEvents.Message, agent, language == "pl" ? "Dzień dobry, już sprawdzam." : "Hello, let me check that.");
                await Say(language == "pl" ? "numer zamówienia 10023" : "order number 10023");
                clock.Advance(TimeSpan.FromMinutes(2 + random.Next(8)));
                await AgentAsync(dispatcher, conversation, AgentEvents.Message, agent, language == "pl" ? "Paczka wyjdzie dziś, przepraszam za kłopot." : "It ships today, sorry for the trouble.");
                await AgentAsync(dispatcher, conversation, AgentEvents.End, agent);
                if (Grade(judging, answerable, (double)i / count) is { } grade)
                    await grades.GradeAsync(conversation.Id, agent.Item1, grade, CancellationToken.None);
                if (random.NextDouble() < 0.75)
                {
                    var csat = Pick<string>(random, agent.Item1 == "anna" ? ["5", "5", "4", "4", "3"] : ["4", "3", "2", "5", "1"]);
                    await Say(csat);
                    await Say(Pick<string>(random, ["5", "4", "3", "2"]));
                    if (random.NextDouble() < 0.4) await Say(language == "pl" ? "Konsultant bardzo pomocny" : "The consultant was very helpful");
                }
            }
        }

        await dispatcher.DrainAsync();
        if (bulk)
        {
            var total = args.GetInt("conversations", 300);
            var copied = await BulkSeed.CopyAsync(provider, played, total - played.Count, args.GetInt("days", 28), output);
            await output.WriteLineAsync($"Seeded {played.Count} conversations through the bot and {copied} copies of them into {dataDirectory}.");
            return 0;
        }

        await output.WriteLineAsync($"Seeded {count} conversations into {dataDirectory}.");
        return 0;
    }

    /// <summary>
    /// How an agent judges the handoff: one in five is never graded; an answerable question handed over is more and more
    /// often "not needed" as the weeks pass (the drift a lead should see); an angry customer's handoff is often "too late".
    /// </summary>
    private static string? Grade(Random random, bool answerable, double progress)
    {
        if (random.NextDouble() < 0.2) return null;
        var roll = random.NextDouble();
        return answerable
            ? roll < 0.1 + 0.4 * progress ? HandoffGrades.NotNeeded : HandoffGrades.RightCall
            : roll < 0.3 ? HandoffGrades.TooLate : HandoffGrades.RightCall;
    }

    private static Task AgentAsync(TurnDispatcher dispatcher, Conversation conversation, string name, (string Id, string Name) agent, string? value = null) =>
        dispatcher.DispatchAsync(conversation, AgentEvents.Create(name, conversation.Id, agent.Id, agent.Name, value));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
