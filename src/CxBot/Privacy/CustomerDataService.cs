using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Surveys;

namespace CxBot.Privacy;

/// <summary>
/// GDPR/RODO requests: everything stored about a customer, found by the customer's channel user id or by
/// a conversation id, exported as one JSON document or erased for good — transcripts, state, queue entries,
/// tickets, survey answers, knowledge-base gap records and agents' grades of its handoffs. Retention erases through the same path.
/// </summary>
public sealed class CustomerDataService(IConversationStore store, IDocumentStore documents)
{
    /// <summary>Document collections whose entries belong to one conversation (each has a <c>conversationId</c>).</summary>
    public static readonly string[] LinkedCollections = [SurveyStore.Responses, SurveyStore.Gaps, TicketStore.Collection, HandoffQueue.Collection, TranscriptRedactor.Collection,
        HandoffGradeStore.Collection];

    /// <summary>The conversations of the customer with this user id, or the one conversation with this id.</summary>
    public async Task<IReadOnlyList<Conversation>> FindAsync(string customerOrConversationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerOrConversationId)) return [];
        return [.. (await store.ListAsync(cancellationToken))
            .Where(c => c.Id == customerOrConversationId || c.UserId == customerOrConversationId)
            .OrderBy(c => c.CreatedAt)];
    }

    public async Task<JsonObject?> ExportAsync(string customerOrConversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversations = await FindAsync(customerOrConversationId, cancellationToken);
        if (conversations.Count == 0) return null;
        var ids = conversations.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var linked = await LinkedDocumentsAsync(ids, cancellationToken);
        var exported = new JsonArray();
        foreach (var conversation in conversations)
        {
            var page = await store.ReadAsync(conversation.Id, 0, int.MaxValue, cancellationToken);
            var state = await store.LoadStateAsync(conversation.Id, cancellationToken);
            var documentsOf = new JsonObject();
            foreach (var (collection, entries) in linked)
                documentsOf[collection] = new JsonArray([.. entries.Where(e => e.ConversationId == conversation.Id).Select(e => JsonNode.Parse(e.Json))]);
            exported.Add(new JsonObject
            {
                ["conversation"] = JsonSerializer.SerializeToNode(conversation, StateJsonContext.Default.Conversation),
                ["activities"] = new JsonArray([.. page.Activities.Select(a => JsonNode.Parse(a.Json))]),
                ["state"] = state is null ? null : JsonSerializer.SerializeToNode(state, StateJsonContext.Default.ConversationState),
                ["records"] = documentsOf,
            });
        }

        return new JsonObject
        {
            ["subject"] = customerOrConversationId,
            ["exportedAt"] = now.ToString("O"),
            ["conversations"] = exported,
        };
    }

    /// <summary>Erases the customer's conversations and everything linked to them. Returns how many conversations were erased.</summary>
    public async Task<int> EraseAsync(string customerOrConversationId, CancellationToken cancellationToken)
    {
        var conversations = await FindAsync(customerOrConversationId, cancellationToken);
        return conversations.Count == 0 ? 0 : await EraseConversationsAsync([.. conversations.Select(c => c.Id)], cancellationToken);
    }

    public async Task<int> EraseConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        var ids = conversationIds.ToHashSet(StringComparer.Ordinal);
        // Linked records first: the store's erase compacts its files once, after everything is gone.
        foreach (var (collection, entries) in await LinkedDocumentsAsync(ids, cancellationToken))
            foreach (var entry in entries)
                await documents.DeleteAsync(collection, entry.Key, cancellationToken);
        return await store.DeleteConversationsAsync(ids, cancellationToken);
    }

    private async Task<List<(string Collection, List<(string Key, string ConversationId, byte[] Json)> Entries)>> LinkedDocumentsAsync(
        HashSet<string> conversationIds, CancellationToken cancellationToken)
    {
        var result = new List<(string, List<(string, string, byte[])>)>();
        foreach (var collection in LinkedCollections)
        {
            var entries = new List<(string, string, byte[])>();
            foreach (var (key, json) in await documents.ListAsync(collection, cancellationToken))
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.TryGetProperty("conversationId", out var id) && id.GetString() is { } conversationId
                    && conversationIds.Contains(conversationId))
                    entries.Add((key, conversationId, json));
            }

            result.Add((collection, entries));
        }

        return result;
    }
}
