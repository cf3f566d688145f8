namespace CxBot.Sentiment;

/// <summary>Scores the sentiment of customer messages. Thread-safe; one call per message in the turn pipeline.</summary>
public interface ISentimentScorer
{
    SentimentResult Score(string text);
}
