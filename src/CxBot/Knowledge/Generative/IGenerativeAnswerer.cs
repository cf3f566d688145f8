namespace CxBot.Knowledge.Generative;

/// <summary>
/// What an LLM adds when one is configured (an OpenAI-compatible endpoint; off by default). Both methods
/// return null when the model cannot help, and on any error or timeout; the bot then does without.
/// </summary>
public interface IGenerativeAnswerer
{
    bool IsEnabled { get; }

    /// <summary>An answer grounded only on the given articles, citing them; null when they do not support one.</summary>
    Task<string?> WriteAsync(string question, string language, IReadOnlyList<KnowledgeArticle> articles, CancellationToken cancellationToken);

    /// <summary>One sentence for the agent about what the customer wants, from their messages.</summary>
    Task<string?> SummariseAsync(IReadOnlyList<string> customerMessages, string language, CancellationToken cancellationToken);
}

/// <summary>Generative mode off: the default.</summary>
public sealed class NoGenerativeAnswerer : IGenerativeAnswerer
{
    public bool IsEnabled => false;

    public Task<string?> WriteAsync(string question, string language, IReadOnlyList<KnowledgeArticle> articles, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    public Task<string?> SummariseAsync(IReadOnlyList<string> customerMessages, string language, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
