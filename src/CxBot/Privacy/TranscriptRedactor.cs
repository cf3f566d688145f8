using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Surveys;
using Microsoft.Extensions.Options;

namespace CxBot.Privacy;

/// <summary>
/// With <see cref="PrivacyOptions.RedactStoredTranscripts"/> on, masks personal data at rest in conversations
/// that have ended: the texts of their stored activities, the survey comment and the knowledge-base gaps
/// recorded from them. A conversation is masked once it has been quiet for <see cref="QuietFor"/> after its
/// end (the customer may still be answering the survey), so an agent in a live conversation always sees what
/// the customer wrote. Messages written after a conversation was masked are masked on a later pass.
/// </summary>
public sealed class TranscriptRedactor(IConversationStore store, IDocumentStore documents, IOptions<PrivacyOptions> options, TimeProvider time)
{
    public const string Collection = "redacted-transcripts";
    public static readonly TimeSpan QuietFor = TimeSpan.FromMinutes(30);

    /// <summary>Where the last pass got to: conversations that ended and went quiet before this were masked.</summary>
    public const string ProgressCollection = "redaction-progress";

    /// <summary>
    /// One pass over the conversations that ended and went quiet since the last pass (the store indexes them by their
    /// last activity, so a conversation a customer wrote in again comes round again); returns how many were masked.
    /// </summary>
    public async Task<int> RedactEndedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RedactStoredTranscripts) return 0;
        var cutoff = time.GetUtcNow() - QuietFor;
        var from = await documents.GetAsync(ProgressCollection, "ended", cancellationToken) is { } progress
            ? DateTimeOffset.FromUnixTimeMilliseconds(JsonDocument.Parse(progress).RootElement.GetProperty("upTo").GetInt64())
            : DateTimeOffset.MinValue;
        var masked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conversation in await store.ListEndedAsync(from, cutoff, cancellationToken))
        {
            ConversationState? state;
            try { state = await store.LoadStateAsync(conversation.Id, cancellationToken); }
            catch (ConversationNotFoundException) { continue; }
            if (state is not { EndedAt: { } ended } || ended > cutoff || state.LastCustomerMessageAt > cutoff) continue;

            var done = await documents.GetAsync(Collection, conversation.Id, cancellationToken) is { } marker
                ? JsonDocument.Parse(marker).RootElement.GetProperty("upTo").GetInt64()
                : 0;
            var upTo = await MaskActivitiesAsync(conversation.Id, done, cancellationToken);
            if (upTo == done) continue;
            var record = new JsonObject { ["conversationId"] = conversation.Id, ["upTo"] = upTo };
            await documents.PutAsync(Collection, conversation.Id, Encoding.UTF8.GetBytes(record.ToJsonString()), cancellationToken);
            masked.Add(conversation.Id);
        }

        if (masked.Count > 0)
        {
            await MaskLinkedTextsAsync(masked, cancellationToken);
            // The store's log files (SQLite's WAL) may still hold the pages as they were.
            if (store is ICompactingStore compacting) await compacting.CompactAsync();
        }

        await documents.PutAsync(ProgressCollection, "ended", Encoding.UTF8.GetBytes(new JsonObject { ["upTo"] = cutoff.ToUnixTimeMilliseconds() }.ToJsonString()), cancellationToken);
        return masked.Count;
    }

    /// <summary>Masks the texts of the activities after <paramref name="after"/>; returns the watermark it reached.</summary>
    private async Task<long> MaskActivitiesAsync(string conversationId, long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await store.ReadAsync(conversationId, after, 200, cancellationToken);
            if (page.Activities.Count == 0) return after;
            foreach (var activity in page.Activities)
                if (Masked(JsonNode.Parse(activity.Json)!.AsObject(), "text") is { } json)
                    await store.ReplaceActivityAsync(conversationId, activity.Sequence, json, cancellationToken);

            after = page.Watermark;
        }
    }

    /// <summary>Survey comments and knowledge-base gaps keep customer text too.</summary>
    private async Task MaskLinkedTextsAsync(HashSet<string> conversationIds, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { [SurveyStore.Responses] = "comment", [SurveyStore.Gaps] = "text" };
        foreach (var document in await documents.ListLinkedAsync(conversationIds, cancellationToken))
            if (fields.TryGetValue(document.Collection, out var field) && Masked(JsonNode.Parse(document.Value)!.AsObject(), field) is { } masked)
                await documents.PutAsync(document.Collection, document.Key, masked, cancellationToken);
    }

    /// <summary>The JSON with personal data masked in its string <paramref name="field"/>, or null when there was nothing to mask.</summary>
    private static byte[]? Masked(JsonObject node, string field)
    {
        if (node[field] is not JsonValue value || !value.TryGetValue<string>(out var text)) return null;
        var redacted = PersonalDataRedactor.Redact(text);
        if (redacted == text) return null;
        node[field] = redacted;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
