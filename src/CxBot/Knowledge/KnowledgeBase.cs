using CxBot.Knowledge.Retrieval;

namespace CxBot.Knowledge;

/// <summary>
/// One loaded version of the knowledge base and its search index. Immutable: a reload builds a new one
/// and swaps it in, so a search never sees half an update.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<(string Id, string Language), KnowledgeArticle> _byId;
    private readonly TfIdfIndex _index;

    public KnowledgeBase(IReadOnlyList<KnowledgeArticle> articles, IReadOnlyList<KnowledgeProblem> problems, DateTimeOffset loadedAt)
    {
        Articles = articles;
        Problems = problems;
        LoadedAt = loadedAt;
        _byId = articles.ToDictionary(a => (a.Id, a.Language));
        _index = new TfIdfIndex(Examples(articles));
    }

    public IReadOnlyList<KnowledgeArticle> Articles { get; }
    public IReadOnlyList<KnowledgeProblem> Problems { get; }
    public DateTimeOffset LoadedAt { get; }

    public static KnowledgeBase Empty { get; } = new([], [], DateTimeOffset.MinValue);

    /// <summary>The article in <paramref name="language"/>, or in the other language when it has no translation.</summary>
    public KnowledgeArticle? Find(string id, string language) =>
        _byId.GetValueOrDefault((id, language)) ?? _byId.Values.FirstOrDefault(a => a.Id == id);

    /// <summary>The best matching articles for a customer's message, best first, with scores from 0 to 1.</summary>
    public List<(KnowledgeArticle Article, float Score)> Search(string text, string language, int top) =>
        [.. _index.Search(text, language, top).Select(hit => (Find(hit.Label, language)!, hit.Score))];

    /// <summary>What the index learns an article from: its sample questions, its title and its tags; both languages vote for the same id.</summary>
    public static List<LabelledExample> Examples(IEnumerable<KnowledgeArticle> articles) =>
    [
        .. articles.SelectMany(a => a.Questions.Select(q => new LabelledExample(q, a.Id, a.Language))
            .Append(new LabelledExample(a.Title, a.Id, a.Language))
            .Append(new LabelledExample(string.Join(' ', a.Tags), a.Id, a.Language))),
    ];
}
