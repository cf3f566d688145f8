using System.Text.Json;
using CxBot.Knowledge;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>answer --kb FOLDER</c>: reads <c>{"text", "lang"}</c> lines on stdin and writes, in order, one
/// <c>{"text", "action", "articleId", "confidence", "candidates"}</c> line each. A stable interface: scripts depend on it.
/// </summary>
public static class AnswerCommand
{
    public const string Help = "answer JSON lines {text, lang} from stdin with the knowledge base (--kb FOLDER)";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var answers = KnowledgeCli.Open(new CommandArgs(arguments));
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

            var answer = await answers.AnswerAsync(text, JsonLines.String(value!.Value, "lang") ?? "pl", CancellationToken.None);
            await output.WriteLineAsync(Format(text, answer));
        }

        return failures == 0 ? 0 : 1;
    }

    public static string Format(string text, KnowledgeAnswer answer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("text", text);
            json.WriteString("action", KnowledgeCli.ActionName(answer.Action));
            if (answer.Article is null) json.WriteNull("articleId");
            else json.WriteString("articleId", answer.Article.Id);
            json.WriteNumber("confidence", Math.Round(answer.Confidence, 4));
            json.WriteStartArray("candidates");
            foreach (var candidate in answer.Candidates) json.WriteStringValue(candidate.Id);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
