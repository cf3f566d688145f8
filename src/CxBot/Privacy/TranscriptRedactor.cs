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

    /// <summary>One pass over the conversations; returns how many were masked.</summary>
    public async Task<int> RedactEndedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RedactStoredTranscripts) return 0;
        var cutoff = time.GetUtcNow() - QuietFor;
        var done = (await documents.ListAsync(Collection, cancellationToken))
            .ToDictionary(d => d.Key, d => JsonDocument.Parse(d.Value).RootElement.GetProperty("upTo").GetInt64(), StringComparer.Ordinal);
        var masked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conversation in await store.ListAsync(cancellationToken))
        {
            ConversationState? state;
            try { state = await store.LoadStateAsync(conversation.Id, cancellationToken); }
            catch (ConversationNotFoundException) { continue; }
            if (state is not { EndedAt: { } ended } || ended > cutoff || state.LastCustomerMessageAt > cutoff) continue;

            var from = done.GetValueOrDefault(conversation.Id);
            var upTo = await MaskActivitiesAsync(conversation.Id, from, cancellationToken);
            if (upTo == from) continue;
            var marker = new JsonObject { ["conversationId"] = conversation.Id, ["upTo"] = upTo };
            await documents.PutAsync(Collection, conversation.Id, Encoding.UTF8.GetBytes(marker.ToJsonString()), cancellationToken);
            masked.Add(conversation.Id);
        }

        if (masked.Count == 0) return 0;
        await MaskLinkedTextsAsync(masked, cancellationToken);
        // The journal still holds the original lines until it is rewritten.
        if (store is ICompactingStore compacting) await compacting.CompactAsync();
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
        foreach (var (collection, field) in new[] { (SurveyStore.Responses, "comment"), (SurveyStore.Gaps, "text") })
        foreach (var (key, json) in await documents.ListAsync(collection, cancellationToken))
        {
            var node = JsonNode.Parse(json)!.AsObject();
            if (node["conversationId"]?.GetValue<string>() is { } id && conversationIds.Contains(id) && Masked(node, field) is { } masked)
                await documents.PutAsync(collection, key, masked, cancellationToken);
        }
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
