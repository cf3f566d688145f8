namespace CxBot.Cli.Commands;

/// <summary>Labelled questions, <c>{"text", "lang", "expected"}</c> per line (<c>expected</c> null for off-topic), from one or more files.</summary>
public static class LabelledCases
{
    public sealed record Case(string Text, string Language, string? Expected);

    /// <summary>Reads every file of a comma-separated list; a bad line stops with its file and number.</summary>
    public static async Task<List<Case>> ReadAsync(string paths)
    {
        var cases = new List<Case>();
        foreach (var path in paths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!File.Exists(path)) throw new UsageException($"Cases file '{path}' does not exist.");
            using var reader = File.OpenText(path);
            await foreach (var (line, value, problem) in JsonLines.ReadAsync(reader))
            {
                if (value is not { } v || JsonLines.String(v, "text") is not { } text)
                    throw new UsageException($"{path} line {line}: {problem ?? "missing \"text\""}");
                cases.Add(new Case(text, JsonLines.String(v, "lang") ?? "pl", JsonLines.String(v, "expected")));
            }
        }

        return cases;
    }
}
