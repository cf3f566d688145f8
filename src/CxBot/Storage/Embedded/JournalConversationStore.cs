using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using CxBot.Activities;
using CxBot.Conversations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Storage.Embedded;

/// <summary>
/// The embedded store: everything in memory, every change appended to one JSON-lines journal that is
/// replayed at start. Appends are group-committed by a single writer, so many conversations share one
/// flush, and an activity becomes readable only once its line is written, so a restart can never take
/// back an activity a client has already seen.
/// </summary>
public sealed partial class JournalConversationStore : IConversationStore, IDocumentStore, ICompactingStore, IDisposable
{
    private const string JournalFileName = "journal.jsonl";
    private static readonly byte[] CompactMarker = [];

    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> _documents = new(StringComparer.Ordinal);
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private FileStream _journal;
    private readonly bool _fsync;
    private readonly TimeProvider _time;
    private readonly ILogger<JournalConversationStore> _logger;
    private readonly Task _writer;
    private volatile string? _fault;

    private readonly Dictionary<string, DocumentIndex> _indexes;

    public JournalConversationStore(IOptions<StorageOptions> options, IEnumerable<DocumentIndex> indexes, TimeProvider time, ILogger<JournalConversationStore> logger)
    {
        _indexes = indexes.ToDictionary(i => i.Collection, StringComparer.Ordinal);
        _time = time;
        _logger = logger;
        _fsync = options.Value.FsyncEachWrite;
        var directory = Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(directory);
        JournalPath = Path.Combine(directory, JournalFileName);
        try
        {
            // FileShare.None takes an exclusive lock: a second instance on the same folder fails here, loudly.
            _journal = new FileStream(JournalPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }
        catch (IOException e)
        {
            throw new IOException($"Cannot open the journal '{JournalPath}': is another CxBot instance using the same Storage:DataDirectory? ({e.Message})", e);
        }

        Replay();
        _journal.Seek(0, SeekOrigin.End);
        _writer = Task.Run(WriteLoopAsync);
    }

    public string JournalPath { get; }

    public Task<bool> CreateAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var entry = new Entry(conversation);
        if (!_conversations.TryAdd(conversation.Id, entry)) return Task.FromResult(false);
        var line = Record("conv", conversation.Id, w =>
        {
            w.WritePropertyName("v");
            JsonSerializer.Serialize(w, conversation, StateJsonContext.Default.Conversation);
        });
        return AwaitTrue(Enqueue(line, null));

        static async Task<bool> AwaitTrue(Task task)
        {
            await task;
            return true;
        }
    }

