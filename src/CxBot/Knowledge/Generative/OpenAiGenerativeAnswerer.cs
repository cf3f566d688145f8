using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace CxBot.Knowledge.Generative;

/// <summary>
/// Generative answers through Semantic Kernel's OpenAI connector, against any OpenAI-compatible
/// endpoint. The prompt gives the model only the retrieved articles and asks it to decline with a fixed
/// marker when they do not answer the question.
/// </summary>
public sealed partial class OpenAiGenerativeAnswerer : IGenerativeAnswerer
{
    public const string DeclineMarker = "NO_ANSWER";

    private const string Prompt = """
        You are the customer-support assistant of Wrzos, an online fashion and home store.
        Answer the customer's question using ONLY the articles below. Do not use any other knowledge.
        If the articles do not contain the answer, reply with exactly {{$decline}} and nothing else.
        Reply in {{$language}}, briefly and kindly, in Markdown. End with the titles of the articles you used, as "Source: <title>".

        Articles:
        {{$articles}}

        Customer's question: {{$question}}
        """;

    private const string SummaryPrompt = """
        A customer of Wrzos, an online fashion and home store, is being passed from the chatbot to a human agent.
        In one short sentence in {{$language}}, tell the agent what the customer wants, with any order number,
        product or date they gave. Do not greet, do not answer the customer, do not invent anything.

        The customer's messages, oldest first:
        {{$messages}}
        """;

    /// <summary>The customer is waiting for the queue message meanwhile, so a summary gets less time than an answer.</summary>
    private static readonly TimeSpan SummaryTimeout = TimeSpan.FromSeconds(4);

    private readonly Kernel _kernel;
    private readonly KernelFunction _answer;
    private readonly KernelFunction _summary;
    private readonly TimeSpan _timeout;
    private readonly ILogger<OpenAiGenerativeAnswerer> _logger;

    public OpenAiGenerativeAnswerer(IOptions<KnowledgeOptions> options, ILogger<OpenAiGenerativeAnswerer> logger, HttpClient? httpClient = null)
    {
        var llm = options.Value.Llm;
        _logger = logger;
        _timeout = TimeSpan.FromSeconds(llm.TimeoutSeconds);
        var builder = Kernel.CreateBuilder();
#pragma warning disable SKEXP0010 // custom endpoints (Ollama, vLLM, Azure's v1 API) are what makes this optional mode useful
        builder.AddOpenAIChatCompletion(llm.Model, new Uri(llm.Endpoint!), llm.ApiKey ?? "none", httpClient: httpClient);
#pragma warning restore SKEXP0010
        _kernel = builder.Build();
        _answer = _kernel.CreateFunctionFromPrompt(Prompt, new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = 400 }, "answer_from_articles");
        _summary = _kernel.CreateFunctionFromPrompt(SummaryPrompt, new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = 80 }, "summarise_for_agent");
    }

    public bool IsEnabled => true;

    public async Task<string?> WriteAsync(string question, string language, IReadOnlyList<KnowledgeArticle> articles, CancellationToken cancellationToken)
    {
        var context = new StringBuilder();
        foreach (var article in articles) context.Append("## ").AppendLine(article.Title).AppendLine(article.Body).AppendLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var result = await _kernel.InvokeAsync(_answer, new KernelArguments
            {
                ["decline"] = DeclineMarker,
                ["language"] = language == "en" ? "English" : "Polish",
                ["articles"] = context.ToString(),
                ["question"] = question,
            }, timeout.Token);
            var text = result.GetValue<string>()?.Trim();
            return string.IsNullOrEmpty(text) || text.Contains(DeclineMarker, StringComparison.Ordinal) ? null : text;
        }
        catch (Exception e)
        {
            // The model is optional: whatever goes wrong on the way (a timeout, an error status, a body that is not the JSON
            // it claims to be, a fault in the HTTP stack cancelling a read), the extractive answer stands.
            LogFallback(e.GetType().Name);
            return null;
        }
    }

    public async Task<string?> SummariseAsync(IReadOnlyList<string> customerMessages, string language, CancellationToken cancellationToken)
    {
        if (customerMessages.Count == 0) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout < SummaryTimeout ? _timeout : SummaryTimeout);
        try
        {
            var result = await _kernel.InvokeAsync(_summary, new KernelArguments
            {
                ["language"] = language == "en" ? "English" : "Polish",
                ["messages"] = string.Join('\n', customerMessages.Select(m => "- " + m.ReplaceLineEndings(" "))),
            }, timeout.Token);
            var text = result.GetValue<string>()?.Trim();
            return string.IsNullOrEmpty(text) ? null : text.Length > 300 ? text[..300] + "…" : text;
        }
        catch (Exception e)
        {
            // As for answers: the agent's summary is optional, and the handoff never waits on its failure.
            LogSummaryFailed(e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary for the agent failed ({Reason}); the queue shows the last message instead")]
    private partial void LogSummaryFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generative answer failed ({Reason}); answering from the article instead")]
    private partial void LogFallback(string reason);
}
