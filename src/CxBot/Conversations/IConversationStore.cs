using CxBot.Activities;

namespace CxBot.Conversations;

/// <summary>
/// Where conversations, their activity logs and their state live: the embedded SQLite database, or Redis shared
/// between instances. Both honour the same contract: an appended activity is durable before the call returns,
/// and reads never show an activity that could be lost by a restart. Besides reading one conversation, the
/// store answers the questions the features ask about many (<see cref="ConversationFacts"/>), so none of them
/// reads every conversation kept for the retention period.
/// </summary>
public interface IConversationStore
{
    /// <summary>Creates the conversation; returns false when it already exists.</summary>
    Task<bool> CreateAsync(Conversation conversation, CancellationToken cancellationToken);

    Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken);

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
    /// conversation). The old text is overwritten in the store's files, not only hidden.
    /// </summary>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    Task ReplaceActivityAsync(string conversationId, long sequence, byte[] json, CancellationToken cancellationToken);

    /// <summary>The state saved at the end of the last turn, or null before the first one.</summary>
    Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Saves the state and re-indexes the conversation's <see cref="ConversationFacts"/> with it.</summary>
    Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken);

    /// <summary>
    /// Removes conversations with their logs, state and every document linked to them (survey answers, gaps,
    /// tickets, queue entries…) for good (retention, a GDPR/RODO erasure request): once it returns, they are gone
    /// from the store's files too, not only hidden. Returns how many conversations existed.
    /// </summary>
    Task<int> DeleteConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken);

    /// <summary>Open conversations (a customer wrote, not ended) whose customer last wrote before <paramref name="quietSince"/>; all open ones when null.</summary>
    Task<IReadOnlyList<Conversation>> ListOpenAsync(DateTimeOffset? quietSince, CancellationToken cancellationToken);

    /// <summary>Conversations not ended, including those where no customer has written yet, last active at or after <paramref name="activeSince"/>.</summary>
    Task<IReadOnlyList<Conversation>> ListUnendedAsync(DateTimeOffset activeSince, CancellationToken cancellationToken);

    /// <summary>Ended conversations last active in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<Conversation>> ListEndedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Retention candidates: up to <paramref name="limit"/> ids of conversations last active before <paramref name="before"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>The conversations of the customer with this channel user id, oldest first.</summary>
    Task<IReadOnlyList<Conversation>> ListByCustomerAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Conversations started in [<paramref name="from"/>, <paramref name="to"/>) with their state, oldest first, read as they are consumed.</summary>
    IAsyncEnumerable<(Conversation Conversation, ConversationState? State)> ListStartedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

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
