namespace CxBot.Knowledge;

/// <summary>Why an article file was not loaded: which file, which field, what is wrong.</summary>
public sealed record KnowledgeProblem(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}
