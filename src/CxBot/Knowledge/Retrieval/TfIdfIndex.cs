using System.Buffers;
using System.Runtime.InteropServices;

namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// An inverted TF-IDF index over labelled examples. A label's score blends its best single example with
/// the centroid of all its examples: the best example rewards a close paraphrase, the centroid rewards a
/// question that shares vocabulary with the topic as a whole. Immutable once built, so safe to share.
/// Features a query has that the index never saw still count in the query's length, so a question about
/// something else scores low instead of matching on its one familiar word.
/// </summary>
public sealed class TfIdfIndex
{
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly float[] _idf;
    private readonly float _unknownIdf;
    private readonly (int Example, float Weight)[][] _postings;
    private readonly (int Label, float Weight)[][] _centroidPostings;
    private readonly int[] _exampleLabel;
    private readonly string[] _labels;
    private readonly float _bestWeight;

    public TfIdfIndex(IReadOnlyList<LabelledExample> examples, float bestExampleWeight = 0.6f)
    {
        _bestWeight = bestExampleWeight;
        _labels = [.. examples.Select(e => e.Label).Distinct(StringComparer.Ordinal)];
        var labelIndex = _labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        _exampleLabel = [.. examples.Select(e => labelIndex[e.Label])];

        // Feature extraction is the costly, independent part: it runs on all cores, a chunk at a time, and
        // each chunk is turned into feature ids at once, so its many short-lived key strings die young
        // instead of being promoted by the collector. Ids are given in example order.
        const int Chunk = 2048;
        var raw = new (int Feature, float Weight)[examples.Count][];
        for (var start = 0; start < examples.Count; start += Chunk)
        {
            var extracted = Enumerable.Range(start, Math.Min(Chunk, examples.Count - start)).AsParallel().AsOrdered().Select(i =>
            {
                var features = new Dictionary<string, float>(StringComparer.Ordinal);
                TextFeatures.Extract(examples[i].Text, examples[i].Language, features);
                return features;
            }).ToList();
            for (var i = 0; i < extracted.Count; i++)
            {
                var vector = new (int, float)[extracted[i].Count];
                var k = 0;
                foreach (var (key, weight) in extracted[i])
                {
                    ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_vocabulary, key, out var exists);
                    if (!exists) id = _vocabulary.Count - 1;
                    vector[k++] = (id, weight);
                }

                raw[start + i] = vector;
            }
        }

        // Rarity is counted over labels, not examples: a word in every sample question of one article
        // ("zwrot" in returns) is that article's strongest signal, not a common word. Visiting the examples
        // label by label, a feature's label count grows each time it is met under a new label.
        var labelCount = new int[_vocabulary.Count];
        var lastLabel = new int[_vocabulary.Count];
        Array.Fill(lastLabel, -1);
        foreach (var e in Enumerable.Range(0, raw.Length).OrderBy(e => _exampleLabel[e]))
        foreach (var (feature, _) in raw[e])
        {
            if (lastLabel[feature] == _exampleLabel[e]) continue;
            lastLabel[feature] = _exampleLabel[e];
            labelCount[feature]++;
        }

        var n = Math.Max(1, _labels.Length);
        _idf = [.. labelCount.Select(count => (float)Math.Log((n + 1.0) / (count + 1.0)) + 1f)];
        _unknownIdf = (float)Math.Log(n + 1.0) + 1f;

        var postingCount = new int[_vocabulary.Count];
        foreach (var vector in raw)
        foreach (var (feature, _) in vector) postingCount[feature]++;
        _postings = [.. postingCount.Select(count => new (int, float)[count])];
        var centroids = Enumerable.Range(0, _labels.Length).Select(_ => new Dictionary<int, float>()).ToArray();
        Array.Clear(postingCount);
        for (var e = 0; e < raw.Length; e++)
        {
            var weighted = raw[e];
            double norm = 0;
            foreach (ref var entry in weighted.AsSpan())
            {
                entry.Weight *= _idf[entry.Feature];
                norm += (double)entry.Weight * entry.Weight;
            }

            var length = Math.Sqrt(norm);
            var centroid = centroids[_exampleLabel[e]];
            foreach (var (feature, weight) in weighted)
            {
                var normalised = length == 0 ? weight : (float)(weight / length);
                _postings[feature][postingCount[feature]++] = (e, normalised);
                CollectionsMarshal.GetValueRefOrAddDefault(centroid, feature, out _) += normalised;
            }
        }

