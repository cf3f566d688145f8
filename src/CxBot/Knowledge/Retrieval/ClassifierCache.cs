using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CxBot.Understanding.Embeddings;

namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// Trained <see cref="ArticleClassifier"/>s keyed by exactly what they were trained on (the examples and their labels), in
/// memory and, with a folder, on disk: training takes seconds, so a restart, a second instance or a reload that changed no
/// article loads the model instead of training it again.
/// </summary>
public sealed class ClassifierCache(string? folder)
{
    // Part of every key: changed whenever the classifier's features or training change, so no older model is loaded for
    // the same examples (v6: the English reading's embedding, 30 passes; v2–v5 were trials that never shipped).
    private const string Version = "article-classifier-v6";
    private static readonly ConcurrentDictionary<string, Lazy<ArticleClassifier>> Memory = new(StringComparer.Ordinal);

    /// <summary>
    /// The classifier trained on exactly these examples, from memory or disk, or null without training.
    /// <paramref name="englishTexts"/>: the examples' English readings, in order (<see cref="HybridIndex.EnglishTexts"/>), part
    /// of what the classifier learns from, so a changed glossary retrains.
    /// </summary>
    public ArticleClassifier? TryGet(IReadOnlyList<LabelledExample> examples, IReadOnlyList<string> englishTexts, IReadOnlyList<string> labels)
    {
        var key = Key(examples, englishTexts);
        if (Memory.TryGetValue(key, out var lazy) && lazy.IsValueCreated) return lazy.Value;
        if (Load(key, labels) is not { } loaded) return null;
        return Memory.GetOrAdd(key, new Lazy<ArticleClassifier>(() => loaded)).Value;
    }

    public ArticleClassifier GetOrTrain(IReadOnlyList<LabelledExample> examples, IReadOnlyList<string> englishTexts, IReadOnlyList<float[]> embeddings,
        IReadOnlyList<float[]> english, IReadOnlyList<string> labels)
    {
        var key = Key(examples, englishTexts);
        return Memory.GetOrAdd(key, k => new Lazy<ArticleClassifier>(() => LoadOrTrain(k, examples, embeddings, english, labels))).Value;
    }

    private ArticleClassifier LoadOrTrain(string key, IReadOnlyList<LabelledExample> examples, IReadOnlyList<float[]> embeddings, IReadOnlyList<float[]> english, IReadOnlyList<string> labels)
    {
        if (Load(key, labels) is { } loaded) return loaded;
        var classifier = ArticleClassifier.Train(examples, embeddings, english, labels);
        if (PathOf(key) is { } path) Keep(path, classifier);
        return classifier;
    }

    private string? PathOf(string key) => folder is null ? null : Path.Combine(Path.GetFullPath(folder), $"knowledge-classifier-{key}.zip");

    private ArticleClassifier? Load(string key, IReadOnlyList<string> labels)
    {
        if (PathOf(key) is not { } path || !File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            return ArticleClassifier.Load(stream, labels);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or InvalidOperationException)
        {
            // A damaged cache file only costs a training.
            return null;
        }
    }

    /// <summary>Writes the model beside its older versions' files, which it then removes (one knowledge base, one model).</summary>
    private static void Keep(string path, ArticleClassifier classifier)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = File.Create(temporary)) classifier.Save(stream);
            File.Move(temporary, path, overwrite: true);
            foreach (var old in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "knowledge-classifier-*.zip"))
                if (old != path && File.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddDays(-1)) File.Delete(old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); }
            catch (IOException) { }
        }
    }

    private static string Key(IReadOnlyList<LabelledExample> examples, IReadOnlyList<string> englishTexts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Version + "\0" + SentenceEmbedder.ModelId + "\0"));
        for (var i = 0; i < examples.Count; i++)
            hash.AppendData(Encoding.UTF8.GetBytes($"{examples[i].Label}\0{examples[i].Language}\0{examples[i].Text}\0{englishTexts[i]}\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..24];
    }
}
