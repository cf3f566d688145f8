using System.Diagnostics;
using System.Globalization;
using CxBot.Sentiment;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>eval-sentiment</c>: macro-F1, accuracy and latency of the sentiment model on the held-out split and,
/// when <c>--datasets</c> points at the shared folder, on the public sets. With <c>--compare</c> it trains
/// each candidate trainer on the training split and reports them side by side (how the shipped one was chosen).
/// </summary>
public static class EvalSentimentCommand
{
    public const string Help = "evaluate sentiment (--heldout data/sentiment/heldout.tsv [--datasets ../shared/datasets] [--compare] [--errors])";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var heldout = SentimentTrainer.ReadTsv(args.Get("heldout") ?? "data/sentiment/heldout.tsv");
        var sets = new List<(string Name, List<(string Text, string Label)> Cases, bool Binary)>
        {
            ("held-out (pl+en)", [.. heldout.Select(e => (e.Text, e.Label))], false),
            ("held-out pl", [.. heldout.Where(e => e.Lang == "pl").Select(e => (e.Text, e.Label))], false),
            ("held-out en", [.. heldout.Where(e => e.Lang == "en").Select(e => (e.Text, e.Label))], false),
        };
        if (args.Get("datasets") is { } datasets) sets.AddRange(PublicSentimentSets.Load(datasets));

        var scorers = new List<(string Name, ISentimentScorer Scorer)>();
        if (args.Get("compare") is not null)
        {
            var train = SentimentTrainer.ReadTsv(args.Get("train") ?? "data/sentiment/train.tsv");
            foreach (var trainer in SentimentModel.Candidates)
            {
                var path = Path.Combine(Path.GetTempPath(), $"cxbot-sentiment-{trainer}.zip");
                SentimentTrainer.Save(SentimentTrainer.Train(train, trainer), path);
                scorers.Add((trainer, Scorer(path)));
            }
        }
        else
        {
            scorers.Add(("shipped", args.Get("model") is { } model ? Scorer(Path.GetFullPath(model)) : SentimentCommand.Open(args)));
        }

        foreach (var (name, scorer) in scorers)
        foreach (var (setName, cases, binary) in sets)
            await output.WriteLineAsync(Evaluate(name, setName, cases, binary, scorer));

        if (args.Get("errors") is not null)
            foreach (var example in heldout)
                if (scorers[0].Scorer.Score(example.Text) is var result && result.LabelName != example.Label)
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {example.Label,-8} -> {result.LabelName,-8} {result.Score,6:0.00}  [{example.Lang}] {example.Text}"));
        return 0;
    }

    private static ISentimentScorer Scorer(string path) =>
        new SentimentScorer(Options.Create(new SentimentOptions { ModelPath = path }), NullLogger<SentimentScorer>.Instance);

    private static string Evaluate(string model, string set, List<(string Text, string Label)> cases, bool binary, ISentimentScorer scorer)
    {
        if (cases.Count == 0) return $"{model,-15} {set,-34} (no data)";
        scorer.Score("warm up");
        var predicted = new List<string>(cases.Count);
        var timer = Stopwatch.StartNew();
        foreach (var (text, _) in cases)
        {
            var result = scorer.Score(text);
            // Binary sets have no neutral class: the sign of the score decides.
            predicted.Add(binary ? (result.Score >= 0 ? "positive" : "negative") : result.LabelName);
        }

        var microsPerMessage = timer.Elapsed.TotalMicroseconds / cases.Count;
        var labels = binary ? new[] { "negative", "positive" } : SentimentEvaluation.Labels;
        var pairs = cases.Zip(predicted, (c, p) => (c.Label, p)).ToList();
        var accuracy = pairs.Count(p => p.Label == p.p) / (double)cases.Count;
        var f1 = SentimentEvaluation.MacroF1(pairs, labels);
        return string.Create(CultureInfo.InvariantCulture,
            $"{model,-15} {set,-34} n={cases.Count,5}  macro-F1 {f1:0.000}  accuracy {accuracy:0.000}  {microsPerMessage:0.0} µs/message");
    }
}
