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

    /// <summary>
    /// How much the share with the right article ranked first counts beside the share answered correctly when blends are
    /// compared (both are targets). 0.5 and 1 cross-validated alike on the tune questions; the former tie-break weight
    /// (0.01) ranked 0.3 points fewer English questions right, Polish the same.
    /// </summary>
    public double TopWeight { get; init; } = 0.5;

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
        double[] classifierWeights = semantic && cases.Any(c => c.Components.Classifier is not null) ? [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] : [0];
        double[] translatedWeights = semantic && cases.Any(c => c.Components.TranslatedExample is not null) ? [0, 0.25, 0.5, 0.75, 1] : [0];
        foreach (var lexical in lexicalWeights)
        foreach (var example in exampleWeights)
        foreach (var classifier in classifierWeights)
        foreach (var translated in translatedWeights)
        {
            var blend = new LanguageCalibration { LexicalWeight = lexical, ExampleWeight = example, ClassifierWeight = classifier, TranslatedWeight = translated };
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

    /// <summary>What a calibration does with held-out questions, counted as <c>eval</c> counts them.</summary>
    /// <remarks>
    /// <paramref name="RankedFirst"/>: the right article first among the candidates, whatever is done with them (the top-1 of
    /// the issue); <paramref name="Top1"/>: first and shown to the customer (answered, confirmed or listed, not "I don't know").
    /// </remarks>
    public sealed record Figures(int InScope, int RankedFirst, int Top1, int AnsweredCorrectly, int AnsweredWrongly, int OutOfScope, int Rejected)
    {
        public static Figures operator +(Figures a, Figures b) => new(a.InScope + b.InScope, a.RankedFirst + b.RankedFirst, a.Top1 + b.Top1,
            a.AnsweredCorrectly + b.AnsweredCorrectly, a.AnsweredWrongly + b.AnsweredWrongly, a.OutOfScope + b.OutOfScope, a.Rejected + b.Rejected);

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"in-scope {InScope}: top-1 {Share(RankedFirst, InScope):P1} (shown first {Share(Top1, InScope):P1}), answered correctly {Share(AnsweredCorrectly, InScope):P1}, answered wrongly {Share(AnsweredWrongly, InScope):P1} | out-of-scope {OutOfScope}: rejected {Share(Rejected, OutOfScope):P1}");

        private static double Share(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;
    }

    /// <summary>
    /// K-fold cross-validation on the tune questions: calibrate on all folds but one, count what the other one gets, for every
    /// fold (folds are every k-th question, so each covers every article). Measures a change without touching the test half.
    /// </summary>
    public Figures CrossValidate(IReadOnlyList<Case> cases, bool semantic, int folds)
    {
        var total = new Figures(0, 0, 0, 0, 0, 0, 0);
        for (var fold = 0; fold < folds; fold++)
        {
            var f = fold;
            var calibration = Calibrate([.. cases.Where((_, i) => i % folds != f)], semantic);
            total += Count([.. cases.Where((_, i) => i % folds == f)], calibration);
        }

        return total;
    }

    /// <summary>What <paramref name="calibration"/> decides for each case, as the answer service decides it.</summary>
    public static Figures Count(IReadOnlyList<Case> cases, LanguageCalibration calibration)
    {
        int inScope = 0, rankedFirst = 0, top1 = 0, correct = 0, wrong = 0, outOfScope = 0, rejected = 0;
        foreach (var c in cases)
        {
            var (order, scores) = c.Components.Rank(calibration);
            var confidence = order.Length == 0 ? 0 : calibration.Confidence(c.Components.ConfidenceFeatures(order, scores));
            var margin = order.Length > 1 ? scores[order[0]] - scores[order[1]] : order.Length > 0 ? scores[order[0]] : 0;
            var fallback = order.Length == 0 || confidence < calibration.ClarifyConfidence;
            var answered = order.Length > 0 && confidence >= calibration.AnswerConfidence && margin >= calibration.AnswerMargin;
            if (c.Expected < 0)
            {
                outOfScope++;
                if (fallback && !answered) rejected++;
                continue;
            }

            inScope++;
            var first = order.Length > 0 && order[0] == c.Expected;
            if (first) rankedFirst++;
            if (first && (answered || !fallback)) top1++;
            if (answered) _ = first ? correct++ : wrong++;
        }

        return new Figures(inScope, rankedFirst, top1, correct, wrong, outOfScope, rejected);
    }

    /// <summary>The thresholds that answer the most correctly within the limits, and the blend's value: that share plus <see cref="TopWeight"/> times the share ranked first.</summary>
    private (LanguageCalibration, double) Thresholds(List<Ranked> ranked, LanguageCalibration blend)
    {
        var inScope = ranked.Where(r => r.Expected >= 0).ToList();
        var outOfScope = ranked.Where(r => r.Expected < 0).ToList();
        if (inScope.Count == 0) return (blend, double.MinValue);

        // The lowest confidence that still rejects enough off-topic questions: below it, "I don't know".
        var oosConfidences = outOfScope.Select(r => r.Confidence).OrderDescending().ToList();
        var allowed = (int)Math.Floor((1 - MinRejected) * oosConfidences.Count);
        var clarify = oosConfidences.Count == 0 ? 0 : allowed < oosConfidences.Count ? oosConfidences[allowed] + 1e-6 : 0;

        var top1 = inScope.Count(r => r.Correct) / (double)inScope.Count;
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
        return (calibration, best.Correct + TopWeight * top1);
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

    /// <summary>
    /// L2-regularised logistic regression by Newton's method (few features, a few thousand cases: a handful of exact steps,
    /// no randomness). Minimises the mean log-loss plus <c>L2 / 2 × |w|²</c> (the bias is not regularised).
    /// </summary>
    private static double[] FitLogistic(List<Ranked> ranked)
    {
        var dimensions = ranked[0].Features.Length + 1;
        var weights = new double[dimensions];
        const double L2 = 1e-4;
        var n = ranked.Count;
        var x = new double[dimensions];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var gradient = new double[dimensions];
            var hessian = new double[dimensions, dimensions];
            foreach (var r in ranked)
            {
                x[0] = 1;
                for (var i = 0; i < r.Features.Length; i++) x[i + 1] = r.Features[i];
                var z = 0.0;
                for (var i = 0; i < dimensions; i++) z += weights[i] * x[i];
                var p = 1 / (1 + Math.Exp(-z));
                var error = p - (r.Correct ? 1 : 0);
                var curvature = Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i < dimensions; i++)
                {
                    gradient[i] += error * x[i] / n;
                    for (var j = 0; j <= i; j++) hessian[i, j] += curvature * x[i] * x[j] / n;
                }
            }

            for (var i = 0; i < dimensions; i++)
            {
                for (var j = 0; j < i; j++) hessian[j, i] = hessian[i, j];
                if (i > 0)
                {
                    gradient[i] += L2 * weights[i];
                    hessian[i, i] += L2;
                }
                else
                {
                    hessian[0, 0] += 1e-9;
                }
            }

            var step = Solve(hessian, gradient);
            var largest = 0.0;
            for (var i = 0; i < dimensions; i++)
            {
                weights[i] -= step[i];
                largest = Math.Max(largest, Math.Abs(step[i]));
            }

            if (largest < 1e-7) break;
        }

        return [.. weights.Select(w => Math.Round(w, 5))];
    }

    /// <summary>Solves <c>a × x = b</c> by Gaussian elimination with partial pivoting (a is small and positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
                if (Math.Abs(m[row, column]) > Math.Abs(m[pivot, column])) pivot = row;
            if (pivot != column)
            {
                for (var k = 0; k < n; k++) (m[column, k], m[pivot, k]) = (m[pivot, k], m[column, k]);
                (x[column], x[pivot]) = (x[pivot], x[column]);
            }

            for (var row = column + 1; row < n; row++)
            {
                var factor = m[row, column] / m[column, column];
                for (var k = column; k < n; k++) m[row, k] -= factor * m[column, k];
                x[row] -= factor * x[column];
            }
        }

        for (var row = n - 1; row >= 0; row--)
        {
            for (var k = row + 1; k < n; k++) x[row] -= m[row, k] * x[k];
            x[row] /= m[row, row];
        }

        return x;
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
