namespace CxBot.Handoff;

/// <summary>
/// One agent's part in one handoff, recorded when they accept the conversation, and their grade of it once given.
/// The handoff's facts are taken at accept time, so a later handoff of the same conversation cannot rewrite them.
/// </summary>
/// <param name="Reason">Why the bot handed over (<see cref="HandoffReason"/>).</param>
/// <param name="HandedOverAt">When the conversation joined the queue.</param>
/// <param name="Grade">One of <see cref="HandoffGrades"/>; null until the agent grades it.</param>
/// <param name="GradedAt">When the current grade was given (a changed grade carries the time of the change).</param>
public sealed record HandledHandoff(
    string ConversationId,
    string AgentId,
    string AgentName,
    string Language,
    string Reason,
    DateTimeOffset HandedOverAt,
    DateTimeOffset AcceptedAt,
    string? Grade = null,
    DateTimeOffset? GradedAt = null);
