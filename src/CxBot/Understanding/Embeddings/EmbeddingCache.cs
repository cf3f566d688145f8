using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CxBot.Understanding.Embeddings;

/// <summary>
/// Embeddings of texts the process has seen (articles' questions, taught questions, prototypes), keyed by the model and
/// the text itself, so a reload or a second knowledge base re-embeds only what is new. With a file, the cache also
/// survives restarts: a start reads it instead of running the model over every article again.
/// </summary>
public sealed class EmbeddingCache
{
    private static readonly ConcurrentDictionary<UInt128, float[]> Memory = new();
    private static readonly ConcurrentDictionary<string, bool> FilesRead = new(StringComparer.Ordinal);
    private static readonly byte[] Magic = "CXEMB1\n"u8.ToArray();

    private readonly string? _path;
    private readonly SentenceEmbedder _embedder;

    /// <param name="path">File to keep the embeddings in across restarts; null keeps them in memory only.</param>
    public EmbeddingCache(string? path, SentenceEmbedder? embedder = null)
    {
        _path = string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
        _embedder = embedder ?? SentenceEmbedder.Shared;
    }

    public SentenceEmbedder Embedder => _embedder;

    /// <summary>The embeddings of <paramref name="texts"/>, in order; only texts never seen before run through the model.</summary>
    public float[][] Get(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (_path is not null && FilesRead.TryAdd(_path, true)) Read(_path);
        var keys = texts.Select(Key).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !Memory.ContainsKey(keys[i])).DistinctBy(i => keys[i]).ToList();
        if (missing.Count > 0)
        {
            var vectors = _embedder.EmbedMany([.. missing.Select(i => texts[i])], cancellationToken);
            for (var k = 0; k < missing.Count; k++) Memory[keys[missing[k]]] = vectors[k];
        }

        var result = keys.Select(k => Memory[k]).ToArray();
        if (_path is not null && missing.Count > 0) Write(_path, keys);
        return result;
    }

    private static UInt128 Key(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(SentenceEmbedder.ModelId + "\0" + text), hash);
        return BitConverter.ToUInt128(hash);
    }

    private static void Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            using var reader = new BinaryReader(stream);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadString() != SentenceEmbedder.ModelId) return;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
                var vector = new float[SentenceEmbedder.Dimensions];
                reader.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
                Memory.TryAdd(key, vector);
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException)
        {
            // A missing or damaged cache only costs time: what is not there is embedded again.
        }
    }

    /// <summary>Writes the embeddings the current texts use (not every text ever seen), through a temporary file so a reader never sees half of it.</summary>
    private static void Write(string path, IReadOnlyCollection<UInt128> keys)
    {
        var unique = keys.Distinct().ToList();
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream))
            {
                writer.Write(Magic);
                writer.Write(SentenceEmbedder.ModelId);
                writer.Write(unique.Count);
                foreach (var key in unique)
                {
                    writer.Write((ulong)(key >> 64));
                    writer.Write((ulong)key);
                    writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Memory[key].AsSpan()));
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not being able to keep the cache (a read-only folder, a full disk) costs only time at the next start.
            try { File.Delete(temporary); }
            catch (IOException) { }
        }
    }
}
