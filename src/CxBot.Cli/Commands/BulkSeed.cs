using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>seed-demo --bulk</c>: copies conversations played through the bot into many more, written straight into the
/// embedded database: each copy gets its own id, customer and start (spread evenly over the last N days), its
/// activities, state and linked documents (survey response, gaps, tickets, handoff grades) with ids and times shifted to match.
/// </summary>
public static partial class BulkSeed
{
    private static readonly HashSet<string> Copied = new(StringComparer.Ordinal) { Surveys.SurveyStore.Responses, Surveys.SurveyStore.Gaps, TicketStore.Collection, HandoffGradeStore.Collection };

    public static async Task<int> CopyAsync(IServiceProvider services, IReadOnlyList<Conversation> templates, int copies, int days, TextWriter output)
    {
        if (copies <= 0) return 0;
        if (!services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.IsSqlite)
            throw new UsageException("--bulk writes into the embedded database (Storage:Provider Sqlite).");
        var store = services.GetRequiredService<SqliteConversationStore>();
        var sources = new List<Template>();
        foreach (var conversation in templates)
        {
            var activities = (await store.ReadAsync(conversation.Id, 0, int.MaxValue, default)).Activities.Select(a => Encoding.UTF8.GetString(a.Json)).ToList();
            var state = await store.LoadStateAsync(conversation.Id, default);
            var stateJson = state is null ? null : System.Text.Json.JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState);
            var documents = (await store.ListLinkedAsync([conversation.Id], default)).Where(d => Copied.Contains(d.Collection))
                .Select(d => (d.Collection, d.Key, Encoding.UTF8.GetString(d.Value))).ToList();
            sources.Add(new Template(conversation, activities, stateJson, documents));
        }

        var started = Stopwatch.GetTimestamp();
        var first = DateTimeOffset.UtcNow.AddDays(-days);
        var step = TimeSpan.FromDays(days) / copies;
        var random = new Random(20261129);
        var written = 0;
        foreach (var chunk in Enumerable.Range(0, copies).Chunk(2000))
        {
            var conversations = new List<ImportedConversation>(chunk.Length);
            var documents = new List<(string Collection, string Key, byte[] Value)>();
            foreach (var i in chunk)
            {
                var template = sources[i % sources.Count];
                var id = $"bulk-{i:D7}-{random.Next(100000):D5}";
                var createdAt = first + step * i + TimeSpan.FromSeconds(random.Next(60));
                var shift = createdAt - template.Conversation.CreatedAt;
                var user = $"demo-user-{i}";
                string Rewrite(string json) => Timestamp().Replace(json.Replace(template.Conversation.Id, id, StringComparison.Ordinal)
                    .Replace($"\"{template.Conversation.UserId}\"", $"\"{user}\"", StringComparison.Ordinal), m => Shift(m.Value, shift));
                var conversation = new Conversation(id, createdAt, user, template.Conversation.Locale);
                conversations.Add(new ImportedConversation(conversation, [.. template.Activities.Select(a => Encoding.UTF8.GetBytes(Rewrite(a)))],
                    template.State is null ? null : Encoding.UTF8.GetBytes(Rewrite(template.State))));
                foreach (var (collection, key, value) in template.Documents)
                {
                    var copyKey = collection switch
                    {
                        TicketStore.Collection => $"{key}-{i}",
                        // conversation|agent|ticks of the handoff: the time moves with the copy.
                        HandoffGradeStore.Collection => string.Create(CultureInfo.InvariantCulture,
                            $"{id}{key[key.IndexOf('|')..(key.LastIndexOf('|') + 1)]}{long.Parse(key[(key.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture) + shift.Ticks}"),
                        _ => key.Replace(template.Conversation.Id, id, StringComparison.Ordinal),
                    };
                    documents.Add((collection, copyKey, Encoding.UTF8.GetBytes(Rewrite(value).Replace($"\"{key}\"", $"\"{copyKey}\"", StringComparison.Ordinal))));
                }
            }

            written += await store.ImportAsync(conversations);
            await Task.WhenAll(documents.Select(d => store.PutAsync(d.Collection, d.Key, d.Value, default)));
            if (written % 20000 < chunk.Length)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {written} copies written ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)"));
        }

        return written;
    }

    /// <summary>An ISO 8601 time as the activities (…Z) and states (…+00:00) write them, moved by <paramref name="shift"/> in the same form.</summary>
    private static string Shift(string value, TimeSpan shift)
    {
        var time = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) + shift;
        return value.EndsWith('Z') ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) : time.ToString("O", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Timestamp();

    private sealed record Template(Conversation Conversation, List<string> Activities, string? State, List<(string Collection, string Key, string Value)> Documents);
}
