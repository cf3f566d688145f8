using System.Diagnostics;
using Activity = CxBot.Activities.Activity;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Privacy;
using CxBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Cli.Commands;

/// <summary>
/// The embedded store with a long history (seed it with <c>seed-demo --bulk</c>): the dashboard's endpoints over the
/// whole range and over one week, a customer's export and erasure, and the retention purge with turns running beside it.
/// </summary>
public static partial class PerfCommand
{
    /// <summary>Every dashboard endpoint, over the whole range and over the last seven days, as a signed-in lead.</summary>
    private static async Task<int> DashboardAsync(CommandArgs args, TextWriter output)
    {
        var (http, _) = await SignInAsync(args);
        var runs = args.GetInt("runs", 20);
        var today = DateTime.UtcNow.Date;
        var week = $"from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        string[] endpoints = ["summary", "trend", "trend?interval=week", "breakdown", "gaps", "low-rated", "export/responses.csv", "export/conversations.csv"];
        foreach (var (range, query) in new[] { ("whole range", ""), ("last 7 days", week) })
        foreach (var endpoint in endpoints)
        {
            var url = $"/api/cx/{endpoint}{(query.Length == 0 ? "" : (endpoint.Contains('?') ? "&" : "?") + query)}";
            var times = new List<double>();
            long bytes = 0;
            for (var run = 0; run <= runs; run++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url);
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                response.EnsureSuccessStatusCode();
                if (run > 0) times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            times.Sort();
            await output.WriteLineAsync(Invariant($"{range,-12} {endpoint,-26} p50 {P(times, 0.5),7:0.0} ms  p95 {P(times, 0.95),7:0.0} ms  max {times[^1],7:0.0} ms  ({bytes / 1024.0:0} KiB)"));
        }

        return 0;
    }

