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

    /// <summary>At or above this confidence the bot answers with the best article.</summary>
    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = 0.35;

    /// <summary>At or above this (and below <see cref="AnswerThreshold"/>) the bot asks "Did you mean…" with up to three articles; below it, it says it does not know.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyThreshold { get; set; } = 0.22;

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
