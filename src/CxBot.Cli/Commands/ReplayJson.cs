using System.Text.Json;

namespace CxBot.Cli.Commands;

/// <summary>How the CLI writes reports: camelCase, indented.</summary>
public static class ReplayJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
