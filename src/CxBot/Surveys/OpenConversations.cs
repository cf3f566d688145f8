using CxBot.Conversations;
using CxBot.Storage;

namespace CxBot.Surveys;

/// <summary>
/// The conversations the inactivity monitor has to look at: a customer has written in them and they have not
/// ended. A small document collection, written when a conversation opens and when it ends, so a sweep reads
/// these few instead of every conversation kept for the retention period (on Redis, a round trip each).
/// </summary>
public sealed class OpenConversations(IDocumentStore documents)
{
    private const string Collection = "open-conversations";
    private static readonly byte[] Entry = "{}"u8.ToArray();

    /// <summary>After a turn: lists or unlists the conversation when it opened or ended in this turn.</summary>
    public async Task TrackAsync(string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        var open = IsOpen(state);
        if (open == state.ListedOpen) return;
        if (open) await AddAsync(conversationId, cancellationToken);
        else await RemoveAsync(conversationId, cancellationToken);
        state.ListedOpen = open;
    }

    public static bool IsOpen(ConversationState state) => state is { EndedAt: null, LastCustomerMessageAt: not null };

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(Collection, cancellationToken)).Select(entry => entry.Key)];

    public Task AddAsync(string conversationId, CancellationToken cancellationToken) =>
        documents.PutAsync(Collection, conversationId, Entry, cancellationToken);

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken) =>
        documents.DeleteAsync(Collection, conversationId, cancellationToken);
}
