namespace CxBot.Surveys;

/// <summary>One conversation's facts at its end, with the survey answers when the customer gave them.</summary>
/// <param name="Csat">1–5, null when the customer did not answer.</param>
/// <param name="Ces">Customer Effort Score 1–5 (agent-handled conversations), null when not asked or not answered.</param>
/// <param name="ResolvedBy"><c>bot</c> or <c>agent</c>.</param>
/// <param name="EndedBy"><c>customer</c>, <c>agent</c>, <c>inactivity</c>.</param>
/// <param name="FirstResponseSeconds">From the customer's first message to the bot's first answer.</param>
/// <param name="WaitSeconds">From joining the queue to an agent taking over.</param>
/// <param name="Team">The team the handoff was routed to (<c>general</c> when none); null when the conversation never waited for a person.</param>
public sealed record SurveyResponse(
    string ConversationId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Language,
    string ResolvedBy,
    string EndedBy,
    string? Agent,
    IReadOnlyList<string> Articles,
    string? EscalationReason,
    int CustomerMessages,
    int? Csat,
    int? Ces,
    string? Comment,
    float? SentimentStart,
    float? SentimentEnd,
    double? FirstResponseSeconds,
    double? WaitSeconds,
    double TotalSeconds,
    string? Team = null);
