namespace CxBot.Knowledge.Teaching;

/// <summary>Changes whenever the taught questions do, so other instances notice by reading one small document.</summary>
public sealed record TaughtVersion(string Version, DateTimeOffset ChangedAt);
