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
    public const string Help = "calibrate retrieval per language on labelled tune questions (--kb FOLDER --cases FILE [--write] [--folds N] [--with|--without lemmas,synonyms,translation])";

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
        var calibrator = new Calibrator
        {
            MaxWrong = args.Get("max-wrong") is { } w ? double.Parse(w, CultureInfo.InvariantCulture) : new Calibrator().MaxWrong,
            MinRejected = args.Get("min-rejected") is { } r ? double.Parse(r, CultureInfo.InvariantCulture) : new Calibrator().MinRejected,
        };

        var languages = new Dictionary<string, LanguageCalibration>();
        foreach (var group in cases.GroupBy(c => c.Language).OrderBy(g => g.Key))
        {
            var prepared = group.Select(c => new Calibrator.Case(knowledgeBase.Index.Components(c.Text, c.Language),
                c.Expected is null ? -1 : labels.TryGetValue(c.Expected, out var l) ? l : throw new UsageException($"Unknown article '{c.Expected}' in the cases."))).ToList();
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
            MeasuredOn = $"calibrate --cases {casesPath} (max wrong {calibrator.MaxWrong:P1}, min off-topic rejected {calibrator.MinRejected:P0}) on {DateTime.UtcNow:yyyy-MM-dd}",
        };
        if (args.Get("write") is not null)
        {
            var path = Path.Combine(args.Get("kb") ?? "knowledge-base", RetrievalCalibration.FileName);
            await File.WriteAllTextAsync(path, result.ToJson() + "\n");
            await output.WriteLineAsync($"written {path}");
        }

        return 0;
    }
}
