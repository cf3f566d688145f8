using System.Diagnostics;
using Activity = CxBot.Activities.Activity;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.History;
using CxBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>perf history</c>: a returning customer's earlier conversations as the desk's history panel and the queue's summary
/// read them (<see cref="CustomerHistory"/>, which <c>GET /api/agent/conversations/{id}/history</c> runs), for a customer with
/// N earlier conversations among many other customers', in the embedded store or Redis.
/// </summary>
public static partial class PerfCommand
{
    private static async Task<int> HistoryAsync(CommandArgs args, TextWriter output)
    {
        var provider = args.Get("provider") ?? "Sqlite";
        var earlierCount = args.GetInt("conversations", 100);
        var others = args.GetInt("others", 5000);
        var runs = args.GetInt("runs", 50);
        if (args.Get("url") is not null) return await HistoryOverHttpAsync(args, output);
        // --data DIR: seed that folder and keep it (or, with Redis, --keep: leave the data), to measure a host on it afterwards.
        var keep = args.Get("data") is not null || args.Get("keep") is not null;
        var folder = args.Get("data") is { } data ? Path.GetFullPath(data) : Directory.CreateTempSubdirectory("cxbot-perf-history-").FullName;
        var prefix = $"perf-history-{Guid.NewGuid():N}"[..24];
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = folder,
                ["Storage:Provider"] = provider,
                ["Knowledge:Folder"] = args.Get("kb") ?? "knowledge-base",
                ["Knowledge:WatchForChanges"] = "false",
            };
            if (string.Equals(provider, "Redis", StringComparison.OrdinalIgnoreCase))
                settings["Storage:Redis"] = args.Get("redis") ?? throw new UsageException("perf history --provider Redis needs --redis host:port (a scratch Redis: the data is left there under " + prefix + ").");
            ServiceProvider Open() => InProcessBot.Build(settings);

            // The customer's earlier conversations over the last months, then other customers' around them, then today's.
            var customer = $"{prefix}-customer";
            var now = DateTimeOffset.UtcNow;
            var seeding = Stopwatch.StartNew();
            string[] articles = ["returns", "order-status", "damaged-parcel", "delivery-cost", "complaints", "refund-time"];
            var current = new Conversation($"{prefix}-now", now, customer, "pl-PL", UserVerified: true);
            await using (var seeder = Open())
            {
                var seedStore = seeder.GetRequiredService<IConversationStore>();
                for (var i = 0; i < earlierCount; i++)
                    await SeedPastAsync(seedStore, new Conversation($"{prefix}-c{i}", now.AddHours(-(earlierCount - i) * 20), customer, "pl-PL", UserVerified: true),
                        articles[i % articles.Length], i);
                for (var i = 0; i < others; i++)
                    await SeedPastAsync(seedStore, new Conversation($"{prefix}-o{i}", now.AddMinutes(-i), $"{prefix}-other-{i % (others / 3 + 1)}", "en-US", UserVerified: true),
                        articles[i % articles.Length], i);
                await seedStore.CreateAsync(current, default);
            }

            seeding.Stop();

            // Measured in a store opened afresh on that data, as after a restart: no conversation in its cache.
            await using var container = Open();
            var store = container.GetRequiredService<IConversationStore>();
            var history = container.GetRequiredService<CustomerHistory>();
            var times = new List<double>();
            var summaries = new List<double>();
            var shown = 0;
            var first = 0.0;
            string? line = null;
            for (var run = 0; run <= runs; run++)
            {
                var started = Stopwatch.GetTimestamp();
                var earlier = await history.EarlierAsync(current, 100, default);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                started = Stopwatch.GetTimestamp();
                line = await history.SummaryLineAsync(current, default);
                var summary = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                shown = earlier.Count;
                if (run == 0)
                {
                    first = elapsed; // cold: nothing cached, code not yet compiled
                    continue;
                }

                times.Add(elapsed);
                summaries.Add(summary);
            }

            times.Sort();
            summaries.Sort();
            await output.WriteLineAsync(Invariant(
                $"history ({provider}): {shown} earlier conversations shown of a customer with {earlierCount}, among {others} other conversations (seeded in {seeding.Elapsed.TotalSeconds:0.0} s); first read after opening the store {first:0.0} ms; then {runs} runs: p50 {P(times, 0.5):0.0} ms, p95 {P(times, 0.95):0.0} ms, max {times[^1]:0.0} ms; queue summary line p50 {P(summaries, 0.5):0.0} ms, p95 {P(summaries, 0.95):0.0} ms"));
            await output.WriteLineAsync($"  \"{line}\"");
            if (keep) await output.WriteLineAsync($"  kept: the current conversation is {current.Id} (perf history --url U --conversation {current.Id})");
            if (keep || !string.Equals(provider, "Redis", StringComparison.OrdinalIgnoreCase)) return 0;
            // Leave the scratch Redis as it was.
            await store.DeleteConversationsAsync([.. Enumerable.Range(0, earlierCount).Select(i => $"{prefix}-c{i}"), .. Enumerable.Range(0, others).Select(i => $"{prefix}-o{i}"), current.Id], default);
            return 0;
        }
        finally
        {
            if (!keep)
                try { Directory.Delete(folder, recursive: true); }
                catch (IOException) { }
        }
    }

    /// <summary>
    /// The desk's history request against a running host, as a signed-in agent's browser makes it
    /// (<c>GET /api/agent/conversations/{id}/history</c>), for a conversation seeded with <c>--data</c> or <c>--keep</c>.
    /// </summary>
    private static async Task<int> HistoryOverHttpAsync(CommandArgs args, TextWriter output)
    {
        var (http, _) = await SignInAsync(args);
        var conversationId = args.Require("conversation");
        var runs = args.GetInt("runs", 50);
        var times = new List<double>();
        var shown = 0;
        var first = 0.0;
        for (var run = 0; run <= runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync($"api/agent/conversations/{Uri.EscapeDataString(conversationId)}/history");
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            shown = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("conversations").GetArrayLength();
            if (run == 0) first = elapsed;
            else times.Add(elapsed);
        }

        times.Sort();
        await output.WriteLineAsync(Invariant(
            $"history over HTTP: {shown} earlier conversations; first request {first:0.0} ms; then {runs} requests: p50 {P(times, 0.5):0.0} ms, p95 {P(times, 0.95):0.0} ms, max {times[^1]:0.0} ms"));
        return 0;
    }

    /// <summary>A finished conversation: the greeting, the customer's question, the bot's answer, and its state (article, outcome, CSAT).</summary>
    private static async Task SeedPastAsync(IConversationStore store, Conversation conversation, string article, int i)
    {
        await store.CreateAsync(conversation, default);
        var user = new ChannelAccount { Id = conversation.UserId!, Role = "user" };
        foreach (var (from, text) in new[] { (BotIdentity.Account, "Cześć! W czym mogę pomóc?"), (user, $"pytanie o {article} nr {i}"), (BotIdentity.Account, $"Odpowiedź z artykułu {article}.") })
            await store.AppendAsync(conversation.Id, new Activity
            {
                Type = ActivityTypes.Message, Text = text, From = from, Recipient = from == user ? BotIdentity.Account : user,
                Timestamp = conversation.CreatedAt.AddSeconds(10), Locale = conversation.Locale,
            }, default);
        var state = new ConversationState { Language = "pl", CustomerMessages = 1, EndedAt = conversation.CreatedAt.AddMinutes(3) };
        state.ArticlesUsed.Add(article);
        if (i % 4 == 0) state.Csat = 1 + i % 5;
        await store.SaveStateAsync(conversation.Id, state, default);
    }
}
