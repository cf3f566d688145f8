using Microsoft.ML;

namespace CxBot.Sentiment;

/// <summary>Trains and evaluates the sentiment model, reproducibly (fixed seed).</summary>
public static class SentimentTrainer
{
    public static List<SentimentModel.Input> ReadTsv(string path) =>
    [
        .. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Where(p => p.Length >= 2)
            .Select(p => new SentimentModel.Input { Text = p[0], Label = p[1].Trim(), Lang = p.Length > 2 ? p[2].Trim() : "" }),
    ];

    public static ITransformer Train(IReadOnlyList<SentimentModel.Input> examples, string candidate = SentimentModel.Shipped)
    {
        var ml = new MLContext(SentimentModel.Seed);
        var prepared = examples.Select(e => new SentimentModel.Input { Text = SentimentText.Prepare(e.Text), Label = e.Label, Lang = e.Lang });
        var data = ml.Data.LoadFromEnumerable(prepared);
        return SentimentModel.Pipeline(ml, candidate).Fit(data);
    }

    public static void Save(ITransformer model, string path)
    {
        var ml = new MLContext(SentimentModel.Seed);
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<SentimentModel.Input>()).Schema;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        ml.Model.Save(model, schema, path);
    }
}
