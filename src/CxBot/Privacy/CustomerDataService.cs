using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Surveys;

namespace CxBot.Privacy;

/// <summary>
/// GDPR/RODO requests: everything stored about a customer, found by the customer's channel user id or by
/// a conversation id, exported as one JSON document or erased for good — transcripts, state, and every document
/// linked to the conversation (queue entries, tickets, survey answers, knowledge-base gaps, whatever a feature
/// adds with a <c>conversationId</c>), and the photos and documents the customer sent. The store finds them by index. Retention erases through the same path.
/// </summary>
public sealed class CustomerDataService(IConversationStore store, IDocumentStore documents, IFileStore files)
{
    /// <summary>The conversations of the customer with this user id, or the one conversation with this id.</summary>
    public async Task<IReadOnlyList<Conversation>> FindAsync(string customerOrConversationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerOrConversationId)) return [];
        var found = (await store.ListByCustomerAsync(customerOrConversationId, cancellationToken)).ToList();
        if (await store.GetAsync(customerOrConversationId, cancellationToken) is { } conversation && found.All(c => c.Id != conversation.Id))
            found.Add(conversation);
        return [.. found.OrderBy(c => c.CreatedAt)];
    }

    public async Task<JsonObject?> ExportAsync(string customerOrConversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversations = await FindAsync(customerOrConversationId, cancellationToken);
        if (conversations.Count == 0) return null;
        var linked = await documents.ListLinkedAsync([.. conversations.Select(c => c.Id)], cancellationToken);
        var exported = new JsonArray();
        foreach (var conversation in conversations)
        {
            var page = await store.ReadAsync(conversation.Id, 0, int.MaxValue, cancellationToken);
            var state = await store.LoadStateAsync(conversation.Id, cancellationToken);
            var documentsOf = new JsonObject();
            foreach (var collection in linked.Where(d => d.ConversationId == conversation.Id).GroupBy(d => d.Collection).OrderBy(g => g.Key, StringComparer.Ordinal))
                documentsOf[collection.Key] = new JsonArray([.. collection.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => JsonNode.Parse(d.Value))]);
            exported.Add(new JsonObject
            {
                ["conversation"] = JsonSerializer.SerializeToNode(conversation, StateJsonContext.Default.Conversation),
                ["activities"] = new JsonArray([.. page.Activities.Select(a => JsonNode.Parse(a.Json))]),
                ["state"] = state is null ? null : JsonSerializer.SerializeToNode(state, StateJsonContext.Default.ConversationState),
                ["records"] = documentsOf,
                ["files"] = await FilesAsync(conversation.Id, cancellationToken),
            });
        }

        return new JsonObject
        {
            ["subject"] = customerOrConversationId,
            ["exportedAt"] = now.ToString("O"),
            ["conversations"] = exported,
        };
    }

    /// <summary>The photos and documents the customer sent in the conversation, each with its bytes (base64).</summary>
    private async Task<JsonArray> FilesAsync(string conversationId, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        foreach (var file in await files.ListFilesAsync(conversationId, cancellationToken))
        {
            var node = JsonSerializer.SerializeToNode(file, StorageJsonContext.Default.StoredFile)!.AsObject();
            node["contentBase64"] = await files.ReadFileAsync(conversationId, file.Id, thumbnail: false, cancellationToken) is { } bytes ? Convert.ToBase64String(bytes) : null;
            result.Add(node);
        }

        return result;
    }

    /// <summary>Erases the customer's conversations and everything linked to them. Returns how many conversations were erased.</summary>
    public async Task<int> EraseAsync(string customerOrConversationId, CancellationToken cancellationToken)
    {
        var conversations = await FindAsync(customerOrConversationId, cancellationToken);
        return conversations.Count == 0 ? 0 : await EraseConversationsAsync([.. conversations.Select(c => c.Id)], cancellationToken);
    }

    /// <summary>Erases conversations with everything linked to them; the store removes their linked documents in the same step.</summary>
    public Task<int> EraseConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken) =>
        store.DeleteConversationsAsync(conversationIds, cancellationToken);
}
