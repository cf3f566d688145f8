using CxBot.Activities;

namespace CxBot.Conversations;

/// <summary>
/// Where conversations, their activity logs and their state live. The embedded store keeps them
/// in a local journal; the Redis store shares them between instances. Both honour the same contract:
/// an appended activity is durable before the call returns, and reads never show an activity that
/// could be lost by a restart.
/// </summary>
public interface IConversationStore
{
    /// <summary>Creates the conversation; returns false when it already exists.</summary>
    Task<bool> CreateAsync(Conversation conversation, CancellationToken cancellationToken);

    Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Every stored conversation (for inactivity checks, retention and demo data).</summary>
    Task<IReadOnlyList<Conversation>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends to the conversation's log. The store assigns the sequence, the id and, when missing,
    /// the timestamp, writing them into <paramref name="activity"/>.
    /// </summary>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> activities with a sequence above <paramref name="afterWatermark"/>.</summary>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    Task<ActivityPage> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a stored activity's JSON, keeping its sequence and id (masking personal data in a finished
    /// conversation). The old text can stay in the store's files until they are next compacted or rewritten.
    /// </summary>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    Task ReplaceActivityAsync(string conversationId, long sequence, byte[] json, CancellationToken cancellationToken);

    /// <summary>The state saved at the end of the last turn, or null before the first one.</summary>
    Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken);

    Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken);

    /// <summary>
    /// Removes conversations with their logs and state for good (retention, a GDPR/RODO erasure request): once
    /// it returns, they are gone from the store's files too, not only hidden. Returns how many existed.
    /// </summary>
    Task<int> DeleteConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken);

    /// <summary>Null when the store can read and write; otherwise what is wrong, for <c>/healthz</c>.</summary>
    Task<string?> CheckHealthAsync(CancellationToken cancellationToken);
}

public static class ConversationStoreExtensions
{
    /// <summary>The last <paramref name="count"/> activities of the conversation's log, oldest first.</summary>
    public static async Task<IReadOnlyList<StoredActivity>> ReadLastAsync(
        this IConversationStore store, string conversationId, int count, CancellationToken cancellationToken)
    {
        var end = (await store.ReadAsync(conversationId, long.MaxValue, 0, cancellationToken)).Watermark;
        return (await store.ReadAsync(conversationId, Math.Max(0, end - count), count, cancellationToken)).Activities;
    }
}
