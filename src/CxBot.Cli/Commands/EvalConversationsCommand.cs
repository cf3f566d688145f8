using System.Globalization;
using System.Text;
using System.Text.Json;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Texts;
using CxBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>eval-conversations --cases FILE</c>: replays scripted conversations through the real pipeline in process (a
/// consultant online, business hours open) and reports, per category and language, handoffs decided right /
/// unnecessary / missed or late, urgent ones at the front of the queue, the CSAT question at goodbyes (and never twice),
/// and the greeting's language. A script: <c>{"id","lang","locale","category","messages":[…],"expect":{"handoff","at","urgent","csat","greeting"}}</c>.
/// </summary>
public static class EvalConversationsCommand
{
    public const string Help = "replay scripted conversations and report handoff, CSAT and greeting judgement (--cases FILE [--errors] [--json])";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var scripts = await ReadAsync(args.Require("cases"));
        using var folder = new TemporaryFolder();
        await using var provider = InProcessBot.InOfficeHours(args, folder.Path, args.Get("texts"), sendTyping: true);
        var store = provider.GetRequiredService<IConversationStore>();
        var dispatcher = provider.GetRequiredService<TurnDispatcher>();
        var texts = provider.GetRequiredService<TextCatalog>();
        var queue = provider.GetRequiredService<HandoffQueue>();

        var results = new List<Result>();
        foreach (var script in scripts)
        {
            var conversation = new Conversation($"eval-{script.Id}-{Guid.NewGuid():N}"[..40], DateTimeOffset.UtcNow, "u-" + script.Id, script.Locale);
            await store.CreateAsync(conversation, CancellationToken.None);
            await dispatcher.DispatchAsync(conversation, new Activity
            {
                Type = ActivityTypes.ConversationUpdate, From = new ChannelAccount { Id = conversation.UserId, Role = "user" }, Recipient = BotIdentity.Account,
                MembersAdded = [BotIdentity.Account, new ChannelAccount { Id = conversation.UserId, Role = "user" }], Locale = script.Locale,
            });
            int? handedOverAt = null;
            string? reason = null;
            for (var i = 0; i < script.Messages.Count; i++)
            {
                await dispatcher.AcceptAsync(conversation, new Activity
                {
                    Type = ActivityTypes.Message, Text = script.Messages[i], Locale = script.Locale, ChannelId = "directline",
                    From = new ChannelAccount { Id = conversation.UserId, Role = "user" }, Recipient = BotIdentity.Account,
                }, CancellationToken.None);
                await dispatcher.DrainAsync();
                if (handedOverAt is null && await InitiatedAsync(store, conversation.Id) is { } initiated)
                {
                    handedOverAt = i;
                    reason = initiated;
                }
            }

            var transcript = (await store.ReadAsync(conversation.Id, 0, int.MaxValue, CancellationToken.None)).Activities.Select(a => a.ToActivity()).ToList();
            // Urgency is what the desk sees at the end: a situation told while already waiting for another reason moves the
            // conversation to the front with that reason (no agent is online here, so a handed-over conversation is still queued).
            var queued = (await queue.SnapshotAsync(CancellationToken.None)).FirstOrDefault(e => e.ConversationId == conversation.Id);
            var urgent = queued is not null ? queued.Urgent && HandoffReason.IsProtected(queued.Reason) : HandoffReason.IsProtected(reason);
            results.Add(Judge(script, transcript, handedOverAt, reason, urgent, queued?.Reason, texts));
        }

        if (args.Get("json") is not null)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(results.Select(r => r.Script.Lang).Distinct().Order()
                .Append("all").ToDictionary(l => l, l => Figures([.. results.Where(r => l == "all" || r.Script.Lang == l)]))));
            return 0;
        }

        await output.WriteAsync(Report(results));
        if (args.Get("errors") is not null)
            foreach (var result in results.Where(r => !r.AllRight)) await output.WriteAsync(result.Describe());
        return 0;
    }

    private static async Task<string?> InitiatedAsync(IConversationStore store, string conversationId)
    {
        var initiate = (await store.ReadAsync(conversationId, 0, int.MaxValue, CancellationToken.None)).Activities.Select(a => a.ToActivity())
            .FirstOrDefault(a => a.Type == ActivityTypes.Event && a.Name == HandoffEvents.Initiate);
        return initiate?.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : initiate is null ? null : "";
    }

    private static Result Judge(Script script, List<Activity> transcript, int? handedOverAt, string? reason, bool urgent, string? queuedFor, TextCatalog texts)
    {
        var handoff = (script.Expect.Handoff, handedOverAt) switch
        {
            (true, null) => "missed",
            (true, var at) when script.Expect.At is { } latest && at > latest => "late",
            (true, _) => "right",
            (false, null) => "right",
            (false, _) => "unnecessary",
        };
        var bot = transcript.Where(a => a.Type == ActivityTypes.Message && a.From?.Role == "bot").ToList();
        var csatTexts = texts.Languages.Select(l => texts.For(l)["survey_satisfaction"]).ToHashSet();
        var csatAsked = bot.Count(a => csatTexts.Contains(a.Text ?? ""));
        var lastCustomer = transcript.FindLastIndex(a => a.Type == ActivityTypes.Message && a.From?.Role == "user");
        var csatAfterLast = transcript.Skip(lastCustomer + 1).Any(a => a.Type == ActivityTypes.Message && csatTexts.Contains(a.Text ?? ""));
        var greeting = bot.FirstOrDefault();
        var greetingLanguage = greeting is null ? null : texts.Languages.FirstOrDefault(l => greeting.Text!.StartsWith(texts.For(l)["greeting"], StringComparison.Ordinal));
        return new Result(script, transcript, handoff, handedOverAt, reason, queuedFor,
            UrgentRight: !script.Expect.Urgent || urgent,
            CsatRight: script.Expect.Csat ? csatAsked == 1 && csatAfterLast : true,
            CsatTwice: csatAsked > 1,
            GreetingRight: greetingLanguage == script.Expect.Greeting);
    }

    private static string Report(List<Result> results)
    {
        var text = new StringBuilder();
        text.AppendLine("scope                        n  handoff right  unnecessary  missed/late  urgent right  CSAT at goodbye  CSAT twice  greeting right");
        void Row(string scope, IReadOnlyList<Result> rows)
        {
            var urgent = rows.Where(r => r.Script.Expect.Urgent).ToList();
            var goodbyes = rows.Where(r => r.Script.Expect.Csat).ToList();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{scope,-26} {rows.Count,4}  {Share(rows.Count(r => r.Handoff == "right"), rows.Count),13}  {rows.Count(r => r.Handoff == "unnecessary"),11}  "
                + $"{rows.Count(r => r.Handoff is "missed" or "late"),11}  {Fraction(urgent.Count(r => r.UrgentRight), urgent.Count),12}  "
                + $"{Fraction(goodbyes.Count(r => r.CsatRight), goodbyes.Count),15}  {rows.Count(r => r.CsatTwice),10}  {Share(rows.Count(r => r.GreetingRight), rows.Count),14}"));
        }

        foreach (var group in results.GroupBy(r => (r.Script.Category, r.Script.Lang)).OrderBy(g => g.Key.Category).ThenBy(g => g.Key.Lang))
            Row($"{group.Key.Category} ({group.Key.Lang})", [.. group]);
        foreach (var language in results.Select(r => r.Script.Lang).Distinct().Order()) Row($"ALL ({language})", [.. results.Where(r => r.Script.Lang == language)]);
        Row("ALL", results);
        return text.ToString();
    }

    /// <summary>The judgement figures of a set of conversations, as shares (0–1), for <c>--json</c>.</summary>
    private static Dictionary<string, double> Figures(IReadOnlyList<Result> rows)
    {
        static double Of(int part, int whole) => whole == 0 ? 1 : Math.Round((double)part / whole, 4);
        var urgent = rows.Where(r => r.Script.Expect.Urgent).ToList();
        var goodbyes = rows.Where(r => r.Script.Expect.Csat).ToList();
        return new()
        {
            ["conversations"] = rows.Count,
            ["handoffRight"] = Of(rows.Count(r => r.Handoff == "right"), rows.Count),
            ["unnecessary"] = rows.Count(r => r.Handoff == "unnecessary"),
            ["missedOrLate"] = rows.Count(r => r.Handoff is "missed" or "late"),
            ["urgentRight"] = Of(urgent.Count(r => r.UrgentRight), urgent.Count),
            ["csatAtGoodbyes"] = Of(goodbyes.Count(r => r.CsatRight), goodbyes.Count),
            ["csatTwice"] = rows.Count(r => r.CsatTwice),
            ["greetingRight"] = Of(rows.Count(r => r.GreetingRight), rows.Count),
        };
    }

    private static string Share(int part, int whole) => whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0} %");

    private static string Fraction(int part, int whole) => whole == 0 ? "-" : $"{part}/{whole}";

    private static async Task<List<Script>> ReadAsync(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"Cases file '{path}' does not exist.");
        var scripts = new List<Script>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                scripts.Add(JsonSerializer.Deserialize<Script>(line, JsonOptions) ?? throw new JsonException("empty"));
            }
            catch (JsonException e)
            {
                throw new UsageException($"{path} line {number}: {e.Message}");
            }
        }

        return scripts;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Script(string Id, string Lang, string? Locale, string Category, List<string> Messages, Expectation Expect);

    private sealed record Expectation(bool Handoff, int? At, bool Urgent, bool Csat, string Greeting);

    private sealed record Result(Script Script, List<Activity> Transcript, string Handoff, int? HandedOverAt, string? Reason, string? QueuedFor,
        bool UrgentRight, bool CsatRight, bool CsatTwice, bool GreetingRight)
    {
        public bool AllRight => Handoff == "right" && UrgentRight && CsatRight && !CsatTwice && GreetingRight;

        public string Describe()
        {
            var text = new StringBuilder();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"\n--- {Script.Id} [{Script.Category}] handoff: expected {Script.Expect.Handoff} by {Script.Expect.At}, got {Handoff} at {HandedOverAt} ({Reason}{(QueuedFor is not null && QueuedFor != Reason ? $", queued for {QueuedFor} at the end" : "")}); "
                + $"urgent ok {UrgentRight}; csat ok {CsatRight}{(CsatTwice ? " TWICE" : "")}; greeting ok {GreetingRight}"));
            foreach (var a in Transcript.Where(a => a.Type is ActivityTypes.Message or ActivityTypes.Event))
            {
                var line = a.Type == ActivityTypes.Event ? $"  [{a.Name}]" : $"  {a.From?.Role}: {a.Text?.ReplaceLineEndings(" ")}";
                text.AppendLine(line.Length > 160 ? line[..160] + "…" : line);
            }

            return text.ToString();
        }
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("cxbot-eval-").FullName;

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
        }
    }
}
