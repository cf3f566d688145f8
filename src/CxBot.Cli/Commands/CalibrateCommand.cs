using System.Globalization;
using CxBot.Knowledge.Retrieval;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>calibrate --kb FOLDER --cases TUNE.jsonl [--write]</c>: finds each language's retrieval blend and thresholds on the
/// tune half of labelled questions and, with <c>--write</c>, keeps them in the knowledge base's <c>retrieval.json</c>.
/// Report the other half with <c>eval</c>, never the one tuned on.
/// </summary>
public static class CalibrateCommand
{
    public const string Help = "calibrate retrieval per language on labelled tune questions (--kb FOLDER --cases FILE [--write] [--folds N] [--with|--without lemmas,synonyms,translation] [--max-wrong S|en=S,pl=S] [--min-rejected S|en=S,pl=S])";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var casesPath = args.Require("cases");
        var cases = await LabelledCases.ReadAsync(casesPath);
        try
        {
            if (args.Get("with") is { } with) RetrievalAblation.Set(with, on: true);
            if (args.Get("without") is { } without) RetrievalAblation.Set(without, on: false);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        var folds = args.GetInt("folds", 0);
        if (folds is 1 or < 0) throw new UsageException("--folds must be 2 or more.");
        if (args.Get("write") is not null && folds > 1) throw new UsageException("--write and --folds do not go together: cross-validation only measures.");
        var answers = KnowledgeCli.Open(args);
        var knowledgeBase = answers.KnowledgeBase;
        var labels = knowledgeBase.Index.Labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
        var maxWrong = PerLanguage(args.Get("max-wrong"), new Calibrator().MaxWrong);
        var minRejected = PerLanguage(args.Get("min-rejected"), new Calibrator().MinRejected);

        var languages = new Dictionary<string, LanguageCalibration>();
        var limits = new List<string>();
        foreach (var group in cases.GroupBy(c => c.Language).OrderBy(g => g.Key))
        {
            var calibrator = new Calibrator { MaxWrong = maxWrong(group.Key), MinRejected = minRejected(group.Key) };
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: max wrong {calibrator.MaxWrong:P1}, min off-topic rejected {calibrator.MinRejected:P0}"));
            var prepared = group.Select(c => new Calibrator.Case(knowledgeBase.Index.Components(c.Text, c.Language),
                c.Expected is null ? -1 : labels.TryGetValue(c.Expected, out var l) ? l : throw new UsageException($"Unknown article '{c.Expected}' in the cases."))).ToList();
            await output.WriteLineAsync($"{group.Key,-4} each channel alone, top-1 of {prepared.Count(c => c.Expected >= 0)} in-scope: {ChannelTop1(prepared)}");
            if (folds > 1)
            {
                // Measures how well calibrating on these cases generalises, on the cases themselves: nothing is written.
                await output.WriteLineAsync($"{group.Key,-4} {folds}-fold cross-validated {calibrator.CrossValidate(prepared, knowledgeBase.Index.HasSemantic, folds)}");
                continue;
            }

            var calibration = calibrator.Calibrate(prepared, knowledgeBase.Index.HasSemantic);
            languages[group.Key] = calibration;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key}: lexical {calibration.LexicalWeight}, closest example {calibration.ExampleWeight}, translated {calibration.TranslatedWeight}, classifier {calibration.ClassifierWeight}; answer at {calibration.AnswerConfidence:0.000} with margin {calibration.AnswerMargin}, clarify at {calibration.ClarifyConfidence:0.000}, close {calibration.CloseMargin}; on these cases {Calibrator.Count(prepared, calibration)}"));
        }

        var result = new RetrievalCalibration
        {
            Languages = languages,
            MeasuredOn = $"calibrate --cases {casesPath} ({string.Join("; ", limits)}) on {DateTime.UtcNow:yyyy-MM-dd}",
        };
        if (args.Get("write") is not null)
        {
            var path = Path.Combine(args.Get("kb") ?? "knowledge-base", RetrievalCalibration.FileName);
            await File.WriteAllTextAsync(path, result.ToJson() + "\n");
            await output.WriteLineAsync($"written {path}");
        }

        return 0;
    }

    /// <summary>"0.95" for every language, or "en=0.95,pl=0.92" (a language not named keeps <paramref name="fallback"/>).</summary>
    private static Func<string, double> PerLanguage(string? text, double fallback)
    {
        if (text is null) return _ => fallback;
        static double Parse(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1
            ? d : throw new UsageException($"'{value}' is not a share between 0 and 1.");
        if (!text.Contains('=')) return _ => Parse(text);
        var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length == 2 ? Parse(p[1]) : throw new UsageException($"'{string.Join('=', p)}': use language=share."));
        return language => values.GetValueOrDefault(language, fallback);
    }

    /// <summary>How often each channel on its own ranks the right article first (what a blend can build on).</summary>
    private static string ChannelTop1(IReadOnlyList<Calibrator.Case> cases)
    {
        var inScope = cases.Where(c => c.Expected >= 0).ToList();
        string Share(Func<LabelComponents, float[]?> channel)
        {
            if (inScope.Count == 0 || inScope.Any(c => channel(c.Components) is null)) return "-";
            var right = inScope.Count(c =>
            {
                var values = channel(c.Components)!;
                var best = -1;
                for (var l = 0; l < values.Length; l++)
                    if (l != c.Components.OutOfScope && (best < 0 || values[l] > values[best])) best = l;
                return best == c.Expected;
            });
            return ((double)right / inScope.Count).ToString("P1", CultureInfo.InvariantCulture);
        }

        return $"lexical {Share(c => c.Lexical)}, closest example {Share(c => c.ClosestExample)}, centroid {Share(c => c.Centroid)}, " +
            $"classifier {Share(c => c.Classifier)}, English reading {Share(c => c.TranslatedExample)}";
    }
}