    /// <summary>GDPR export then erasure of N customers picked from the seeded ones (<c>demo-user-K</c>).</summary>
    private static async Task<int> PrivacyAsync(CommandArgs args, TextWriter output)
    {
        var (http, _) = await SignInAsync(args);
        var customers = args.GetInt("customers", 50);
        var highest = args.GetInt("users", 200000);
        var antiforgery = JsonDocument.Parse(await http.GetStringAsync("/api/cx/antiforgery")).RootElement;
        var random = new Random(42);
        var exports = new List<double>();
        var erasures = new List<double>();
        var conversations = 0;
        foreach (var user in Enumerable.Range(0, customers).Select(_ => $"demo-user-{random.Next(highest)}").Distinct())
        {
            var started = Stopwatch.GetTimestamp();
            using (var export = await http.GetAsync($"/api/cx/privacy/{user}"))
            {
                if (export.StatusCode == HttpStatusCode.NotFound) continue;
                export.EnsureSuccessStatusCode();
                await export.Content.ReadAsByteArrayAsync();
            }

            exports.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            using var erase = new HttpRequestMessage(HttpMethod.Delete, $"/api/cx/privacy/{user}");
            erase.Headers.Add(antiforgery.GetProperty("header").GetString()!, antiforgery.GetProperty("token").GetString());
            started = Stopwatch.GetTimestamp();
            using var erased = await http.SendAsync(erase);
            erased.EnsureSuccessStatusCode();
            conversations += JsonDocument.Parse(await erased.Content.ReadAsStringAsync()).RootElement.GetProperty("conversationsErased").GetInt32();
            erasures.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        exports.Sort();
        erasures.Sort();
        await output.WriteLineAsync(Invariant(
            $"{exports.Count} customers ({conversations} conversations): export p50 {P(exports, 0.5):0.0} ms, p95 {P(exports, 0.95):0.0} ms, max {exports[^1]:0.0} ms; erase p50 {P(erasures, 0.5):0.0} ms, p95 {P(erasures, 0.95):0.0} ms, max {erasures[^1]:0.0} ms"));
        return 0;
    }

    /// <summary>
    /// The retention purge of everything older than --days in the data folder, in process, with four customers
    /// talking to the bot meanwhile: how long it takes, and the turns' latency before and during it.
    /// </summary>
    private static async Task<int> PurgeAsync(CommandArgs args, TextWriter output)
    {
        await using var provider = InProcessBot.Build(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.GetFullPath(args.Require("data")),
            ["Privacy:RetentionDays"] = (args.Get("days") ?? "90"),
            ["Knowledge:Folder"] = args.Get("kb") ?? "knowledge-base",
            ["Knowledge:WatchForChanges"] = "false",
        });
        var store = provider.GetRequiredService<IConversationStore>();
        var dispatcher = provider.GetRequiredService<TurnDispatcher>();
        var feed = provider.GetRequiredService<IActivityFeed>();
        var retention = provider.GetRequiredService<RetentionService>();
        var phase = 0;
        var before = new System.Collections.Concurrent.ConcurrentBag<double>();
        var during = new System.Collections.Concurrent.ConcurrentBag<double>();
        using var stop = new CancellationTokenSource();
        var customers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var conversation = new Conversation($"purge-perf-{worker}-{i / 8}", DateTimeOffset.UtcNow, "u", "pl-PL");
                if (i % 8 == 0) await store.CreateAsync(conversation, default);
                var ms = await TimedTurnAsync(store, dispatcher, feed, conversation, Questions[i % Questions.Length]);
                (phase == 1 ? during : before).Add(ms);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(5));
        phase = 1;
        var started = Stopwatch.GetTimestamp();
        var erased = await retention.PurgeAsync(default);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        stop.Cancel();
        await Task.WhenAll(customers);
        await dispatcher.DrainAsync();
        var b = before.Order().ToArray();
        var d = during.Order().ToArray();
        await output.WriteLineAsync(Invariant(
            $"retention purge: erased {erased} conversations in {seconds:0.0} s ({erased / seconds:0}/s); turns of 4 customers meanwhile: before p50 {P(b, 0.5):0.00} ms, p99 {P(b, 0.99):0.00} ms ({b.Length} turns); during p50 {P(d, 0.5):0.00} ms, p99 {P(d, 0.99):0.00} ms, max {(d.Length == 0 ? double.NaN : d[^1]):0.0} ms ({d.Length} turns)"));
        return 0;
    }

    private static async Task<double> TimedTurnAsync(IConversationStore store, TurnDispatcher dispatcher, IActivityFeed feed, Conversation conversation, string text)
    {
        var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(conversation.Id, () => replied.TrySetResult());
        var started = Stopwatch.GetTimestamp();
        var before = (await store.ReadAsync(conversation.Id, long.MaxValue, 0, default)).Watermark;
        await dispatcher.AcceptAsync(conversation, new Activity
        {
            Type = ActivityTypes.Message, Text = text, Locale = "pl-PL", From = new ChannelAccount { Id = "u", Role = "user" }, Recipient = BotIdentity.Account,
        }, default);
        while (true)
        {
            var page = await store.ReadAsync(conversation.Id, before, 100, default);
            if (page.Activities.Any(a => a.ToActivity() is { Type: ActivityTypes.Message, From.Role: "bot" })) break;
            await replied.Task;
            replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>A lead's session against a running host (Development demo account lead/lead unless given).</summary>
    private static async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(CommandArgs args)
    {
        var url = new Uri(args.Require("url").TrimEnd('/') + "/");
        if (!url.IsLoopback) throw new UsageException("Only loopback addresses.");
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        var form = await http.GetStringAsync("agent/login");
        var token = LoginToken().Match(form);
        using var response = await http.PostAsync("agent/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["userName"] = args.Get("user") ?? "lead", ["password"] = args.Get("password") ?? "lead", ["returnUrl"] = "/cx",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("error", StringComparison.Ordinal) == true)
            throw new UsageException("Sign-in failed: run the host in Development (demo account lead/lead) or pass --user and --password of a lead.");
        return (http, cookies);
    }

    [GeneratedRegex("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">\\s*<input type=\"hidden\" name=\"returnUrl\"")]
    private static partial Regex LoginToken();
}
