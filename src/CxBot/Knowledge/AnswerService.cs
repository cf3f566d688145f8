using CxBot.Knowledge.Generative;
using CxBot.Knowledge.Text;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace CxBot.Knowledge;

/// <summary>
/// Decides how the knowledge base answers a customer's question: it is searched through the kernel's
/// <c>KnowledgeBase.search</c> function, and the calibrated confidence decides between answering, confirming one article,
/// asking "Did you mean…" and saying plainly that the bot does not know. With an LLM configured, a confident answer is
/// rewritten from the articles. (What a message does besides asking — thanks, goodbye, a request for a person — is read
/// by <see cref="Understanding.MessageReader"/> and decided by the conversation flow.)
/// </summary>
public sealed class AnswerService
{
    private readonly Kernel _kernel;
    private readonly KernelFunction _search;
    private readonly KnowledgeBaseProvider _provider;
    private readonly KnowledgeOptions _options;
    private readonly IGenerativeAnswerer _generative;

    public AnswerService(KnowledgeBaseProvider provider, IOptions<KnowledgeOptions> options, IGenerativeAnswerer? generative = null)
    {
        _provider = provider;
        _options = options.Value;
        _generative = generative ?? new NoGenerativeAnswerer();
        var builder = Kernel.CreateBuilder();
        builder.Plugins.AddFromObject(new KnowledgeBasePlugin(provider), KnowledgeBasePlugin.PluginName);
        _kernel = builder.Build();
        _search = _kernel.Plugins[KnowledgeBasePlugin.PluginName][KnowledgeBasePlugin.SearchFunction];
    }

    public KnowledgeBase KnowledgeBase => _provider.Current;

    /// <param name="generate">With an LLM configured, let it write a confident answer; false decides only (replay, evaluation).</param>
    public async Task<KnowledgeAnswer> AnswerAsync(string text, string conversationLanguage, CancellationToken cancellationToken, bool generate = true)
    {
        var language = LanguageDetector.Detect(text, conversationLanguage);

        var found = await _kernel.InvokeAsync<KnowledgeSearchResult>(_search,
            new KernelArguments { ["question"] = text, ["language"] = language, ["top"] = 3 }, cancellationToken);
        var answer = Decide(found ?? new KnowledgeSearchResult([], 0, 0), language);
        if (answer.Action != AnswerAction.Answer || !generate || !_generative.IsEnabled) return answer;

        var generated = await _generative.WriteAsync(text, language, answer.Candidates, cancellationToken);
        return generated is null ? answer : answer with { GeneratedText = generated };
    }

    /// <summary>
    /// Answer when the first article is likely right and clearly ahead of the next; when it is plausible but not sure, ask:
    /// with the close ones together ("Did you mean…"), or with it alone ("Do you mean …?"); below that, say so plainly.
    /// </summary>
    private KnowledgeAnswer Decide(KnowledgeSearchResult found, string language)
    {
        var knowledgeBase = _provider.Current;
        var calibration = knowledgeBase.Calibration.For(language);
        var hits = found.Articles;
        var candidates = hits.Select(h => knowledgeBase.Find(h.Id, language)).OfType<KnowledgeArticle>().ToList();
        var confidence = hits.Count > 0 ? found.Confidence : 0;
        if (confidence >= calibration.AnswerConfidence && found.Margin >= calibration.AnswerMargin)
            return new(AnswerAction.Answer, language, confidence, candidates[0], candidates);
        if (hits.Count == 0 || confidence < calibration.ClarifyConfidence) return new(AnswerAction.Fallback, language, confidence, null, candidates);

        var close = hits.Zip(candidates).Where(p => p.First.Score >= hits[0].Score - calibration.CloseMargin).Select(p => p.Second).Take(3).ToList();
        return close.Count > 1
            ? new(AnswerAction.Clarify, language, confidence, null, close)
            : new(AnswerAction.Confirm, language, confidence, candidates[0], candidates);
    }
}
