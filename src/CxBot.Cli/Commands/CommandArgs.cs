namespace CxBot.Cli.Commands;

/// <summary><c>--name value</c> options of a command.</summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"Unexpected argument '{args[i]}'.");
            var name = args[i][2..];
            _values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new UsageException($"--{name} is required.");

    public int GetInt(string name, int fallback) =>
        Get(name) is { } text ? int.TryParse(text, out var value) ? value : throw new UsageException($"--{name} must be a number.") : fallback;
}