    public Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryGetValue(conversationId, out var entry) ? entry.Conversation : null);

    private IEnumerable<(Conversation Conversation, ConversationFacts Facts)> AllFacts() =>
        _conversations.Values.Select(e => (e.Conversation, e.Facts ??= ConversationFacts.Of(e.Conversation,
            e.State is null ? null : JsonSerializer.Deserialize(e.State, StateJsonContext.Default.ConversationState))));

    public Task<IReadOnlyList<Conversation>> ListOpenAsync(DateTimeOffset? quietSince, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Conversation>>([.. AllFacts().Where(c => c.Facts.Status == ConversationFacts.Open && (quietSince is null || c.Facts.LastCustomerMessageAt < quietSince)).Select(c => c.Conversation)]);

    public Task<IReadOnlyList<Conversation>> ListUnendedAsync(DateTimeOffset activeSince, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Conversation>>([.. AllFacts().Where(c => c.Facts.Status != ConversationFacts.Ended && c.Facts.LastActiveAt >= activeSince).Select(c => c.Conversation)]);

    public Task<IReadOnlyList<Conversation>> ListEndedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Conversation>>([.. AllFacts().Where(c => c.Facts.Status == ConversationFacts.Ended && c.Facts.LastActiveAt >= from && c.Facts.LastActiveAt < to).OrderBy(c => c.Facts.LastActiveAt).Select(c => c.Conversation)]);

    public Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. AllFacts().Where(c => c.Facts.LastActiveAt < before).OrderBy(c => c.Facts.LastActiveAt).Take(limit).Select(c => c.Conversation.Id)]);

    public Task<IReadOnlyList<Conversation>> ListByCustomerAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Conversation>>([.. _conversations.Values.Select(e => e.Conversation).Where(c => c.UserId == userId).OrderBy(c => c.CreatedAt)]);

    public async IAsyncEnumerable<(Conversation Conversation, ConversationState? State)> ListStartedAsync(DateTimeOffset from, DateTimeOffset to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var e in _conversations.Values.Where(e => e.Conversation.CreatedAt >= from && e.Conversation.CreatedAt < to).OrderBy(e => e.Conversation.CreatedAt).ToList())
            yield return (e.Conversation, e.State is null ? null : JsonSerializer.Deserialize(e.State, StateJsonContext.Default.ConversationState));
    }

    public Task<byte[]?> GetAsync(string collection, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_documents.TryGetValue(collection, out var documents) && documents.TryGetValue(key, out var value) ? value : null);

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByTimeAsync(string collection, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KeyValuePair<string, byte[]>>>(_documents.TryGetValue(collection, out var documents)
            ? [.. documents.Select(d => (d, DocumentFields.Of(d.Value, _indexes.GetValueOrDefault(collection)).At)).Where(d => d.At >= from && d.At < to).OrderBy(d => d.At).Select(d => d.d)]
            : []);

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByStatusAsync(string collection, string status, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KeyValuePair<string, byte[]>>>(_documents.TryGetValue(collection, out var documents)
            ? [.. documents.Where(d => DocumentFields.Of(d.Value, _indexes.GetValueOrDefault(collection)).Status == status)]
            : []);

    public Task<IReadOnlyList<LinkedDocument>> ListLinkedAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LinkedDocument>>([.. _documents.SelectMany(c => c.Value.Select(d => (Collection: c.Key, d.Key, d.Value, DocumentFields.Of(d.Value, null).ConversationId)))
            .Where(d => d.ConversationId is { } id && conversationIds.Contains(id)).Select(d => new LinkedDocument(d.Collection, d.Key, d.ConversationId!, d.Value))]);

    public async Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var entry = Find(conversationId);
        StoredActivity stored;
        Task durable;
        lock (entry)
        {
            var sequence = entry.Activities.Count + 1L;
            activity.Id = ActivityIds.For(conversationId, sequence);
            activity.Timestamp = _time.GetUtcNow();
            activity.Conversation = (activity.Conversation ?? new ConversationAccount()) with { Id = conversationId };
            stored = new StoredActivity(sequence, activity.Id, ActivitySerializer.ToUtf8(activity));
            entry.Activities.Add(stored);
            var json = stored.Json;
            var line = Record("act", conversationId, w =>
            {
                w.WriteNumber("s", sequence);
                w.WritePropertyName("v");
                w.WriteRawValue(json, skipInputValidation: true);
            });
            durable = Enqueue(line, () => entry.MarkDurable(sequence));
        }

        await durable;
        return stored;
    }

    public Task<ActivityPage> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken)
    {
        var entry = Find(conversationId);
        lock (entry)
        {
            var end = entry.DurableSequence;
            var from = Math.Clamp(afterWatermark, 0, end);
            var count = (int)Math.Min(max, end - from);
            var page = count == 0 ? [] : entry.Activities.GetRange((int)from, count);
            return Task.FromResult(new ActivityPage(page, from + count));
        }
    }

    public Task ReplaceActivityAsync(string conversationId, long sequence, byte[] json, CancellationToken cancellationToken)
    {
        var entry = Find(conversationId);
        lock (entry)
        {
            if (sequence < 1 || sequence > entry.DurableSequence) throw new ArgumentOutOfRangeException(nameof(sequence));
            entry.Activities[(int)sequence - 1] = new StoredActivity(sequence, ActivityIds.For(conversationId, sequence), json);
            var line = Record("rep", conversationId, w =>
            {
                w.WriteNumber("s", sequence);
                w.WritePropertyName("v");
                w.WriteRawValue(json, skipInputValidation: true);
            });
            return Enqueue(line, null);
        }
    }

    public Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken)
    {
        var entry = Find(conversationId);
        var json = entry.State;
        return Task.FromResult(json is null ? null : JsonSerializer.Deserialize(json, StateJsonContext.Default.ConversationState));
    }

    public Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        var entry = Find(conversationId);
        var json = JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Default.ConversationState);
        lock (entry)
        {
            entry.State = json;
            entry.Facts = ConversationFacts.Of(entry.Conversation, state);
            var line = Record("state", conversationId, w =>
            {
                w.WritePropertyName("v");
                w.WriteRawValue(json, skipInputValidation: true);
            });
            return Enqueue(line, null);
        }
    }

    public Task<string?> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(_fault);

    public async Task<int> DeleteConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var linked in await ListLinkedAsync(conversationIds, cancellationToken)) await DeleteAsync(linked.Collection, linked.Key, cancellationToken);
        foreach (var id in conversationIds)
        {
            if (!_conversations.TryRemove(id, out _)) continue;
            deleted++;
            _ = Enqueue(Record("del", id, w => w.WriteNull("v")), null);
        }

        // The deleted lines are still in the journal: rewrite it without them, so erased means erased.
        if (deleted > 0) await CompactAsync();
        return deleted;
    }

    /// <summary>Rewrites the journal as a snapshot of what is stored now, dropping deleted and superseded records.</summary>
    public Task CompactAsync() => Enqueue(CompactMarker, null);

    public Task PutAsync(string collection, string key, byte[] json, CancellationToken cancellationToken)
    {
        var documents = _documents.GetOrAdd(collection, _ => new(StringComparer.Ordinal));
        lock (documents)
        {
            documents[key] = json;
            return Enqueue(Record("doc", collection, w =>
            {
                w.WriteString("k", key);
                w.WritePropertyName("v");
                w.WriteRawValue(json, skipInputValidation: true);
            }), null);
        }
    }

    public Task DeleteAsync(string collection, string key, CancellationToken cancellationToken)
    {
        var documents = _documents.GetOrAdd(collection, _ => new(StringComparer.Ordinal));
        lock (documents)
        {
            if (!documents.TryRemove(key, out _)) return Task.CompletedTask;
            return Enqueue(Record("doc", collection, w =>
            {
                w.WriteString("k", key);
                w.WriteNull("v");
            }), null);
        }
    }

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListAsync(string collection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KeyValuePair<string, byte[]>>>(
            _documents.TryGetValue(collection, out var documents) ? [.. documents] : []);

    public void Dispose()
    {
        _writes.Writer.TryComplete();
        try { _writer.Wait(TimeSpan.FromSeconds(10)); }
        catch (AggregateException) { /* already reported as the store's fault */ }
        _journal.Dispose();
    }

    private Entry Find(string conversationId) =>
        _conversations.TryGetValue(conversationId, out var entry) ? entry : throw new ConversationNotFoundException(conversationId);

    private Task Enqueue(byte[] line, Action? onDurable)
    {
        if (_fault is { } fault) return Task.FromException(new IOException(fault));
        var pending = new PendingWrite(line, onDurable);
        if (!_writes.Writer.TryWrite(pending)) return Task.FromException(new ObjectDisposedException(nameof(JournalConversationStore)));
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>();
        while (await _writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < 4096 && _writes.Reader.TryRead(out var write)) batch.Add(write);
            try
            {
                var written = 0;
                for (var i = 0; i < batch.Count; i++)
                {
                    if (!ReferenceEquals(batch[i].Line, CompactMarker)) continue;
                    // Everything queued before the marker is made durable first, so the snapshot can include it.
                    WriteAndAcknowledge(batch, written, i);
                    Compact();
                    batch[i].Done.TrySetResult();
                    written = i + 1;
                }

                WriteAndAcknowledge(batch, written, batch.Count);
            }
            catch (Exception e)
            {
                // A journal that failed a write no longer matches memory; refuse further writes rather than
                // acknowledge something a restart would lose. /healthz reports it.
                _fault = $"The journal '{JournalPath}' failed a write: {e.Message}";
                LogJournalFailed(e, JournalPath);
                foreach (var write in batch) write.Done.TrySetException(new IOException(_fault, e));
            }

            batch.Clear();
        }
    }

    private void WriteAndAcknowledge(List<PendingWrite> batch, int from, int to)
    {
        if (from >= to) return;
        for (var i = from; i < to; i++)
        {
            _journal.Write(batch[i].Line);
            _journal.WriteByte((byte)'\n');
        }

        _journal.Flush(flushToDisk: _fsync);
        for (var i = from; i < to; i++)
        {
            batch[i].OnDurable?.Invoke();
            batch[i].Done.TrySetResult();
        }
    }

    /// <summary>
    /// Runs on the writer: writes every live conversation (activities up to their durable sequence, so lines
    /// still queued append after them in order), its state and every document to a new file, makes it
    /// durable, and renames it over the journal.
    /// </summary>
    private void Compact()
    {
        var path = JournalPath + ".compact";
        var next = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            void Line(byte[] line)
            {
                next.Write(line);
                next.WriteByte((byte)'\n');
            }

            foreach (var (id, entry) in _conversations)
            {
                List<StoredActivity> activities;
                byte[]? state;
                lock (entry)
                {
                    activities = entry.Activities.GetRange(0, (int)entry.DurableSequence);
                    state = entry.State;
                }

                Line(Record("conv", id, w =>
                {
                    w.WritePropertyName("v");
                    JsonSerializer.Serialize(w, entry.Conversation, StateJsonContext.Default.Conversation);
                }));
                foreach (var activity in activities)
                    Line(Record("act", id, w =>
                    {
                        w.WriteNumber("s", activity.Sequence);
                        w.WritePropertyName("v");
                        w.WriteRawValue(activity.Json, skipInputValidation: true);
                    }));
                if (state is not null)
                    Line(Record("state", id, w =>
                    {
                        w.WritePropertyName("v");
                        w.WriteRawValue(state, skipInputValidation: true);
                    }));
            }

            foreach (var (collection, documents) in _documents)
            {
                KeyValuePair<string, byte[]>[] items;
                lock (documents) items = [.. documents];
                foreach (var (key, json) in items)
                    Line(Record("doc", collection, w =>
                    {
                        w.WriteString("k", key);
                        w.WritePropertyName("v");
                        w.WriteRawValue(json, skipInputValidation: true);
                    }));
            }

            next.Flush(flushToDisk: true);
            File.Move(path, JournalPath, overwrite: true);
        }
        catch
        {
            next.Dispose();
            File.Delete(path);
            throw;
        }

        var previous = _journal;
        _journal = next;
        previous.Dispose();
    }

    private static byte[] Record(string op, string conversationId, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("op", op);
            writer.WriteString("c", conversationId);
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Journal {JournalPath} failed a write; the store is now read-only")]
    private partial void LogJournalFailed(Exception exception, string journalPath);

    private sealed record PendingWrite(byte[] Line, Action? OnDurable)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Entry(Conversation conversation)
    {
        public Conversation Conversation { get; } = conversation;
        public List<StoredActivity> Activities { get; } = [];
        public long DurableSequence { get; private set; }
        public byte[]? State { get; set; }
        public ConversationFacts? Facts { get; set; }

        public void MarkDurable(long sequence)
        {
            lock (this) DurableSequence = Math.Max(DurableSequence, sequence);
        }
    }
}
