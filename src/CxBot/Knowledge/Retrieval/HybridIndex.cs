using CxBot.Knowledge.Text;
using CxBot.Understanding.Embeddings;

namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// Lexical, semantic and learnt retrieval over the same labelled examples. The TF-IDF index is fast and handles typos,
/// codes and Polish inflection; the sentence embeddings find meaning across different words; the classifier learns what
/// tells neighbouring articles apart. Each label gets every score, blended per language by <see cref="LanguageCalibration"/>.
/// Immutable once built.
/// </summary>
public sealed class HybridIndex
{
    private readonly TfIdfIndex _lexical;
    private readonly EmbeddingIndex? _semantic;
    private readonly EmbeddingIndex? _translated;
    private readonly SentenceEmbedder? _embedder;
    private readonly ArticleClassifier? _classifier;
    private readonly int _outOfScope;

    /// <param name="examples">What the labels are learnt from.</param>
    /// <param name="embeddings">Where example embeddings come from; null builds a lexical-only index.</param>
    /// <param name="classifiers">Where the trained classifier comes from; null builds none.</param>
    /// <param name="standIn">
    /// Used when no classifier is trained for exactly these examples yet, instead of training one now (seconds): a taught
    /// question then counts at once through the similarity channels, and <see cref="ClassifierPending"/> tells the caller to
    /// train in the background and build again. Null trains now.
    /// </param>
    public HybridIndex(IReadOnlyList<LabelledExample> examples, EmbeddingCache? embeddings, ClassifierCache? classifiers = null, ArticleClassifier? standIn = null)
    {
        Examples = examples;
        _lexical = new TfIdfIndex(examples);
        _outOfScope = _lexical.Labels.ToList().IndexOf(KnowledgeBase.OutOfScopeLabel);
        if (embeddings is null || examples.Count == 0) return;
        var labelIndex = _lexical.Labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        // Every example as written and, with Polish ones, every example in English (Polish read word by word, English as
        // written), in one request to the cache: it keeps on disk exactly the texts of its last request.
        var translate = RetrievalAblation.Translation && examples.Any(e => e.Language == "pl");
        var texts = examples.Select(e => e.Text).ToList();
        EnglishTexts = translate ? [.. examples.Select(e => e.Language == "pl" ? PolishToEnglish.Translate(e.Text) : e.Text)] : texts;
        if (translate) texts.AddRange(EnglishTexts);
        var all = embeddings.Get(texts);
        var vectors = all[..examples.Count];
        ExampleVectors = vectors;
        EnglishVectors = translate ? all[examples.Count..] : vectors;
        _semantic = new EmbeddingIndex([.. examples.Select(e => labelIndex[e.Label])], vectors, _lexical.Labels.Count);
        _embedder = embeddings.Embedder;
        if (translate) _translated = new EmbeddingIndex([.. examples.Select(e => labelIndex[e.Label])], all[examples.Count..], _lexical.Labels.Count);

        if (classifiers is null || _lexical.Labels.Count <= 1) return;
        _classifier = classifiers.TryGet(examples, EnglishTexts, _lexical.Labels);
        if (_classifier is null && standIn is not null)
        {
            _classifier = standIn.WithLabels(_lexical.Labels);
            ClassifierPending = true;
        }

        _classifier ??= classifiers.GetOrTrain(examples, EnglishTexts, vectors, EnglishVectors, _lexical.Labels);
    }

    public IReadOnlyList<string> Labels => _lexical.Labels;

    public bool HasSemantic => _semantic is not null;

    public bool HasClassifier => _classifier is not null;

    /// <summary>The classifier in use (possibly a stand-in trained on earlier examples), or null.</summary>
    public ArticleClassifier? Classifier => _classifier;

    /// <summary>The classifier is a stand-in: one for exactly <see cref="Examples"/> is still to be trained.</summary>
    public bool ClassifierPending { get; }

    /// <summary>What the index learnt from.</summary>
    public IReadOnlyList<LabelledExample> Examples { get; }

    /// <summary>The examples' sentence embeddings, in order (empty without embeddings).</summary>
    public IReadOnlyList<float[]> ExampleVectors { get; } = [];

    /// <summary>The examples' English readings, in order: Polish read word by word, English as written (the examples as written without translation).</summary>
    public IReadOnlyList<string> EnglishTexts { get; } = [];

    /// <summary>The embeddings of the examples' English readings, in order (<see cref="ExampleVectors"/> without translation).</summary>
    public IReadOnlyList<float[]> EnglishVectors { get; } = [];

    /// <summary>The index of <see cref="KnowledgeBase.OutOfScopeLabel"/> among the labels, or -1 when no example has it.</summary>
    public int OutOfScope => _outOfScope;

    /// <summary>Every label's component scores for <paramref name="text"/> (for calibration and explanations).</summary>
    public LabelComponents Components(string text, string language)
    {
        var count = _lexical.Labels.Count;
        var english = language == "pl" && _translated is not null && text.Any(char.IsLetter) ? PolishToEnglish.Translate(text) : "";
        var components = new LabelComponents(new float[count], new float[count], new float[count], _classifier is null ? null : new float[count], _outOfScope)
        {
            TranslatedExample = english.Length > 0 ? new float[count] : null,
            TranslatedCentroid = english.Length > 0 ? new float[count] : null,
        };
        _lexical.Score(text, language, components.Lexical);
        if (_semantic is null || _embedder is null || !text.Any(char.IsLetterOrDigit)) return components;
        var (embedding, translated) = components.TranslatedExample is null ? (_embedder.Embed(text), null) : _embedder.EmbedPair(text, english);
        _semantic.Score(embedding, components.ClosestExample, components.Centroid);
        _classifier?.Score(text, embedding, translated ?? embedding, components.Classifier);
        if (translated is not null) _translated!.Score(translated, components.TranslatedExample!, components.TranslatedCentroid!);
        return components;
    }

    /// <summary>The best <paramref name="top"/> labels by the blended score, best first, with the confidence in the first.</summary>
    public RetrievalMatch Search(string text, string language, int top, LanguageCalibration calibration) =>
        Components(text, language).Match(_lexical.Labels, calibration, top);
}
