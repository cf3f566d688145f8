using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace CxBot.Sentiment;

/// <summary>
/// The ML.NET model: word uni- and bigrams plus character 4-grams (diacritics removed, so "dzieki" and
/// "dzięki" meet), into one-versus-all averaged perceptrons over negative / neutral / positive. Chosen by
/// measurement on the held-out split among the <see cref="Candidates"/> (eval-sentiment --compare; README).
/// A candidate's name reads trainer-features: "w2" word n-grams up to 2, "c4" character 4-grams, "c5all" 1–5-grams.
/// </summary>
public static class SentimentModel
{
    public const int Seed = 20261122;

    /// <summary>A message; <see cref="Text"/> must already be <see cref="SentimentText.Prepare"/>d, in training and scoring alike.</summary>
    public sealed class Input
    {
        [LoadColumn(0)] public string Text { get; set; } = "";
        [LoadColumn(1)] public string Label { get; set; } = "";
        [LoadColumn(2)] public string Lang { get; set; } = "";
    }

    public sealed class Output
    {
        [ColumnName("PredictedLabel")] public string PredictedLabel { get; set; } = "";
        public float[] Score { get; set; } = [];
    }

    /// <summary>The candidates measured by <c>eval-sentiment --compare</c>; <see cref="Shipped"/> is the one chosen.</summary>
    public static readonly string[] Candidates = ["sdca-w2c4", "sdca-w1c5all", "ova-ap-w2c5all", "ova-ap-w1c5all", "ova-ap-w2c4", "ova-svm-w2c5all", "ova-ap-w2c3all"];

    public const string Shipped = "ova-ap-w2c4";

    /// <summary>The training pipeline of one of the <see cref="Candidates"/>.</summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ml, string candidate = Shipped)
    {
        var parts = candidate.Split('-');
        var features = parts[^1];
        var wordLength = features[1] - '0';
        var charLength = features[3] - '0';
        var featurize = ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = wordLength, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = charLength, UseAllLengths = features.EndsWith("all", StringComparison.Ordinal) },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(Input.Text))
            .Append(ml.Transforms.Conversion.MapValueToKey("Label", nameof(Input.Label)));
        IEstimator<ITransformer> classifier = parts[0] switch
        {
            "lbfgs" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(l2Regularization: 0.1f),
            "ova" when parts[1] == "svm" => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 20)),
            "ova" => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 20)),
            "sdca" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l2Regularization: 1e-4f, maximumNumberOfIterations: 60),
            _ => throw new ArgumentException($"Unknown sentiment model candidate '{candidate}'.", nameof(candidate)),
        };
        return featurize.Append(classifier).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    }
}
