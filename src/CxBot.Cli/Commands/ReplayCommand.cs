using System.Globalization;
using System.Text.Json;
using CxBot.Knowledge.Replay;
using CxBot.Knowledge.Teaching;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>replay --data DIR --kb knowledge-base [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--lang pl|en] [--without-taught]</c>: asks
/// every recorded question that got a fallback, a clarification or a confirmation again, against the articles in
/// <c>--kb</c> (an edited copy shows an edit's effect before it is published) and the taught questions, and prints the
/// before/after report as JSON.
/// </summary>
public static class ReplayCommand
{
    public const string Help = "re-ask past unanswered questions against a knowledge base, before/after as JSON (--data DIR|--redis HOST:PORT --kb FOLDER [--from --to yyyy-MM-dd] [--lang] [--without-taught])";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        DateOnly? Day(string name) => args.Get(name) is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new UsageException($"--{name} must be yyyy-MM-dd.")
            : null;
        var (from, to) = (Day("from"), Day("to"));
        var language = args.Get("lang");
        if (language is not (null or "pl" or "en")) throw new UsageException("--lang must be pl or en.");
        await using var services = DataCli.Open(args);
        if (args.Get("without-taught") is null) await services.GetRequiredService<TeachingService>().RefreshAsync(CancellationToken.None);
        var report = await services.GetRequiredService<ReplayService>().ReplayAsync(from, to, language, CancellationToken.None);
        await output.WriteLineAsync(JsonSerializer.Serialize(report, ReplayJson.Options));
        return 0;
    }
}
