namespace CxBot.Knowledge.Retrieval;

/// <summary>The best labels for one question, best first, and how likely the first one is right.</summary>
/// <param name="Hits">Labels with their blended scores.</param>
/// <param name="Confidence">Calibrated estimate (0–1) that the first label answers the question.</param>
/// <param name="Margin">The first label's lead over the second in blended score.</param>
public sealed record RetrievalMatch(IReadOnlyList<LabelScore> Hits, double Confidence, double Margin)
{
    public static RetrievalMatch None { get; } = new([], 0, 0);
}
