using System.Text.Json;
using CxBot.Sentiment;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>sentiment</c>: reads <c>{"text", "lang"}</c> lines on stdin and writes, in order, one
/// <c>{"text", "label", "score"}</c> line each. A stable interface: scripts depend on it.
/// </summary>
public static class SentimentCommand
{
    public const string Help = "score JSON lines {text, lang} from stdin: label negative|neutral|positive and score -1..1 (--model FILE)";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var scorer = Open(new CommandArgs(arguments));
        var failures = 0;
        await foreach (var (line, value, problem) in JsonLines.ReadAsync(input))
        {
            var text = value is { } v ? JsonLines.String(v, "text") : null;
            if (text is null)
            {
                await error.WriteLineAsync($"line {line}: {problem ?? "missing \"text\""}");
                await output.WriteLineAsync("""{"error":"invalid input line"}""");
                failures++;
                continue;
            }

            var result = scorer.Score(text);
            await output.WriteLineAsync(Format(text, result));
        }

        return failures == 0 ? 0 : 1;
    }

    public static SentimentScorer Open(CommandArgs args)
    {
        var options = new SentimentOptions();
        if (args.Get("model") is { } model) options.ModelPath = Path.GetFullPath(model);
        return new SentimentScorer(Options.Create(options), NullLogger<SentimentScorer>.Instance);
    }

    private static string Format(string text, SentimentResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("text", text);
            json.WriteString("label", result.LabelName);
            json.WriteNumber("score", Math.Round(result.Score, 4));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
