using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CxBot.Knowledge.Retrieval;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>bench-intents --datasets ../shared/datasets</c>: the knowledge base's retrieval on public intent
/// datasets (BANKING77, CLINC150 with its out-of-scope split), trained on the train split and scored on
/// the test split. Three methods are measured side by side: CxBot's TF-IDF index, an ML.NET text
/// classifier (n-gram features into a maximum-entropy model), and the two combined; and the product's retrieval of today:
/// TF-IDF with sentence embeddings (all-MiniLM-L6-v2), and that with its article classifier (<c>--no-hybrid</c> skips both;
/// the first run embeds every training sentence, kept in <c>--cache</c> afterwards). The blend weights are the product's
/// defaults, not tuned on these sets. The out-of-scope threshold is chosen on the validation split. Reports accuracy,
/// out-of-scope recall and per-query latency.
/// </summary>
public static class IntentBenchmarkCommand
{
    public const string Help = "intent benchmark on BANKING77 and CLINC150 (--datasets ../shared/datasets [--no-hybrid] [--cache DIR])";

    private sealed record Case(string Text, string? Label);

    private sealed class Row
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }

    private static bool _hybrid = true;
    private static string _cache = "";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        _hybrid = args.Get("no-hybrid") is null;
        _cache = Path.GetFullPath(args.Get("cache") ?? Path.Combine(Path.GetTempPath(), "cxbot-bench-intents-cache"));
        var root = args.Get("datasets") ?? "../shared/datasets";
        if (!Directory.Exists(root)) await output.WriteLineAsync($"No datasets folder at '{root}': public datasets skipped.");

        var banking = Path.Combine(root, "banking77");
        if (Directory.Exists(banking))
            await RunAsync("BANKING77", Csv(Path.Combine(banking, "train.csv")), [], [], Csv(Path.Combine(banking, "test.csv")), [], output);

        var clincFile = Path.Combine(root, "clinc150", "data_full.json");
        if (File.Exists(clincFile))
        {
            using var clinc = JsonDocument.Parse(await File.ReadAllTextAsync(clincFile));
            List<Case> Split(string name, bool outOfScope) =>
                [.. clinc.RootElement.GetProperty(name).EnumerateArray().Select(p => new Case(p[0].GetString()!, outOfScope ? null : p[1].GetString()))];
            await RunAsync("CLINC150", Split("train", false), Split("val", false), Split("oos_val", true), Split("test", false), Split("oos_test", true), output);
        }

        // The demo store's own knowledge base: trained on the articles' sample questions, titles and tags,
        // tested on the team's held-out paraphrases (ranking only: the product's thresholds are measured by eval).
        var kb = args.Get("kb") ?? "knowledge-base";
        var paraphrases = args.Get("cases") ?? "tests/data/kb-paraphrases.jsonl";
        if (Directory.Exists(kb) && File.Exists(paraphrases))
        {
            var (articles, _) = CxBot.Knowledge.KnowledgeBaseLoader.Load(kb);
            var examples = CxBot.Knowledge.KnowledgeBase.Examples(articles).Select(e => new Case(e.Text, e.Label)).ToList();
            var cases = File.ReadLines(paraphrases).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("expected").ValueKind == JsonValueKind.String)
                .Select(e => new Case(e.GetProperty("text").GetString()!, e.GetProperty("expected").GetString())).ToList();
            await RunAsync("Demo store knowledge base (held-out paraphrases, top-1)", examples, [], [], cases, [], output);
        }

        return 0;
    }

    /// <summary>A two-column CSV with a header (text, label); quoted fields may hold commas, quotes and line breaks.</summary>
    private static List<Case> Csv(string path)
    {
        var text = File.ReadAllText(path);
        var rows = new List<Case>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count >= 2) rows.Add(new Case(fields[0].Trim(), fields[^1].Trim()));
                fields.Clear();
            }
            else field.Append(c);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            if (fields.Count >= 2) rows.Add(new Case(fields[0].Trim(), fields[^1].Trim()));
        }

        return rows.Skip(1).ToList();
    }

    private static async Task RunAsync(string name, List<Case> train, List<Case> validation, List<Case> validationOutOfScope,
        List<Case> test, List<Case> testOutOfScope, TextWriter output)
    {
        var timer = Stopwatch.StartNew();
        var index = new TfIdfIndex([.. train.Select(c => new LabelledExample(c.Text, c.Label!, "en"))]);
        var indexSeconds = timer.Elapsed.TotalSeconds;

        timer.Restart();
        var ml = new MLContext(seed: 1);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
                KeepDiacritics = false, KeepPunctuations = false, CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            }, nameof(Row.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 30));
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train.Select(c => new Row { Text = c.Text, Label = c.Label! })));
        var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(model);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref slotNames);
        var labels = slotNames.DenseValues().Select(v => v.ToString()).ToArray();
        var trainSeconds = timer.Elapsed.TotalSeconds;

        (string Label, float Score) TfIdf(string text) => index.Search(text, "en", 1) is [var best, ..] ? (best.Label, best.Score) : ("", 0);
        (string Label, float Score) Classifier(string text)
        {
            var scores = engine.Predict(new Row { Text = text }).Score;
            var best = 0;
            for (var i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
            return (labels[best], scores[best]);
        }

        (string Label, float Score) Combined(string text)
        {
            var scores = engine.Predict(new Row { Text = text }).Score;
            var combined = new Dictionary<string, float>(StringComparer.Ordinal);
            for (var i = 0; i < scores.Length; i++) combined[labels[i]] = 0.5f * scores[i];
            foreach (var hit in index.Search(text, "en", 10)) combined[hit.Label] = combined.GetValueOrDefault(hit.Label) + 0.5f * hit.Score;
            var best = combined.MaxBy(p => p.Value);
            return (best.Key, best.Value);
        }

        await output.WriteLineAsync(Invariant($"{name}: {train.Count} training examples; TF-IDF index built in {indexSeconds:0.0} s, ML.NET classifier trained in {trainSeconds:0.0} s"));
        var methods = new List<(string, Func<string, (string Label, float Score)>)> { ("tf-idf", TfIdf), ("ml.net", Classifier), ("combined", Combined) };
        if (_hybrid)
        {
            var examples = train.Select(c => new LabelledExample(c.Text, c.Label!, "en")).ToList();
            timer.Restart();
            var embeddings = new CxBot.Understanding.Embeddings.EmbeddingCache(Path.Combine(_cache, "embeddings.bin"));
            var semantic = new HybridIndex(examples, embeddings);
            var semanticSeconds = timer.Elapsed.TotalSeconds;
            timer.Restart();
            var learnt = new HybridIndex(examples, embeddings, new ClassifierCache(_cache));
            await output.WriteLineAsync(Invariant($"  sentence embeddings of the training set in {semanticSeconds:0.0} s (cached in {_cache}), article classifier in {timer.Elapsed.TotalSeconds:0.0} s"));
            // The product's default blend (LanguageCalibration's initial values), not tuned on these sets.
            var withoutClassifier = new LanguageCalibration { ClassifierWeight = 0 };
            var withClassifier = new LanguageCalibration();
            methods.Add(("tf-idf+embeddings", text => Best(semantic.Components(text, "en").Match(semantic.Labels, withoutClassifier, 1))));
            methods.Add(("tf-idf+embeddings+classifier", text => Best(learnt.Components(text, "en").Match(learnt.Labels, withClassifier, 1))));
        }

        foreach (var (method, predict) in methods)
        {
            var threshold = validationOutOfScope.Count == 0 ? 0f : ChooseThreshold(validation, validationOutOfScope, predict);
            var latencies = new List<double>(test.Count);
            var correct = 0;
            foreach (var c in test)
            {
                var started = Stopwatch.GetTimestamp();
                var (label, score) = predict(c.Text);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (label == c.Label && score >= threshold) correct++;
            }

            var rejected = testOutOfScope.Count(c => predict(c.Text).Score < threshold);
            latencies.Sort();
            var outOfScope = testOutOfScope.Count == 0 ? "" : Invariant($", out-of-scope recall {100.0 * rejected / testOutOfScope.Count:0.0}% (threshold {threshold:0.000} from validation)");
            await output.WriteLineAsync(Invariant(
                $"  {method,-28} accuracy {100.0 * correct / test.Count:0.00}%{outOfScope}, latency median {latencies[latencies.Count / 2]:0.000} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:0.000} ms"));
        }
    }

    private static (string Label, float Score) Best(RetrievalMatch match) => match.Hits is [var best, ..] ? (best.Label, best.Score) : ("", 0);

    /// <summary>The score threshold that maximises in-scope accuracy plus out-of-scope recall on the validation split.</summary>
    private static float ChooseThreshold(List<Case> inScope, List<Case> outOfScope, Func<string, (string Label, float Score)> predict)
    {
        var scored = inScope.Select(c => predict(c.Text) is var p ? (Correct: p.Label == c.Label, p.Score) : default).ToList();
        var oos = outOfScope.Select(c => predict(c.Text).Score).ToList();
        var best = (Threshold: 0f, Value: double.MinValue);
        foreach (var candidate in scored.Select(s => s.Score).Concat(oos).Distinct().Order())
        {
            var value = scored.Count(s => s.Correct && s.Score >= candidate) / (double)scored.Count + oos.Count(s => s < candidate) / (double)oos.Count;
            if (value > best.Value) best = (candidate, value);
        }

        return best.Threshold;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