        var centroidPostings = Enumerable.Range(0, _vocabulary.Count).Select(_ => new List<(int, float)>()).ToArray();
        for (var label = 0; label < centroids.Length; label++)
        {
            Normalise(centroids[label]);
            foreach (var (feature, weight) in centroids[label]) centroidPostings[feature].Add((label, weight));
        }

        _centroidPostings = [.. centroidPostings.Select(p => p.ToArray())];
    }

    public int ExampleCount => _exampleLabel.Length;
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The best <paramref name="top"/> labels for <paramref name="text"/>, best first.</summary>
    public List<LabelScore> Search(string text, string language, int top)
    {
        var scores = ArrayPool<float>.Shared.Rent(_labels.Length);
        try
        {
            Score(text, language, scores.AsSpan(0, _labels.Length));
            var results = new List<LabelScore>(_labels.Length);
            for (var label = 0; label < _labels.Length; label++)
                if (scores[label] > 0) results.Add(new LabelScore(_labels[label], scores[label]));
            results.Sort((a, b) => b.Score.CompareTo(a.Score));
            if (results.Count > top) results.RemoveRange(top, results.Count - top);
            return results;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// Every label's score for <paramref name="text"/>, 0–1, into <paramref name="scores"/> (one per label, in
    /// <see cref="Labels"/> order). Returns false when the text has no searchable word.
    /// </summary>
    public bool Score(string text, string language, Span<float> scores)
    {
        scores.Clear();
        var features = new Dictionary<string, float>(StringComparer.Ordinal);
        TextFeatures.Extract(text, language, features);
        if (features.Count == 0) return false;

        var query = new List<(int Feature, float Weight)>(features.Count);
        double norm = 0;
        foreach (var (key, weight) in features)
        {
            var known = _vocabulary.TryGetValue(key, out var id);
            var w = weight * (known ? _idf[id] : _unknownIdf);
            norm += w * w;
            if (known) query.Add((id, w));
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        var exampleScores = ArrayPool<float>.Shared.Rent(_exampleLabel.Length);
        var labelCentroid = ArrayPool<float>.Shared.Rent(_labels.Length);
        try
        {
            Array.Clear(exampleScores, 0, _exampleLabel.Length);
            Array.Clear(labelCentroid, 0, _labels.Length);
            foreach (var (feature, weight) in query)
            {
                var q = weight * scale;
                foreach (var (example, w) in _postings[feature]) exampleScores[example] += q * w;
                foreach (var (label, w) in _centroidPostings[feature]) labelCentroid[label] += q * w;
            }

            // scores holds each label's best example first, then the blend with its centroid.
            for (var e = 0; e < _exampleLabel.Length; e++)
            {
                ref var best = ref scores[_exampleLabel[e]];
                if (exampleScores[e] > best) best = exampleScores[e];
            }

            for (var label = 0; label < _labels.Length; label++)
                scores[label] = _bestWeight * scores[label] + (1 - _bestWeight) * labelCentroid[label];
            return true;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(exampleScores);
            ArrayPool<float>.Shared.Return(labelCentroid);
        }
    }

    private static void Normalise(Dictionary<int, float> vector)
    {
        var norm = Math.Sqrt(vector.Values.Sum(v => (double)v * v));
        if (norm == 0) return;
        foreach (var key in CollectionsMarshal.AsSpan(vector.Keys.ToList())) vector[key] = (float)(vector[key] / norm);
    }
}
