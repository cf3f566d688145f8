namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// How retrieval scores are blended and read in one language, measured by <c>calibrate</c> on the tune half of labelled
/// questions and kept in the knowledge base's <c>retrieval.json</c>. Articles are ranked by
/// <c>(1 − ClassifierWeight) × [LexicalWeight × lexical + (1 − LexicalWeight) × semantic] + ClassifierWeight × classifier</c>,
/// where semantic is <c>ExampleWeight × closest example + (1 − ExampleWeight) × centroid</c>, for Polish mixed with the same
/// over its English reading by <see cref="TranslatedWeight"/>; the <see cref="ConfidenceWeights"/> then estimate
/// how likely the first article is the right one, from its score, its lead over the second and each channel's best.
/// </summary>
public sealed record LanguageCalibration
{
    /// <summary>Share of the lexical (TF-IDF) score in the similarity blend; the rest is the sentence embeddings'.</summary>
    public double LexicalWeight { get; init; } = 0.4;

    /// <summary>Within the semantic score, the share of the closest example against the article's centroid.</summary>
    public double ExampleWeight { get; init; } = 0.7;

    /// <summary>
    /// Within the semantic score of a Polish question, the share of its English reading (<see cref="Text.PolishToEnglish"/>)
    /// against the examples in English; the rest is the Polish text against the examples as written.
    /// </summary>
    public double TranslatedWeight { get; init; }

    /// <summary>Share of the article classifier's probability in the blend.</summary>
    public double ClassifierWeight { get; init; } = 0.2;

    /// <summary>
    /// Logistic weights of the confidence: bias, then the first article's blended score, its lead over the second, and
    /// the best lexical, closest-example, centroid and classifier scores. Empty: the blended score is the confidence.
    /// </summary>
    public double[] ConfidenceWeights { get; init; } = [];

    /// <summary>The bot answers at or above this confidence…</summary>
    public double AnswerConfidence { get; init; } = 0.5;

    /// <summary>…when the second article's blended score is at least this much lower; otherwise it asks.</summary>
    public double AnswerMargin { get; init; } = 0.05;

    /// <summary>Below this confidence no article is plausible: the bot says it does not know.</summary>
    public double ClarifyConfidence { get; init; } = 0.35;

    /// <summary>Articles within this much of the best blended score are offered together in "Did you mean…"; one alone is confirmed with Yes / No.</summary>
    public double CloseMargin { get; init; } = 0.05;

    /// <summary>How likely the first article is right, 0–1, from the features <see cref="ConfidenceWeights"/> weigh.</summary>
    public double Confidence(ReadOnlySpan<double> features)
    {
        if (ConfidenceWeights.Length != features.Length + 1) return features.Length > 0 ? features[0] : 0;
        var z = ConfidenceWeights[0];
        for (var i = 0; i < features.Length; i++) z += ConfidenceWeights[i + 1] * features[i];
        return 1 / (1 + Math.Exp(-z));
    }
}
