using CxBot.Conversations;
using CxBot.Handoff;

namespace CxBot.Analytics;

/// <summary>One conversation a customer wrote in, as the leads' conversations export shows it, open or ended.</summary>
public sealed record ConversationRow(
    string ConversationId,
    DateTimeOffset StartedAt,
    DateTimeOffset? LastCustomerMessageAt,
    string Status,
    DateTimeOffset? EndedAt,
    string? EndedBy,
    string Language,
    int CustomerMessages,
    bool Escalated,
    string? EscalationReason,
    string? Agent,
    IReadOnlyList<string> Articles,
    float? SentimentStart,
    float? SentimentEnd,
    int? Csat,
    int? Ces)
{
    /// <summary>
    /// Every conversation with at least one customer message whose start falls in the filter's days and
    /// language, oldest first. Unlike the survey responses, this includes conversations still open, waiting
    /// for an agent or with one. Reads the states of the conversations started in the range: an export, not a dashboard figure.
    /// </summary>
    public static async Task<List<ConversationRow>> ListAsync(IConversationStore store, CxFilter filter, CancellationToken cancellationToken)
    {
        var rows = new List<ConversationRow>();
        await foreach (var row in StreamAsync(store, filter, cancellationToken)) rows.Add(row);
        return rows;
    }

    /// <summary>The same rows, read as they are consumed (an export writes them out one by one).</summary>
    public static async IAsyncEnumerable<ConversationRow> StreamAsync(
        IConversationStore store, CxFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (from, to) = filter.Range;
        await foreach (var (conversation, state) in store.ListStartedAsync(from, to, cancellationToken))
        {
            if (state is not { CustomerMessages: > 0 }) continue;
            if (!string.IsNullOrEmpty(filter.Language) && state.Language != filter.Language) continue;
            yield return From(conversation, state);
        }
    }

    public static ConversationRow From(Conversation conversation, ConversationState state) => new(
        conversation.Id, conversation.CreatedAt, state.LastCustomerMessageAt, StatusOf(state), state.EndedAt, state.EndedBy, state.Language,
        state.CustomerMessages, state.Escalated, state.EscalationReason, state.AgentName ?? state.LastAgentName,
        [.. state.ArticlesUsed.Distinct()], state.SentimentAtStart, state.SentimentNow, state.Csat, state.Ces);

    /// <summary><c>ended</c>, <c>with-agent</c>, <c>waiting-for-agent</c>, <c>no-agent-available</c> (offered to leave a message) or <c>open</c> (with the bot).</summary>
    private static string StatusOf(ConversationState state) => state switch
    {
        { EndedAt: not null } => "ended",
        { Handoff: HandoffPhase.WithAgent } => "with-agent",
        { Handoff: HandoffPhase.Queued } => "waiting-for-agent",
        { Handoff: HandoffPhase.TicketOffered } => "no-agent-available",
        _ => "open",
    };
}
