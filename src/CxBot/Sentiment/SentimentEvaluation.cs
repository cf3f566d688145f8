namespace CxBot.Sentiment;

/// <summary>Figures for judging a sentiment model on labelled messages (the eval command and the tests use the same).</summary>
public static class SentimentEvaluation
{
    public static readonly string[] Labels = ["negative", "neutral", "positive"];

    /// <summary>The mean over <paramref name="labels"/> of each label's F1 score.</summary>
    public static double MacroF1(IReadOnlyList<(string Expected, string Predicted)> pairs, IReadOnlyList<string>? labels = null) =>
        (labels ?? Labels).Select(label =>
        {
            var tp = pairs.Count(p => p.Expected == label && p.Predicted == label);
            var fp = pairs.Count(p => p.Expected != label && p.Predicted == label);
            var fn = pairs.Count(p => p.Expected == label && p.Predicted != label);
            return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }).Average();
}
