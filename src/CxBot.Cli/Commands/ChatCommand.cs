using System.Text.Json;
using CxBot.Activities;
using CxBot.Bot;
using CxBot.Conversations;
using CxBot.Turns;
using CxBot.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>chat [--locale en-US]</c>: one conversation with the whole bot in process (a consultant online, hours open), a customer
/// message per line of stdin; prints what the bot says and, with <c>--explain</c>, what it read (acts, language, answer).
/// </summary>
public static class ChatCommand
{
    public const string Help = "chat with the bot in process, one message per line of stdin (--locale en-US --explain)";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var folder = Directory.CreateTempSubdirectory("cxbot-chat-").FullName;
        await using var provider = InProcessBot.InOfficeHours(args, folder, textsFolder: null, sendTyping: false);
        var store = provider.GetRequiredService<IConversationStore>();
        var dispatcher = provider.GetRequiredService<TurnDispatcher>();
        var reader = provider.GetRequiredService<MessageReader>();
        var locale = args.Get("locale");
        var conversation = new Conversation("chat-" + Guid.NewGuid().ToString("N")[..8], DateTimeOffset.UtcNow, "u1", locale);
        await store.CreateAsync(conversation, CancellationToken.None);
        await dispatcher.DispatchAsync(conversation, new Activity
        {
            Type = ActivityTypes.ConversationUpdate, From = new ChannelAccount { Id = "u1", Role = "user" }, Recipient = BotIdentity.Account,
            MembersAdded = [BotIdentity.Account, new ChannelAccount { Id = "u1", Role = "user" }], Locale = locale,
        });
        long watermark = 0;
        async Task PrintAsync()
        {
            var page = await store.ReadAsync(conversation.Id, watermark, int.MaxValue, CancellationToken.None);
            watermark = page.Watermark;
            foreach (var a in page.Activities.Select(s => s.ToActivity()).Where(a => a.From?.Role != "user"))
            {
                if (a.Type == ActivityTypes.Event) await output.WriteLineAsync($"  [{a.Name} {(a.Value is { } v ? JsonSerializer.Serialize(v) : "")}]");
                else if (a.Type == ActivityTypes.Message)
                    await output.WriteLineAsync($"bot> {a.Text}" + (a.SuggestedActions?.Actions is { Count: > 0 } actions ? $"  [{string.Join(" | ", actions.Select(c => c.Title))}]" : ""));
            }
        }

        await PrintAsync();
        while (await input.ReadLineAsync() is { } line)
        {
            if (line.Trim().Length == 0) continue;
            await output.WriteLineAsync($"you> {line}");
            if (args.Get("explain") is not null)
            {
                var reading = reader.Read(line, (await store.LoadStateAsync(conversation.Id, CancellationToken.None))?.Language ?? "pl");
                var likely = CxBot.Understanding.Acts.ActLabels.All.Select((l, i) => (l.Name, P: reading.Probabilities[i])).Where(p => p.P >= 0.1).OrderByDescending(p => p.P);
                await output.WriteLineAsync($"  (acts {reading.Acts}, {reading.Language}; {string.Join(", ", likely.Select(p => $"{p.Name} {p.P:0.00}"))})");
            }

            await dispatcher.AcceptAsync(conversation, new Activity
            {
                Type = ActivityTypes.Message, Text = line, Locale = locale, ChannelId = "directline",
                From = new ChannelAccount { Id = "u1", Role = "user" }, Recipient = BotIdentity.Account,
            }, CancellationToken.None);
            await dispatcher.DrainAsync();
            await PrintAsync();
            if (args.Get("explain") is not null && await store.LoadStateAsync(conversation.Id, CancellationToken.None) is { } state)
                await output.WriteLineAsync($"  (phase {state.Handoff}/{state.Survey}, pending {state.Pending}, failures {state.ConsecutiveFailures}, not understood {state.NotUnderstood}, sentiment {state.SentimentNow})");
        }

        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        return 0;
    }
}
