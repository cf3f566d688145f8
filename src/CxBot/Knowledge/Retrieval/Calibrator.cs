namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// Finds one language's <see cref="LanguageCalibration"/> from labelled questions (the tune half only). For each blend of
/// the channels it fits a logistic confidence ("is the first article the right one?", off-topic questions counting as
/// no) on the first article's score, its lead and each channel's best, then the thresholds on that confidence that answer
/// the most questions correctly while answering at most <see cref="MaxWrong"/> of them wrongly and rejecting at least
/// <see cref="MinRejected"/> of the off-topic ones; the best blend wins. Deterministic: the same cases give the same result.
/// </summary>
public sealed class Calibrator
{
    /// <summary>Highest share of in-scope questions the calibration may answer with the wrong article.</summary>
    public double MaxWrong { get; init; } = 0.02;

    /// <summary>Lowest share of off-topic questions that must get "I don't know".</summary>
    public double MinRejected { get; init; } = 0.92;

    /// <summary>One question: its components for every label, and the index of the right label (-1 for off-topic).</summary>
    public sealed record Case(LabelComponents Components, int Expected);

    public LanguageCalibration Calibrate(IReadOnlyList<Case> cases, bool semantic)
    {
        LanguageCalibration? best = null;
        var bestValue = double.MinValue;
        double[] lexicalWeights = semantic ? [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] : [1];
        double[] exampleWeights = semantic ? [0.4, 0.6, 0.8, 1] : [1];
        double[] classifierWeights = semantic && cases.Any(c => c.Components.Classifier is not null) ? [0, 0.1, 0.2, 0.3, 0.4] : [0];
        foreach (var lexical in lexicalWeights)
        foreach (var example in exampleWeights)
        foreach (var classifier in classifierWeights)
        {
            var blend = new LanguageCalibration { LexicalWeight = lexical, ExampleWeight = example, ClassifierWeight = classifier };
            var ranked = cases.Select(c => Rank(c, blend)).ToList();
            var weights = FitLogistic(ranked);
            blend = blend with { ConfidenceWeights = weights };
            foreach (var r in ranked) r.Confidence = blend.Confidence(r.Features);
            var (calibration, value) = Thresholds(ranked, blend);
            if (value > bestValue)
            {
                bestValue = value;
                best = calibration;
            }
        }

        return best!;
    }

    /// <summary>Share answered correctly, with the thresholds that reach it within the limits (ties: the higher top-1).</summary>
    private (LanguageCalibration, double) Thresholds(List<Ranked> ranked, LanguageCalibration blend)
    {
        var inScope = ranked.Where(r => r.Expected >= 0).ToList();
        var outOfScope = ranked.Where(r => r.Expected < 0).ToList();
        if (inScope.Count == 0) return (blend, double.MinValue);

        // The lowest confidence that still rejects enough off-topic questions: below it, "I don't know".
        var oosConfidences = outOfScope.Select(r => r.Confidence).OrderDescending().ToList();
        var allowed = (int)Math.Floor((1 - MinRejected) * oosConfidences.Count);
        var clarify = oosConfidences.Count == 0 ? 0 : allowed < oosConfidences.Count ? oosConfidences[allowed] + 1e-6 : 0;

        var top1 = inScope.Count(r => r.Confidence >= clarify && r.Correct) / (double)inScope.Count;
        var candidates = inScope.Select(r => r.Confidence).Where(c => c >= clarify).Append(clarify).Distinct().Order().ToList();
        double[] margins = [0, 0.02, 0.04, 0.06, 0.08, 0.1];
        var best = (Answer: 1.0, Margin: 0.0, Correct: -1.0);
        foreach (var answer in candidates)
        foreach (var margin in margins)
        {
            var answered = inScope.Where(r => r.Confidence >= answer && r.Margin >= margin).ToList();
            var wrong = answered.Count(r => !r.Correct) / (double)inScope.Count;
            if (wrong > MaxWrong) continue;
            var correct = answered.Count(r => r.Correct) / (double)inScope.Count;
            if (correct > best.Correct + 1e-9) best = (answer, margin, correct);
        }

        if (best.Correct < 0) return (blend, double.MinValue);
        var asked = inScope.Where(r => r.Confidence >= clarify && !(r.Confidence >= best.Answer && r.Margin >= best.Margin)).ToList();
        var calibration = blend with
        {
            AnswerConfidence = Math.Round(best.Answer, 6), AnswerMargin = best.Margin, ClarifyConfidence = Math.Round(clarify, 6),
            CloseMargin = CloseMargin(asked),
        };
        return (calibration, best.Correct + 0.01 * top1);
    }

    /// <summary>
    /// For the questions the bot will ask about: the smallest "close" margin after which widening the list no longer adds a
    /// right article (a list is kinder than a wrong Yes / No question, but a long list of wrong ones is not).
    /// </summary>
    private static double CloseMargin(List<Ranked> asked)
    {
        double[] margins = [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1];
        if (asked.Count == 0) return 0.05;
        var covered = margins.Select(m => asked.Count(r => r.Offered(m))).ToList();
        var most = covered.Max();
        return margins[covered.FindIndex(c => c >= most - Math.Max(1, asked.Count / 100))];
    }

    /// <summary>L2-regularised logistic regression by full-batch gradient descent: few features, a few thousand cases, no randomness.</summary>
    private static double[] FitLogistic(List<Ranked> ranked)
    {
        var dimensions = ranked[0].Features.Length + 1;
        var weights = new double[dimensions];
        var gradient = new double[dimensions];
        const double Rate = 2.0, L2 = 1e-4;
        for (var iteration = 0; iteration < 1500; iteration++)
        {
            Array.Clear(gradient);
            foreach (var r in ranked)
            {
                var z = weights[0];
                for (var i = 0; i < r.Features.Length; i++) z += weights[i + 1] * r.Features[i];
                var error = 1 / (1 + Math.Exp(-z)) - (r.Correct ? 1 : 0);
                gradient[0] += error;
                for (var i = 0; i < r.Features.Length; i++) gradient[i + 1] += error * r.Features[i];
            }

            for (var i = 0; i < dimensions; i++) weights[i] -= Rate * (gradient[i] / ranked.Count + (i > 0 ? L2 * weights[i] : 0));
        }

        return [.. weights.Select(w => Math.Round(w, 5))];
    }

    private static Ranked Rank(Case c, LanguageCalibration blend)
    {
        var (order, scores) = c.Components.Rank(blend);
        var top3 = order.Take(3).ToArray();
        return new Ranked(c.Expected, top3, [.. top3.Select(l => scores[l])], c.Components.ConfidenceFeatures(order, scores));
    }

    private sealed record Ranked(int Expected, int[] Labels, float[] Scores, double[] Features)
    {
        public double Confidence { get; set; }
        public double Margin => Scores.Length > 1 ? Scores[0] - Scores[1] : Scores.Length > 0 ? Scores[0] : 0;
        public bool Correct => Labels.Length > 0 && Labels[0] == Expected;

        /// <summary>The right article is among those within <paramref name="margin"/> of the best (up to three).</summary>
        public bool Offered(double margin) => Enumerable.Range(0, Labels.Length).Any(i => Labels[i] == Expected && Scores[i] >= Scores[0] - margin);
    }
}
