namespace CxBot.Handoff;

/// <summary>A message left for the support team when no consultant could take the conversation; agents see it next.</summary>
/// <param name="Urgent">A protected situation (safety, health, legal, fraud, vulnerability, complaint) out of hours: handled first.</param>
public sealed record Ticket(string Id, string ConversationId, string Language, string Reason, string Message, DateTimeOffset CreatedAt,
    string Status = "open", bool Urgent = false);
