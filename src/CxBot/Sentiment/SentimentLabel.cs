namespace CxBot.Sentiment;

/// <summary>How a customer message sounds.</summary>
public enum SentimentLabel
{
    Negative,
    Neutral,
    Positive,
}

/// <summary>The sentiment of one message: its label and a score from −1 (very negative) to 1 (very positive).</summary>
public readonly record struct SentimentResult(SentimentLabel Label, float Score)
{
    public string LabelName => Label.ToString().ToLowerInvariant();
}
