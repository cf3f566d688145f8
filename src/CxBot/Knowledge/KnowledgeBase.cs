using CxBot.Knowledge.Retrieval;
using CxBot.Knowledge.Text;
using CxBot.Understanding.Embeddings;

namespace CxBot.Knowledge;

/// <summary>
/// One loaded version of the knowledge base and its search index. Immutable: a reload builds a new one
/// and swaps it in, so a search never sees half an update.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<(string Id, string Language), KnowledgeArticle> _byId;
    private readonly HybridIndex _index;
    private readonly Dictionary<(string Text, string Language), string> _taughtExactly = [];

    /// <summary>The label of questions the knowledge base does not answer (not a valid article id, so it never clashes with one).</summary>
    public const string OutOfScopeLabel = "_out-of-scope";

    /// <param name="embeddings">Sentence embeddings for semantic retrieval; null searches by words only.</param>
    /// <param name="classifiers">Trained article classifiers; null uses none.</param>
    /// <param name="outOfScope">Questions it does not answer, so it learns where its knowledge ends.</param>
    /// <param name="taught">Questions leads taught in the dashboard: examples of an article, or of <see cref="OutOfScopeLabel"/>
    /// (those naming an article the folder no longer has are left out).</param>
    /// <param name="standInClassifier">A classifier to use now if none is trained for exactly these examples yet (see
    /// <see cref="HybridIndex"/>); null trains one now.</param>
    public KnowledgeBase(IReadOnlyList<KnowledgeArticle> articles, IReadOnlyList<KnowledgeProblem> problems, DateTimeOffset loadedAt,
        RetrievalCalibration? calibration = null, EmbeddingCache? embeddings = null, ClassifierCache? classifiers = null,
        IReadOnlyList<(string Text, string Language)>? outOfScope = null, IReadOnlyList<LabelledExample>? taught = null,
        ArticleClassifier? standInClassifier = null)
    {
        Articles = articles;
        Problems = problems;
        LoadedAt = loadedAt;
        Calibration = calibration ?? RetrievalCalibration.Default;
        _byId = articles.ToDictionary(a => (a.Id, a.Language));
        var examples = Examples(articles);
        if (articles.Count > 0)
        {
            examples.AddRange((outOfScope ?? []).Select(o => new LabelledExample(o.Text, OutOfScopeLabel, o.Language)));
            var ids = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            Taught = [.. (taught ?? []).Where(t => t.Label == OutOfScopeLabel || ids.Contains(t.Label))];
            examples.AddRange(Taught);
            foreach (var t in Taught) _taughtExactly[(TextNormalizer.Normalize(t.Text), t.Language)] = t.Label;
        }

        _index = new HybridIndex(examples, embeddings, classifiers, standInClassifier);
    }

    /// <summary>The taught questions this version learnt from.</summary>
    public IReadOnlyList<LabelledExample> Taught { get; } = [];

    public IReadOnlyList<KnowledgeArticle> Articles { get; }
    public IReadOnlyList<KnowledgeProblem> Problems { get; }
    public DateTimeOffset LoadedAt { get; }
    public RetrievalCalibration Calibration { get; }

    /// <summary>The index behind <see cref="Search"/>, for calibration and explanations.</summary>
    public HybridIndex Index => _index;

    public static KnowledgeBase Empty { get; } = new([], [], DateTimeOffset.MinValue);

    /// <summary>The article in <paramref name="language"/>, or in the other language when it has no translation.</summary>
    public KnowledgeArticle? Find(string id, string language) =>
        _byId.GetValueOrDefault((id, language)) ?? _byId.Values.FirstOrDefault(a => a.Id == id);

    /// <summary>The best matching articles for a customer's message, best first, with their blended scores.</summary>
    public List<(KnowledgeArticle Article, float Score)> Search(string text, string language, int top) =>
        [.. Match(text, language, top).Hits.Select(hit => (Find(hit.Label, language)!, hit.Score))];

    /// <summary>
    /// The best matching articles' ids and scores, and the calibrated confidence that the first is right. A question a lead
    /// taught, asked again word for word, gets what was taught: its article first and sure, or nothing when taught as out of scope.
    /// </summary>
    public RetrievalMatch Match(string text, string language, int top)
    {
        var match = _index.Search(text, language, top, Calibration.For(language));
        if (_taughtExactly.Count == 0 || !_taughtExactly.TryGetValue((TextNormalizer.Normalize(text), language), out var label)) return match;
        if (label == OutOfScopeLabel) return RetrievalMatch.None;
        var first = match.Hits.FirstOrDefault(h => h.Label == label);
        var score = Math.Max(first.Score, match.Hits.Count > 0 ? match.Hits[0].Score : 0);
        return new RetrievalMatch([new LabelScore(label, score), .. match.Hits.Where(h => h.Label != label).Take(top - 1)], 1, 1);
    }

    /// <summary>What the index learns an article from: its sample questions, its title and its tags; both languages vote for the same id.</summary>
    public static List<LabelledExample> Examples(IEnumerable<KnowledgeArticle> articles) =>
    [
        .. articles.SelectMany(a => a.Questions.Select(q => new LabelledExample(q, a.Id, a.Language))
            .Append(new LabelledExample(a.Title, a.Id, a.Language))
            .Append(new LabelledExample(string.Join(' ', a.Tags), a.Id, a.Language))),
    ];
}
