namespace CxBot.Knowledge.Teaching;

/// <summary>One teach action, for the lead's audit list: who taught or revoked which question as what, and when.</summary>
/// <param name="Action"><c>taught</c>, <c>revoked</c> or <c>exported</c>.</param>
public sealed record TeachLogEntry(string Id, string Action, string QuestionId, string Text, string Language, string ArticleId, string By, DateTimeOffset At);
