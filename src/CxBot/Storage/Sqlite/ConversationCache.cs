using System.Collections.Concurrent;
using CxBot.Conversations;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// What live conversations need, in memory: their record, last sequence, state and the tail of their log, so a
/// turn and a stream's next read do not go to the database. Only the writer adds, changes and evicts entries, after
/// its commits, so an entry is never older than what was acknowledged; readers only look. Bounded: past
/// <see cref="Capacity"/> conversations, the least recently used tenth is dropped (they are read from the database).
/// </summary>
internal sealed class ConversationCache(int capacity, int tailLength)
{
    private readonly ConcurrentDictionary<string, CachedConversation> _entries = new(StringComparer.Ordinal);
    private long _clock;

    public int Capacity { get; } = capacity;
    public int TailLength { get; } = tailLength;
    public int Count => _entries.Count;

    public CachedConversation? Get(string conversationId)
    {
        if (!_entries.TryGetValue(conversationId, out var entry)) return null;
        entry.Touched = Interlocked.Increment(ref _clock);
        return entry;
    }

    /// <summary>Writer only.</summary>
    public void Add(CachedConversation entry)
    {
        entry.Touched = Interlocked.Increment(ref _clock);
        _entries[entry.Conversation.Id] = entry;
        if (_entries.Count > Capacity) Trim();
    }

    /// <summary>Writer only.</summary>
    public void Remove(string conversationId) => _entries.TryRemove(conversationId, out _);

    private void Trim()
    {
        var oldest = _entries.Values.OrderBy(e => e.Touched).Take(Math.Max(1, Capacity / 10)).ToList();
        foreach (var entry in oldest) _entries.TryRemove(new KeyValuePair<string, CachedConversation>(entry.Conversation.Id, entry));
    }
}

/// <summary>One cached conversation; its fields change under its own lock.</summary>
internal sealed class CachedConversation(Conversation conversation, long lastSequence, bool stateKnown, byte[]? state, int tailLength)
{
    private readonly Queue<StoredActivity> _tail = new();

    public Conversation Conversation { get; } = conversation;
    public long Touched { get; set; }
    public long LastSequence { get; private set; } = lastSequence;
    public bool StateKnown { get; private set; } = stateKnown;
    public byte[]? State { get; private set; } = state;

    public void Appended(StoredActivity activity)
    {
        lock (this)
        {
            if (activity.Sequence != LastSequence + 1) _tail.Clear();
            _tail.Enqueue(activity);
            while (_tail.Count > tailLength) _tail.Dequeue();
            LastSequence = activity.Sequence;
        }
    }

    public void Replaced(StoredActivity activity)
    {
        lock (this)
        {
            if (!_tail.Any(a => a.Sequence == activity.Sequence)) return;
            var items = _tail.Select(a => a.Sequence == activity.Sequence ? activity : a).ToList();
            _tail.Clear();
            foreach (var item in items) _tail.Enqueue(item);
        }
    }

    /// <summary>The facts last written for it, so a state save that changes none of them does not rewrite them.</summary>
    public ConversationFacts? Facts { get; set; }

    public void Saved(byte[] state, ConversationFacts facts)
    {
        lock (this)
        {
            State = state;
            StateKnown = true;
            Facts = facts;
        }
    }

    /// <summary>The page after <paramref name="after"/>, or null when the tail does not reach back that far.</summary>
    public ActivityPage? TryRead(long after, int max)
    {
        lock (this)
        {
            var from = Math.Clamp(after, 0, LastSequence);
            var count = (int)Math.Min(max, LastSequence - from);
            if (count <= 0) return new ActivityPage([], from);
            var first = LastSequence - _tail.Count + 1;
            if (from + 1 < first) return null;
            return new ActivityPage([.. _tail.Skip((int)(from + 1 - first)).Take(count)], from + count);
        }
    }
}
