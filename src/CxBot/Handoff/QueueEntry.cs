namespace CxBot.Handoff;

/// <summary>A conversation waiting for an agent.</summary>
/// <param name="Urgent">Strongly negative sentiment: served before others.</param>
/// <param name="Returned">Came back from an agent (disconnect or transfer): served first of all.</param>
/// <param name="Summary">What the customer wants, in a line, for the agent's queue view.</param>
/// <param name="PreferredAgentId">Transferred to this agent: offered to them first.</param>
/// <param name="Team">Routed to this team: offered to its agents first (<see cref="TeamRouting"/>).</param>
public sealed record QueueEntry(
    string ConversationId,
    string Language,
    string Reason,
    DateTimeOffset EnqueuedAt,
    bool Urgent,
    bool Returned,
    string Summary,
    float Sentiment,
    string? PreferredAgentId = null,
    string? Team = null);
