using System.Text.Json;

namespace CxBot.Cli.Commands;

/// <summary>Reads JSON-lines input: one object per line, blank lines skipped, a bad line reported with its number.</summary>
public static class JsonLines
{
    public static async IAsyncEnumerable<(int Line, JsonElement? Value, string? Error)> ReadAsync(TextReader input)
    {
        var number = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement? value = null;
            string? error = null;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object) error = "expected a JSON object";
                else value = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                error = e.Message;
            }

            yield return (number, value, error);
        }
    }

    public static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
