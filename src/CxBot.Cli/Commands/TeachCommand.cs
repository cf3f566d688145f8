using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Knowledge.Teaching;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>teach export --data DIR --kb knowledge-base [--clear]</c>: writes the questions leads taught in the dashboard into the
/// articles' <c>questions:</c> lists and <c>out-of-scope.yml</c>, so the knowledge base in git stays the source; prints what
/// it did as JSON. With <c>--clear</c> the exported questions are then removed from the store (logged as exported), as the
/// files now hold them. <c>teach list</c> prints the taught questions.
/// </summary>
public static class TeachCommand
{
    public const string Help = "taught questions: export into the articles' Markdown, or list (export|list --data DIR|--redis HOST:PORT --kb FOLDER [--clear])";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        if (arguments.Length == 0 || arguments[0] is not ("export" or "list")) throw new UsageException("Use 'teach export' or 'teach list'.");
        var args = new CommandArgs(arguments[1..]);
        await using var services = DataCli.Open(args);
        var store = services.GetRequiredService<TeachingStore>();
        var taught = await store.ListAsync(CancellationToken.None);
        if (arguments[0] == "list")
        {
            foreach (var question in taught)
                await output.WriteLineAsync(JsonSerializer.Serialize(question, TeachingJsonContext.Default.TaughtQuestion));
            return 0;
        }

        var folder = Path.GetFullPath(args.Get("kb") ?? "knowledge-base");
        TaughtExporter.Result result;
        try { result = TaughtExporter.Export(folder, taught); }
        catch (InvalidDataException e) { throw new UsageException(e.Message); }

        if (args.Get("clear") is not null)
        {
            var time = services.GetRequiredService<TimeProvider>();
            foreach (var question in result.Written.Concat(result.AlreadyThere))
            {
                await store.DeleteAsync(question.Id, CancellationToken.None);
                await store.AppendLogAsync(new TeachLogEntry(Guid.NewGuid().ToString("N")[..16], "exported", question.Id, question.Text, question.Language,
                    question.ArticleId, "teach export", time.GetUtcNow()), CancellationToken.None);
            }

            if (result.Written.Count + result.AlreadyThere.Count > 0) await store.BumpVersionAsync(time.GetUtcNow(), CancellationToken.None);
        }

        var report = new JsonObject
        {
            ["written"] = result.Written.Count,
            ["alreadyThere"] = result.AlreadyThere.Count,
            ["skipped"] = new JsonArray([.. result.Skipped.Select(s => (JsonNode)new JsonObject { ["text"] = s.Question.Text, ["articleId"] = s.Question.ArticleId, ["reason"] = s.Reason })]),
            ["files"] = new JsonArray([.. result.Files.Select(f => (JsonNode)f)]),
            ["cleared"] = args.Get("clear") is not null,
        };
        await output.WriteLineAsync(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return result.Skipped.Count == 0 ? 0 : 1;
    }
}
