namespace CxBot.Knowledge.Generative;

/// <summary>
/// Writes an answer grounded only on the given articles, citing them. Optional: off unless an
/// OpenAI-compatible endpoint is configured. Returns null when the articles do not support an answer,
/// or on any error or timeout, and the bot then gives the extractive answer.
/// </summary>
public interface IGenerativeAnswerer
{
    bool IsEnabled { get; }

    Task<string?> WriteAsync(string question, string language, IReadOnlyList<KnowledgeArticle> articles, CancellationToken cancellationToken);
}

/// <summary>Generative mode off: the default.</summary>
public sealed class NoGenerativeAnswerer : IGenerativeAnswerer
{
    public bool IsEnabled => false;

    public Task<string?> WriteAsync(string question, string language, IReadOnlyList<KnowledgeArticle> articles, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
