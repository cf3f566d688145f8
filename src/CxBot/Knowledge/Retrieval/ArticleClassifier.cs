using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using CxBot.Understanding.Embeddings;

namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// An ML.NET classifier over the articles' examples (their words, character n-grams, sentence embeddings and the
/// embeddings of their English reading into a maximum-entropy model): where the similarity channels weigh every shared
/// word alike, it learns which words tell neighbouring articles apart ("koszt" for delivery cost, "ile trwa" for delivery
/// time). The English reading puts both languages in one space, so Polish questions also learn from the English examples
/// (alone, it ranks the right article first for 92 % of the Polish tune questions, 87 % without). Trained with a fixed
/// seed to convergence (30 passes; 60 give the same model); see <see cref="ClassifierCache"/> for why it is rarely trained
/// at start.
/// </summary>
public sealed class ArticleClassifier
{
    public const int Seed = 20261129;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly int[] _slotLabel;
    private readonly ConcurrentBag<PredictionEngine<Row, Scored>> _engines = [];

    private ArticleClassifier(MLContext ml, ITransformer model, IReadOnlyList<string> labels)
    {
        _ml = ml;
        _model = model;
        var schema = model.GetOutputSchema(ml.Data.LoadFromEnumerable(Array.Empty<Row>()).Schema);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        schema["Score"].GetSlotNames(ref names);
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        _slotLabel = [.. names.DenseValues().Select(n => index.GetValueOrDefault(n.ToString(), -1))];
    }

    /// <summary>The same model, its classes mapped onto another label order (a stand-in while a new model trains).</summary>
    public ArticleClassifier WithLabels(IReadOnlyList<string> labels) => new(_ml, _model, labels);

    /// <summary>
    /// Each label's probability for the text, into <paramref name="into"/> (label order of the index). <paramref name="english"/>
    /// is the embedding of the text's English reading (<see cref="Text.PolishToEnglish"/>), the same as <paramref name="embedding"/>
    /// for English: one feature space for both languages, so what the English examples teach also reaches Polish questions.
    /// </summary>
    public void Score(string text, float[] embedding, float[] english, Span<float> into)
    {
        if (!_engines.TryTake(out var engine)) engine = _ml.Model.CreatePredictionEngine<Row, Scored>(_model);
        try
        {
            var scores = engine.Predict(new Row { Text = text, Embedding = embedding, English = english }).Score;
            into.Clear();
            for (var slot = 0; slot < scores.Length; slot++)
                if (_slotLabel[slot] >= 0) into[_slotLabel[slot]] = scores[slot];
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <param name="english">The embeddings of the examples' English readings, in order (the embeddings themselves for English ones).</param>
    public static ArticleClassifier Train(IReadOnlyList<LabelledExample> examples, IReadOnlyList<float[]> embeddings, IReadOnlyList<float[]> english, IReadOnlyList<string> labels)
    {
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select((e, i) => new Row { Text = e.Text, Embedding = embeddings[i], English = english[i], Label = e.Label }));
        var pipeline = ml.Transforms.Text.FeaturizeText("TextFeatures", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(Row.Text))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", nameof(Row.Embedding), nameof(Row.English)))
            .Append(ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Row.Label)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: "LabelKey", featureColumnName: "Features",
                l2Regularization: 1e-4f, maximumNumberOfIterations: 30));
        return new ArticleClassifier(ml, pipeline.Fit(data), labels);
    }

    public void Save(Stream stream) => _ml.Model.Save(_model, _ml.Data.LoadFromEnumerable(Array.Empty<Row>()).Schema, stream);

    public static ArticleClassifier Load(Stream stream, IReadOnlyList<string> labels)
    {
        var ml = new MLContext(Seed);
        return new ArticleClassifier(ml, ml.Model.Load(stream, out _), labels);
    }

    private sealed class Row
    {
        public string Text { get; set; } = "";
        [VectorType(SentenceEmbedder.Dimensions)] public float[] Embedding { get; set; } = [];
        [VectorType(SentenceEmbedder.Dimensions)] public float[] English { get; set; } = [];
        public string Label { get; set; } = "";
    }

    private sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }
}
