namespace CxBot.History;

/// <summary>One of a customer's earlier conversations, as the agent desk lists it.</summary>
/// <param name="Articles">The articles the bot answered with, in order.</param>
/// <param name="Outcome"><c>open</c>, <c>bot</c> (ended with the bot), <c>agent</c> (a person handled it), <c>ticket</c> (a message was left), <c>escalated</c> (a person was asked for but none took it).</param>
public sealed record PastConversation(
    string ConversationId,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Language,
    IReadOnlyList<string> Articles,
    string Outcome,
    string? EndedBy,
    string? HandoffReason,
    string? Agent,
    string? Team,
    int? Csat,
    int CustomerMessages,
    string? TicketId);
