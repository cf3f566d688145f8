using System.ComponentModel.DataAnnotations;

namespace CxBot.Knowledge;

/// <summary>Where the knowledge base is and how sure the bot must be to answer from it.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// Folder of the Markdown articles. A relative path is looked for in the working directory and then in
    /// its parents, so <c>dotnet run</c> from the project folder finds the repository's <c>knowledge-base/</c>.
    /// </summary>
    [Required]
    public string Folder { get; set; } = "knowledge-base";

    /// <summary>Reload the articles when files in the folder change.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// Folder keeping what is learnt from the articles across restarts, keyed by their content (the sentence embeddings of
    /// their questions, the trained article classifier), so a start does not compute them again. Empty:
    /// <c>Storage:DataDirectory</c>; null in code: memory only.
    /// </summary>
    public string? CacheFolder { get; set; }

    /// <summary>
    /// The article classifier is trained (seconds for the demo store, growing with the articles) only for knowledge bases of
    /// at most this many articles; larger ones are searched by similarity alone.
    /// </summary>
    [Range(0, 100_000)]
    public int ClassifierMaxArticles { get; set; } = 1000;

    /// <summary>
    /// How often an instance reads whether leads taught or revoked questions on another instance (one small document);
    /// the instance that was taught rebuilds at once.
    /// </summary>
    [Range(1, 300)]
    public int TaughtPollSeconds { get; set; } = 2;

    /// <summary>Optional generative answers from an OpenAI-compatible endpoint; off when no endpoint is set.</summary>
    public LlmOptions Llm { get; set; } = new();
}

/// <summary>An OpenAI-compatible chat endpoint: OpenAI, Azure OpenAI's v1 API, Ollama or vLLM at their <c>/v1</c> URL.</summary>
public sealed class LlmOptions
{
    /// <summary>Base URL, e.g. <c>https://api.openai.com/v1</c> or <c>http://127.0.0.1:11434/v1</c>. Empty: generative mode off.</summary>
    public string? Endpoint { get; set; }

    /// <summary>API key; local servers usually accept any value.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model name, e.g. <c>gpt-4o-mini</c> or <c>llama3.1</c>.</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Past this the bot gives the extractive answer instead.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 8;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);
}
