using CxBot.Conversations;

namespace CxBot.Sentiment;

/// <summary>
/// The rolling sentiment of a conversation: the mean score of its last few customer messages, and its
/// trend (the latest message against the ones before it), as the handoff policy, the agent desk and the
/// dashboard read it.
/// </summary>
public sealed record ConversationSentiment(float Rolling, float Trend, int NegativeInARow, float? First, float? Last)
{
    public static ConversationSentiment Of(IReadOnlyList<MessageSentiment> messages, int window)
    {
        if (messages.Count == 0) return new ConversationSentiment(0, 0, 0, null, null);
        var recent = messages.Skip(Math.Max(0, messages.Count - window)).ToList();
        var rolling = recent.Average(m => m.Score);
        var earlier = recent.Count > 1 ? recent.Take(recent.Count - 1).Average(m => m.Score) : recent[0].Score;
        var negativeInARow = 0;
        for (var i = messages.Count - 1; i >= 0 && messages[i].Label == "negative"; i--) negativeInARow++;
        return new ConversationSentiment(rolling, recent[^1].Score - earlier, negativeInARow, messages[0].Score, messages[^1].Score);
    }
}
