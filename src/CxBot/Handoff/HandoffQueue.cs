using System.Text.Json;
using CxBot.Storage;

namespace CxBot.Handoff;

/// <summary>
/// Conversations waiting for an agent, in service order: returned ones first, then urgent (strongly
/// negative), then by waiting time. The queue lives in the document store and is read from it each time,
/// so every change is durable before it is acknowledged, a restart loses no one's place, and instances
/// sharing a Redis store see one queue.
/// </summary>
public sealed class HandoffQueue(IDocumentStore documents)
{
    public const string Collection = "handoff-queue";

    /// <summary>Raised after every change made through this instance, for the agent desk's live queue and customers' positions.</summary>
    public event Action? Changed;

    public async Task<IReadOnlyList<QueueEntry>> SnapshotAsync(CancellationToken cancellationToken)
    {
        var entries = (await documents.ListAsync(Collection, cancellationToken))
            .Select(d => JsonSerializer.Deserialize(d.Value, HandoffJsonContext.Default.QueueEntry)!)
            .ToList();
        entries.Sort(ServiceOrder);
        return entries;
    }

    public async Task EnqueueAsync(QueueEntry entry, CancellationToken cancellationToken)
    {
        await documents.PutAsync(Collection, entry.ConversationId, JsonSerializer.SerializeToUtf8Bytes(entry, HandoffJsonContext.Default.QueueEntry), cancellationToken);
        Changed?.Invoke();
    }

    public async Task<QueueEntry?> RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var removed = (await SnapshotAsync(cancellationToken)).FirstOrDefault(e => e.ConversationId == conversationId);
        if (removed is null) return null;
        await documents.DeleteAsync(Collection, conversationId, cancellationToken);
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
}
