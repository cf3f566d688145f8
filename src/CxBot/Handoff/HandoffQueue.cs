using System.Text.Json;
using CxBot.Storage;

namespace CxBot.Handoff;

/// <summary>
/// Conversations waiting for an agent, in service order: returned ones first, then urgent (strongly
/// negative), then by waiting time. Every change is stored before it is acknowledged, and the queue is
/// read back at start, so a restart loses no one's place.
/// </summary>
public sealed class HandoffQueue(IDocumentStore documents)
{
    private const string Collection = "handoff-queue";
    private readonly SemaphoreSlim _load = new(1, 1);
    private readonly object _gate = new();
    private List<QueueEntry>? _entries;

    /// <summary>Raised after every change, for the agent desk's live queue and customers' positions.</summary>
    public event Action? Changed;

    public async Task<IReadOnlyList<QueueEntry>> SnapshotAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        lock (_gate) return [.. _entries!];
    }

    public async Task EnqueueAsync(QueueEntry entry, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        await documents.PutAsync(Collection, entry.ConversationId, JsonSerializer.SerializeToUtf8Bytes(entry, HandoffJsonContext.Default.QueueEntry), cancellationToken);
        lock (_gate)
        {
            _entries!.RemoveAll(e => e.ConversationId == entry.ConversationId);
            _entries.Add(entry);
            _entries.Sort(ServiceOrder);
        }

        Changed?.Invoke();
    }

    public async Task<QueueEntry?> RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        QueueEntry? removed;
        lock (_gate) removed = _entries!.FirstOrDefault(e => e.ConversationId == conversationId);
        if (removed is null) return null;
        await documents.DeleteAsync(Collection, conversationId, cancellationToken);
        lock (_gate) _entries!.Remove(removed);
        Changed?.Invoke();
        return removed;
    }

    /// <summary>1-based place in the queue, or 0 when not waiting.</summary>
    public async Task<int> PositionOfAsync(string conversationId, CancellationToken cancellationToken)
    {
        var entries = await SnapshotAsync(cancellationToken);
        for (var i = 0; i < entries.Count; i++)
            if (entries[i].ConversationId == conversationId) return i + 1;
        return 0;
    }

    private static int ServiceOrder(QueueEntry a, QueueEntry b) =>
        a.Returned != b.Returned ? (a.Returned ? -1 : 1)
        : a.Urgent != b.Urgent ? (a.Urgent ? -1 : 1)
        : a.EnqueuedAt.CompareTo(b.EnqueuedAt);

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _entries) is not null) return;
        await _load.WaitAsync(cancellationToken);
        try
        {
            if (_entries is not null) return;
            var stored = await documents.ListAsync(Collection, cancellationToken);
            var entries = stored.Select(d => JsonSerializer.Deserialize(d.Value, HandoffJsonContext.Default.QueueEntry)!).ToList();
            entries.Sort(ServiceOrder);
            Volatile.Write(ref _entries, entries);
        }
        finally
        {
            _load.Release();
        }
    }
}
