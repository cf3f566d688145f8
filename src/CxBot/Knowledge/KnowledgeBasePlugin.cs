using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace CxBot.Knowledge;

/// <summary>The knowledge base as a Semantic Kernel plugin: the bot's turn searches it through the kernel, and an LLM can call it as a tool.</summary>
public sealed class KnowledgeBasePlugin(KnowledgeBaseProvider provider)
{
    public const string PluginName = "KnowledgeBase";
    public const string SearchFunction = "search";

    [KernelFunction(SearchFunction)]
    [Description("Searches the Wrzos online store's customer-support knowledge base (orders, delivery, returns, payments, accounts, "
        + "complaints, store locations). Returns the best matching articles, best first, each with its id, title, a relative match "
        + "score, whether a human consultant should handle the topic, and the answer text in Markdown; and a confidence from 0 to 1 "
        + "that the first article answers the question. A confidence below about 0.3 means the knowledge base does not cover it.")]
    public KnowledgeSearchResult Search(
        [Description("The customer's question in their own words, in Polish or English")] string question,
        [Description("Language of the articles to return: 'pl' or 'en'")] string language = "pl",
        [Description("How many articles to return, 1 to 5")] int top = 3)
    {
        var knowledgeBase = provider.Current;
        language = language is "en" ? "en" : "pl";
        var match = knowledgeBase.Match(question, language, Math.Clamp(top, 1, 5));
        return new KnowledgeSearchResult(
            [.. match.Hits.Select(hit => knowledgeBase.Find(hit.Label, language) is { } a ? new ArticleHit(a.Id, a.Title, hit.Score, a.Escalate, a.Body) : null).OfType<ArticleHit>()],
            match.Confidence, match.Margin);
    }
}

/// <summary>What <see cref="KnowledgeBasePlugin.Search"/> found: articles best first, the confidence in the first, its lead over the second.</summary>
public sealed record KnowledgeSearchResult(IReadOnlyList<ArticleHit> Articles, double Confidence, double Margin);

/// <summary>One article found by <see cref="KnowledgeBasePlugin.Search"/>, with its blended (relative) score.</summary>
public sealed record ArticleHit(string Id, string Title, float Score, bool Escalate, string Body);
