using System.Diagnostics;
using System.Globalization;
using CxBot.Knowledge;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>eval --kb FOLDER --cases FILE</c>: top-1 accuracy, out-of-scope rejection and latency per language
/// for labelled <c>{"text", "lang", "expected"}</c> lines (<c>expected</c> null for out-of-scope).
/// </summary>
public static class EvalCommand
{
    public const string Help = "evaluate answering on labelled JSON lines (--kb FOLDER --cases FILE)";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var answers = KnowledgeCli.Open(args);
        var cases = await LabelledCases.ReadAsync(args.Require("cases"));

        // Warm up once so the first query's JIT does not count as latency.
        await answers.AnswerAsync("warm up", "pl", CancellationToken.None);
        var results = new List<EvalResult>();
        foreach (var (text, language, expected) in cases)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await answers.AnswerAsync(text, language, CancellationToken.None);
            var micros = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            results.Add(new EvalResult(text, language, expected, answer, micros));
        }

        var report = EvalReport.From(results);
        await output.WriteLineAsync(report.ToText());
        if (args.Get("errors") is not null)
            foreach (var miss in results.Where(r => !r.Correct)) await output.WriteLineAsync(miss.Describe());
        return 0;
    }
}

/// <summary>One evaluated case.</summary>
public sealed record EvalResult(string Text, string Language, string? Expected, KnowledgeAnswer Answer, double Microseconds)
{
    public bool InScope => Expected is not null;
    /// <summary>The right article first among the candidates, whatever the bot does with them (the issue's top-1).</summary>
    public bool RankedFirst => InScope && Answer.Candidates.Count > 0 && Answer.Candidates[0].Id == Expected;

    /// <summary>The right article first and shown to the customer: answered, confirmed or listed, not "I don't know".</summary>
    public bool Top1 => RankedFirst && Answer.Action != AnswerAction.Fallback;
    public bool Answered => Answer.Action == AnswerAction.Answer;
    public bool Rejected => Answer.Action == AnswerAction.Fallback;
    public bool Correct => InScope ? Top1 : Rejected;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"MISS [{Language}] expected={Expected ?? "(none)"} got={Answer.Action}:{(Answer.Candidates.Count > 0 ? Answer.Candidates[0].Id : "-")} conf={Answer.Confidence:0.000} :: {Text}");
}

/// <summary>The figures of an evaluation, per language and overall.</summary>
public sealed record EvalReport(IReadOnlyList<(string Scope, EvalFigures Figures)> Rows)
{
    public static EvalReport From(IReadOnlyList<EvalResult> results) =>
        new([.. results.GroupBy(r => r.Language).OrderBy(g => g.Key).Select(g => (g.Key, EvalFigures.From([.. g]))),
            ("all", EvalFigures.From(results))]);

    public string ToText() => string.Join('\n', Rows.Select(r => string.Create(CultureInfo.InvariantCulture,
        $"{r.Scope,-4} in-scope {r.Figures.InScope,4}: top-1 {r.Figures.RankedFirst:P1} (shown first {r.Figures.Top1:P1}), answered correctly {r.Figures.AnsweredCorrectly:P1}, answered wrongly {r.Figures.AnsweredWrongly:P1} | "
        + $"out-of-scope {r.Figures.OutOfScope,3}: rejected {r.Figures.Rejection:P1}, not answered {r.Figures.NotAnswered:P1} | "
        + $"latency median {r.Figures.MedianMicros:0} µs, p99 {r.Figures.P99Micros:0} µs")));
}

public sealed record EvalFigures(int InScope, double RankedFirst, double Top1, double AnsweredCorrectly, double AnsweredWrongly, int OutOfScope,
    double Rejection, double NotAnswered, double MedianMicros, double P99Micros)
{
    public static EvalFigures From(IReadOnlyList<EvalResult> results)
    {
        var inScope = results.Where(r => r.InScope).ToList();
        var outOfScope = results.Where(r => !r.InScope).ToList();
        var latencies = results.Select(r => r.Microseconds).Order().ToList();
        static double Share(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;
        return new EvalFigures(
            inScope.Count,
            Share(inScope.Count(r => r.RankedFirst), inScope.Count),
            Share(inScope.Count(r => r.Top1), inScope.Count),
            Share(inScope.Count(r => r.Top1 && r.Answered), inScope.Count),
            Share(inScope.Count(r => !r.Top1 && r.Answered), inScope.Count),
            outOfScope.Count,
            Share(outOfScope.Count(r => r.Rejected), outOfScope.Count),
            Share(outOfScope.Count(r => !r.Answered), outOfScope.Count),
            Percentile(latencies, 0.5),
            Percentile(latencies, 0.99));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
