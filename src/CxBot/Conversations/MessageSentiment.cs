namespace CxBot.Conversations;

/// <summary>The sentiment of one customer message: <c>negative</c>, <c>neutral</c> or <c>positive</c>, and a score from −1 to 1.</summary>
public sealed record MessageSentiment(string ActivityId, string Label, float Score);
