using System.Globalization;

namespace CxBot.Cli.Commands;

/// <summary>
/// Readers for the public sentiment sets in <c>shared/datasets</c>, for evaluation only (PolEmo and the
/// airline tweets are non-commercial: never train the shipped model on them).
/// </summary>
public static class PublicSentimentSets
{
    public static IEnumerable<(string Name, List<(string Text, string Label)> Cases, bool Binary)> Load(string folder)
    {
        var polemo = Path.Combine(folder, "polemo2-klej", "in_dev.tsv");
        if (File.Exists(polemo))
        {
            // Ambivalent reviews have no counterpart among our three classes and are left out.
            var map = new Dictionary<string, string> { ["__label__meta_minus_m"] = "negative", ["__label__meta_zero"] = "neutral", ["__label__meta_plus_m"] = "positive" };
            yield return ("PolEmo2.0-IN dev (pl, 3 classes)", [.. Tsv(polemo).Where(r => map.ContainsKey(r[1])).Select(r => (r[0], map[r[1]]))], false);
        }

        var allegro = Path.Combine(folder, "allegro-reviews-klej", "dev.tsv");
        if (File.Exists(allegro))
        {
            yield return ("Allegro reviews dev (pl, 1-2 vs 4-5★)",
            [
                .. Tsv(allegro).Select(r => (r[0], Rating: double.Parse(r[1], CultureInfo.InvariantCulture)))
                    .Where(r => r.Rating != 3).Select(r => (r.Item1, r.Rating < 3 ? "negative" : "positive")),
            ], true);
        }

        var uci = Path.Combine(folder, "uci-sentiment-sentences");
        if (Directory.Exists(uci))
        {
            yield return ("UCI sentences (en, binary)",
            [
                .. Directory.EnumerateFiles(uci, "*_labelled.txt").SelectMany(File.ReadLines).Select(l => l.Split('\t'))
                    .Where(p => p.Length == 2).Select(p => (p[0], p[1].Trim() == "1" ? "positive" : "negative")),
            ], true);
        }

        var tweets = Path.Combine(folder, "twitter-us-airline-sentiment", "Tweets.csv");
        if (File.Exists(tweets))
            yield return ("Airline tweets (en, 3 classes)", [.. Csv(tweets).Select(r => (r[4], r[1]))], false);
    }

    private static IEnumerable<string[]> Tsv(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(p => p.Length >= 2);

    /// <summary>A minimal RFC 4180 reader (quoted fields with commas, doubled quotes and newlines).</summary>
    private static IEnumerable<string[]> Csv(string path)
    {
        var text = File.ReadAllText(path);
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var header = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                if (!header && row.Count >= 5) yield return [.. row];
                header = false;
                row = [];
            }
            else field.Append(c);
        }
    }
}
