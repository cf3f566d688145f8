using System.Diagnostics;
using System.Globalization;
using CxBot.Understanding;
using CxBot.Understanding.Acts;
using CxBot.Understanding.Embeddings;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>train-acts</c>: trains the message-act model from data/acts/{en,pl}.tsv with a fixed seed. Five-fold cross-validation
/// on the corpus first gives each act's threshold (the middle of those within half a point of the best F1 over both languages) and the figures it reports per language;
/// the shipped model is then trained on the whole corpus.
/// </summary>
public static class TrainActsCommand
{
    public const string Help = "train the message-act model (--data data/acts --out src/CxBot/Understanding/Acts/Model/acts-model.zip)";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var folder = args.Get("data") ?? "data/acts";
        var target = args.Get("out") ?? "src/CxBot/Understanding/Acts/Model/acts-model.zip";
        var examples = new[] { "en", "pl" }.SelectMany(l => ActExample.ReadTsv(Path.Combine(folder, $"{l}.tsv"), l)).ToList();
        var started = Stopwatch.GetTimestamp();
        var cache = new EmbeddingCache(args.Get("cache") is { } folder2 ? Path.Combine(folder2, "acts-embeddings.bin") : null);
        var embeddings = cache.Get([.. examples.Select(e => e.Text)]);
        ActModel.BlendPolish(examples, embeddings, texts => cache.Get(texts));
        await output.WriteLineAsync($"{examples.Count} examples embedded in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

        // Out-of-fold probabilities: each example scored by a model that never saw it.
        const int Folds = 5;
        var fold = examples.Select((_, i) => i % Folds).ToArray();
        new Random(ActModel.Seed).Shuffle(fold);
        var probabilities = new float[examples.Count][];
        for (var f = 0; f < Folds; f++)
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => fold[i] != f).ToList();
            var model = ActModel.Train([.. train.Select(i => examples[i])], texts => cache.Get(texts));
            foreach (var i in Enumerable.Range(0, examples.Count).Where(i => fold[i] == f)) probabilities[i] = model.Probabilities(examples[i].Text, embeddings[i]);
        }

        var thresholds = new float[ActLabels.All.Length];
        for (var a = 0; a < thresholds.Length; a++)
        {
            // The middle of the thresholds within half a point of the best F1, not the single best: the F1 curve is flat
            // near its top, and its exact peak moves with the folds each time a line is added to the corpus.
            var scored = Enumerable.Range(5, 86).Select(t => (Threshold: t / 100f, F1: FBeta(Count(examples, probabilities, a, t / 100f, null), 1))).ToList();
            var best = scored.Max(s => s.F1);
            var near = scored.Where(s => s.F1 >= best - 0.005).Select(s => s.Threshold).ToList();
            thresholds[a] = near[near.Count / 2];
        }

        await output.WriteLineAsync("act              threshold  | en: precision recall F1 (n) | pl: precision recall F1 (n)");
        for (var a = 0; a < thresholds.Length; a++)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{ActLabels.All[a].Name,-16} {thresholds[a],9:0.00}");
            foreach (var language in new[] { "en", "pl" })
            {
                var c = Count(examples, probabilities, a, thresholds[a], language);
                line += string.Create(CultureInfo.InvariantCulture, $"  | {c.Precision,6:P1} {c.Recall,6:P1} {FBeta(c, 1),6:P1} ({c.Positives})");
            }

            await output.WriteLineAsync(line);
        }

        var shipped = ActModel.Train(examples, texts => cache.Get(texts), thresholds);
        shipped.Save(target);
        await output.WriteLineAsync($"Trained on {examples.Count} examples in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; saved {target}.");
        return 0;
    }

    private sealed record Counts(int TruePositives, int FalsePositives, int Positives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => Positives == 0 ? 1 : (double)TruePositives / Positives;
    }

    private static Counts Count(List<ActExample> examples, float[][] probabilities, int act, float threshold, string? language)
    {
        var flag = ActLabels.All[act].Act;
        int tp = 0, fp = 0, positives = 0;
        for (var i = 0; i < examples.Count; i++)
        {
            if (language is not null && examples[i].Language != language) continue;
            var truth = examples[i].Acts.HasFlag(flag);
            var predicted = probabilities[i][act] >= threshold;
            if (truth) positives++;
            if (predicted && truth) tp++;
            if (predicted && !truth) fp++;
        }

        return new Counts(tp, fp, positives);
    }

    private static double FBeta(Counts c, double beta) =>
        c.Precision + c.Recall == 0 ? 0 : (1 + beta * beta) * c.Precision * c.Recall / (beta * beta * c.Precision + c.Recall);
}
