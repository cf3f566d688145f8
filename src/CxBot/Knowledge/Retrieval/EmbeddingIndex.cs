using System.Numerics.Tensors;
using CxBot.Understanding.Embeddings;

namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// Sentence embeddings of the labelled examples, for meaning rather than words: "how do I send something back" is close
/// to "I want to return a jacket" though they share no word. A label scores its closest example, and the centroid of
/// all its examples (the topic as a whole). Immutable once built.
/// </summary>
public sealed class EmbeddingIndex
{
    private const int D = SentenceEmbedder.Dimensions;
    private readonly float[] _vectors;
    private readonly int[] _exampleLabel;
    private readonly float[] _centroids;
    private readonly int _labelCount;

    /// <param name="exampleLabels">Each example's label index.</param>
    /// <param name="vectors">Each example's unit embedding, in the same order.</param>
    public EmbeddingIndex(IReadOnlyList<int> exampleLabels, IReadOnlyList<float[]> vectors, int labelCount)
    {
        _labelCount = labelCount;
        _exampleLabel = [.. exampleLabels];
        _vectors = new float[vectors.Count * D];
        _centroids = new float[labelCount * D];
        for (var e = 0; e < vectors.Count; e++)
        {
            vectors[e].CopyTo(_vectors, e * D);
            var centroid = _centroids.AsSpan(_exampleLabel[e] * D, D);
            TensorPrimitives.Add(centroid, vectors[e], centroid);
        }

        for (var label = 0; label < labelCount; label++)
        {
            var centroid = _centroids.AsSpan(label * D, D);
            var norm = TensorPrimitives.Norm(centroid);
            if (norm > 0) TensorPrimitives.Divide(centroid, norm, centroid);
        }
    }

    /// <summary>For each label, the cosine of its closest example and of its centroid to <paramref name="query"/>.</summary>
    public void Score(ReadOnlySpan<float> query, Span<float> best, Span<float> centroid)
    {
        best[.._labelCount].Fill(-1);
        for (var e = 0; e < _exampleLabel.Length; e++)
        {
            var similarity = TensorPrimitives.Dot(query, _vectors.AsSpan(e * D, D));
            ref var b = ref best[_exampleLabel[e]];
            if (similarity > b) b = similarity;
        }

        for (var label = 0; label < _labelCount; label++) centroid[label] = TensorPrimitives.Dot(query, _centroids.AsSpan(label * D, D));
    }
}
