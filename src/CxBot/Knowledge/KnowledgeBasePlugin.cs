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
        + "complaints, store locations). Returns the best matching articles, best first, each with its id, title, a match score "
        + "from 0 (unrelated) to 1 (certain), whether a human consultant should handle the topic, and the answer text in Markdown. "
        + "Scores below about 0.3 mean the knowledge base does not cover the question.")]
    public IReadOnlyList<ArticleHit> Search(
        [Description("The customer's question in their own words, in Polish or English")] string question,
        [Description("Language of the articles to return: 'pl' or 'en'")] string language = "pl",
        [Description("How many articles to return, 1 to 5")] int top = 3) =>
        [.. provider.Current.Search(question, language is "en" ? "en" : "pl", Math.Clamp(top, 1, 5))
            .Select(hit => new ArticleHit(hit.Article.Id, hit.Article.Title, hit.Score, hit.Article.Escalate, hit.Article.Body))];
}

/// <summary>One search result of <see cref="KnowledgeBasePlugin.Search"/>.</summary>
public sealed record ArticleHit(string Id, string Title, float Score, bool Escalate, string Body);
