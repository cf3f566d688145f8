namespace CxBot.Understanding.Embeddings;

/// <summary>A small thread-safe memory of the last texts embedded, oldest forgotten first.</summary>
internal sealed class RecentEmbeddings(int capacity)
{
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public bool TryGet(string text, out float[] vector)
    {
        lock (_lock) return _vectors.TryGetValue(text, out vector!);
    }

    public void Add(string text, float[] vector)
    {
        lock (_lock)
        {
            if (!_vectors.TryAdd(text, vector)) return;
            _order.Enqueue(text);
            if (_order.Count > capacity) _vectors.Remove(_order.Dequeue());
        }
    }
}
