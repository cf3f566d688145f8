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

        // Feature extraction is the costly, independent part: it runs on all cores; ids are then given in example order.
        var extracted = examples.AsParallel().AsOrdered().Select(example =>
        {
            var features = new Dictionary<string, float>(StringComparer.Ordinal);
            TextFeatures.Extract(example.Text, example.Language, features);
            return features;
        }).ToList();
        var raw = new List<Dictionary<int, float>>(examples.Count);
        var labelsOfFeature = new List<HashSet<int>>();
        for (var i = 0; i < examples.Count; i++)
        {
            var (example, features) = (examples[i], extracted[i]);
            var vector = new Dictionary<int, float>(features.Count);
            foreach (var (key, weight) in features)
            {
                if (!_vocabulary.TryGetValue(key, out var id))
                {
                    id = _vocabulary.Count;
                    _vocabulary[key] = id;
                    labelsOfFeature.Add([]);
                }

                labelsOfFeature[id].Add(labelIndex[example.Label]);
                vector[id] = weight;
            }

            raw.Add(vector);
        }

        // Rarity is counted over labels, not examples: a word in every sample question of one article
        // ("zwrot" in returns) is that article's strongest signal, not a common word.
        var n = Math.Max(1, _labels.Length);
        _idf = [.. labelsOfFeature.Select(labels => (float)Math.Log((n + 1.0) / (labels.Count + 1.0)) + 1f)];
        _unknownIdf = (float)Math.Log(n + 1.0) + 1f;

        var postings = Enumerable.Range(0, _vocabulary.Count).Select(_ => new List<(int, float)>()).ToArray();
        var centroids = Enumerable.Range(0, _labels.Length).Select(_ => new Dictionary<int, float>()).ToArray();
        for (var e = 0; e < raw.Count; e++)
        {
            var weighted = raw[e].ToDictionary(p => p.Key, p => p.Value * _idf[p.Key]);
            Normalise(weighted);
            foreach (var (feature, weight) in weighted)
            {
                postings[feature].Add((e, weight));
                var centroid = centroids[_exampleLabel[e]];
                centroid[feature] = centroid.GetValueOrDefault(feature) + weight;
            }
        }

        _postings = [.. postings.Select(p => p.ToArray())];
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
        var features = new Dictionary<string, float>(StringComparer.Ordinal);
        TextFeatures.Extract(text, language, features);
        if (features.Count == 0) return [];

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
        var labelBest = ArrayPool<float>.Shared.Rent(_labels.Length);
        var labelCentroid = ArrayPool<float>.Shared.Rent(_labels.Length);
        try
        {
            Array.Clear(exampleScores, 0, _exampleLabel.Length);
            Array.Clear(labelBest, 0, _labels.Length);
            Array.Clear(labelCentroid, 0, _labels.Length);
            foreach (var (feature, weight) in query)
            {
                var q = weight * scale;
                foreach (var (example, w) in _postings[feature]) exampleScores[example] += q * w;
                foreach (var (label, w) in _centroidPostings[feature]) labelCentroid[label] += q * w;
            }

            for (var e = 0; e < _exampleLabel.Length; e++)
            {
                ref var best = ref labelBest[_exampleLabel[e]];
                if (exampleScores[e] > best) best = exampleScores[e];
            }

            var results = new List<LabelScore>(_labels.Length);
            for (var label = 0; label < _labels.Length; label++)
            {
                var score = _bestWeight * labelBest[label] + (1 - _bestWeight) * labelCentroid[label];
                if (score > 0) results.Add(new LabelScore(_labels[label], score));
            }

            results.Sort((a, b) => b.Score.CompareTo(a.Score));
            if (results.Count > top) results.RemoveRange(top, results.Count - top);
            return results;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(exampleScores);
            ArrayPool<float>.Shared.Return(labelBest);
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
