using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CxBot.Sentiment;

/// <summary>
/// Scores messages with the trained ML.NET model. ML.NET prediction engines are not thread-safe, so each
/// call borrows one from a pool. The model loads at start; when its file is missing it is trained from
/// the project's corpus and saved, so the product never runs without one.
/// </summary>
public sealed partial class SentimentScorer : ISentimentScorer
{
    private readonly MLContext _ml = new(SentimentModel.Seed);
    private readonly ITransformer _model;
    private readonly ConcurrentBag<PredictionEngine<SentimentModel.Input, SentimentModel.Output>> _engines = [];
    private readonly int[] _slotOf = new int[3];

    public SentimentScorer(IOptions<SentimentOptions> options, ILogger<SentimentScorer> logger)
    {
        var modelPath = Path.IsPathRooted(options.Value.ModelPath) ? options.Value.ModelPath : Path.Combine(AppContext.BaseDirectory, options.Value.ModelPath);
        if (File.Exists(modelPath))
        {
            _model = _ml.Model.Load(modelPath, out _);
            LogLoaded(logger, modelPath);
        }
        else
        {
            var data = PathResolver.FindUpwards(options.Value.TrainingData);
            if (!File.Exists(data)) throw new FileNotFoundException($"No sentiment model at '{modelPath}' and no training data at '{data}' to train one.", modelPath);
            _model = SentimentTrainer.Train(SentimentTrainer.ReadTsv(data));
            try { SentimentTrainer.Save(_model, modelPath); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { LogNotSaved(logger, modelPath, e.Message); }
            LogTrained(logger, data);
        }

        var engine = Borrow();
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        var labels = names.DenseValues().Select(n => n.ToString()).ToList();
        foreach (var label in Enum.GetValues<SentimentLabel>())
        {
            var slot = labels.IndexOf(label.ToString().ToLowerInvariant());
            _slotOf[(int)label] = slot >= 0 ? slot : throw new InvalidOperationException($"The sentiment model has no '{label}' class.");
        }

        Return(engine);
    }

    public SentimentResult Score(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new SentimentResult(SentimentLabel.Neutral, 0);
        var engine = Borrow();
        try
        {
            var output = engine.Predict(new SentimentModel.Input { Text = SentimentText.Prepare(text) });
            var negative = output.Score[_slotOf[(int)SentimentLabel.Negative]];
            var neutral = output.Score[_slotOf[(int)SentimentLabel.Neutral]];
            var positive = output.Score[_slotOf[(int)SentimentLabel.Positive]];
            var label = negative >= neutral && negative >= positive ? SentimentLabel.Negative
                : positive >= neutral ? SentimentLabel.Positive : SentimentLabel.Neutral;
            return new SentimentResult(label, Math.Clamp(positive - negative, -1f, 1f));
        }
        finally
        {
            Return(engine);
        }
    }

    private PredictionEngine<SentimentModel.Input, SentimentModel.Output> Borrow() =>
        _engines.TryTake(out var engine) ? engine : _ml.Model.CreatePredictionEngine<SentimentModel.Input, SentimentModel.Output>(_model);

    private void Return(PredictionEngine<SentimentModel.Input, SentimentModel.Output> engine) => _engines.Add(engine);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sentiment model loaded from {ModelPath}")]
    private static partial void LogLoaded(ILogger logger, string modelPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No sentiment model file; trained one from {TrainingData}")]
    private static partial void LogTrained(ILogger logger, string trainingData);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The trained sentiment model could not be saved to {ModelPath}: {Reason}")]
    private static partial void LogNotSaved(ILogger logger, string modelPath, string reason);
}
