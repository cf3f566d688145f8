using CxBot.Conversations;
using CxBot.Knowledge;

namespace CxBot.History;

/// <summary>
/// A returning customer's earlier conversations, so an agent (and the queue's summary) knows them: only for a user id the
/// website's backend bound (<see cref="Conversation.UserVerified"/>), never for an anonymous browser's own id. It is read
/// from the store's index of a customer's conversations each time, so erasure and retention apply to it as to the rest.
/// </summary>
public sealed class CustomerHistory(IConversationStore store, AnswerService answers, TimeProvider time)
{
    /// <summary>The window the queue's summary counts in ("2 conversations in 30 days").</summary>
    public const int SummaryDays = 30;

    /// <summary>Up to <paramref name="limit"/> conversations the customer had before <paramref name="current"/> in which they wrote, newest first.</summary>
    public async Task<IReadOnlyList<PastConversation>> EarlierAsync(Conversation current, int limit, CancellationToken cancellationToken)
    {
        if (!current.UserVerified || current.UserId is not { Length: > 0 } userId) return [];
        var earlier = (await store.ListByCustomerAsync(userId, cancellationToken))
            .Where(c => c.UserVerified && c.Id != current.Id && c.CreatedAt <= current.CreatedAt)
            .OrderByDescending(c => c.CreatedAt).Take(limit).ToList();
        var states = await Task.WhenAll(earlier.Select(c => StateOrNullAsync(c.Id, cancellationToken)));
        return [.. earlier.Zip(states).Where(p => p.Second is { CustomerMessages: > 0 }).Select(p => Describe(p.First, p.Second!))];
    }

    /// <summary>"returning customer: 2 conversations in 30 days, last about returns", or null for a new or anonymous customer.</summary>
    public async Task<string?> SummaryLineAsync(Conversation current, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-SummaryDays);
        var recent = (await EarlierAsync(current, 100, cancellationToken)).Where(c => c.StartedAt >= since).ToList();
        if (recent.Count == 0) return null;
        var last = recent[0];
        var about = last.Articles.Count > 0 && answers.KnowledgeBase.Find(last.Articles[^1], "en") is { } article
            ? $", last about {char.ToLowerInvariant(article.Title[0])}{article.Title[1..]}"
            : last.HandoffReason is { } reason ? $", last handed to a person ({reason})" : "";
        return $"returning customer: {recent.Count} conversation{(recent.Count == 1 ? "" : "s")} in {SummaryDays} days{about}";
    }

    private async Task<ConversationState?> StateOrNullAsync(string conversationId, CancellationToken cancellationToken)
    {
        try { return await store.LoadStateAsync(conversationId, cancellationToken); }
        catch (ConversationNotFoundException) { return null; } // erased meanwhile
    }

    private static PastConversation Describe(Conversation conversation, ConversationState state) => new(
        conversation.Id, conversation.CreatedAt, state.EndedAt, state.Language, [.. state.ArticlesUsed.Distinct()],
        Outcome: state.EndedAt is null ? "open"
            : state.LastAgentName is not null ? "agent"
            : state.OpenTicketId is not null ? "ticket"
            : state.Escalated ? "escalated" : "bot",
        state.EndedBy, state.HandoffReason, state.LastAgentName, state.Team, state.Csat, state.CustomerMessages, state.OpenTicketId);
}
