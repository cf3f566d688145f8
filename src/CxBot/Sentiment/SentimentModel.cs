using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace CxBot.Sentiment;

/// <summary>
/// The ML.NET model: word uni- and bigrams plus character 2–4-grams (diacritics removed, so "dzieki" and
/// "dzięki" meet), into a maximum-entropy classifier over negative / neutral / positive. Chosen by
/// measurement on the held-out split (see the eval-sentiment command and README).
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

    /// <summary>The training pipeline; <paramref name="trainer"/> names an alternative measured in eval (sdca, lbfgs).</summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ml, string trainer = "sdca")
    {
        var featurize = ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(Input.Text))
            .Append(ml.Transforms.Conversion.MapValueToKey("Label", nameof(Input.Label)));
        IEstimator<ITransformer> classifier = trainer switch
        {
            "lbfgs" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(l2Regularization: 0.1f),
            _ => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l2Regularization: 1e-4f, maximumNumberOfIterations: 60),
        };
        return featurize.Append(classifier).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    }
}
