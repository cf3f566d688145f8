namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// Per-label scores of one query: lexical (TF-IDF), cosine to the closest example and to the centroid, and the
/// classifier's probability (null without a classifier or without embeddings: then only the lexical score counts).
/// <paramref name="OutOfScope"/> is the label of questions the knowledge base does not answer (-1: none); it competes
/// with the articles but is never offered as one. <see cref="TranslatedExample"/> and <see cref="TranslatedCentroid"/> are the
/// same cosines for a Polish question read word by word in English (<see cref="Text.PolishToEnglish"/>) against the examples
/// in English; null for English questions.
/// </summary>
public sealed record LabelComponents(float[] Lexical, float[] ClosestExample, float[] Centroid, float[]? Classifier, int OutOfScope = -1)
{
    public float[]? TranslatedExample { get; init; }

    public float[]? TranslatedCentroid { get; init; }

    /// <summary>False when only the lexical score exists (no embeddings, or a text without letters).</summary>
    public bool Semantic => ClosestExample.Any(v => v != 0);

    public float Blend(int label, LanguageCalibration c)
    {
        if (!Semantic) return Lexical[label];
        var semantic = c.ExampleWeight * ClosestExample[label] + (1 - c.ExampleWeight) * Centroid[label];
        if (TranslatedExample is not null && TranslatedCentroid is not null && c.TranslatedWeight > 0)
            semantic = (1 - c.TranslatedWeight) * semantic
                + c.TranslatedWeight * (c.ExampleWeight * TranslatedExample[label] + (1 - c.ExampleWeight) * TranslatedCentroid[label]);
        var similarity = c.LexicalWeight * Lexical[label] + (1 - c.LexicalWeight) * semantic;
        return Classifier is null ? (float)similarity : (float)((1 - c.ClassifierWeight) * similarity + c.ClassifierWeight * Classifier[label]);
    }

    /// <summary>The articles' labels by blended score, best first (the out-of-scope label left out), with their scores.</summary>
    public (int[] Labels, float[] Scores) Rank(LanguageCalibration calibration)
    {
        var scores = new float[Lexical.Length];
        for (var label = 0; label < scores.Length; label++) scores[label] = Blend(label, calibration);
        var order = Enumerable.Range(0, scores.Length).Where(l => l != OutOfScope && scores[l] > 0).OrderByDescending(l => scores[l]).ToArray();
        return (order, scores);
    }

    public RetrievalMatch Match(IReadOnlyList<string> labels, LanguageCalibration calibration, int top)
    {
        var (order, scores) = Rank(calibration);
        if (order.Length == 0) return RetrievalMatch.None;
        var features = ConfidenceFeatures(order, scores);
        return new RetrievalMatch([.. order.Take(top).Select(l => new LabelScore(labels[l], scores[l]))], calibration.Confidence(features), features[1]);
    }

    /// <summary>
    /// What the confidence is estimated from (see <see cref="LanguageCalibration.ConfidenceWeights"/>): the first article's
    /// blended score and its lead over the second, each channel's best article score, how far the out-of-scope
    /// examples outscore the first article, and the best closest-example cosine of the English reading (0 without one).
    /// </summary>
    public double[] ConfidenceFeatures(int[] order, float[] scores)
    {
        var top = order.Length > 0 ? scores[order[0]] : 0;
        var margin = order.Length > 1 ? top - scores[order[1]] : top;
        return [top, margin, Best(Lexical), Best(ClosestExample), Best(Centroid), Classifier is null ? 0 : Best(Classifier), OutOfScope >= 0 ? scores[OutOfScope] - top : -1,
            TranslatedExample is null ? 0 : Best(TranslatedExample)];
    }

    private float Best(float[] values)
    {
        var best = 0f;
        for (var i = 0; i < values.Length; i++)
            if (i != OutOfScope && values[i] > best) best = values[i];
        return best;
    }
}
