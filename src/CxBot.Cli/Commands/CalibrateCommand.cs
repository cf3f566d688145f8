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
    public const string Help = "calibrate retrieval per language on labelled tune questions (--kb FOLDER --cases FILE [--write])";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var casesPath = args.Require("cases");
        var cases = await LabelledCases.ReadAsync(casesPath);
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
            var calibration = calibrator.Calibrate(prepared, knowledgeBase.Index.HasSemantic);
            languages[group.Key] = calibration;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {calibration}"));
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
