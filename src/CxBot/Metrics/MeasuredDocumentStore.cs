using System.Diagnostics;
using System.Text.Json;
using CxBot.Handoff;
using CxBot.Storage;

namespace CxBot.Metrics;

/// <summary>
/// The document store with every call timed and its failures counted, and tickets counted as they are
/// written (only the handoff and the survey create them, each once).
/// </summary>
public sealed class MeasuredDocumentStore(IDocumentStore inner, CxBotMetrics metrics) : IDocumentStore
{
    public async Task PutAsync(string collection, string key, byte[] json, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Task put;
        try { put = inner.PutAsync(collection, key, json, cancellationToken); }
        catch (Exception e) { StoreCalls.Failed(metrics, "put", started, e); throw; }
        await StoreCalls.Track(metrics, "put", started, put);
        if (collection == TicketStore.Collection) metrics.TicketCreated(ReasonOf(json));
    }

    public Task DeleteAsync(string collection, string key, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, "delete", started, inner.DeleteAsync(collection, key, cancellationToken)); }
        catch (Exception e) { StoreCalls.Failed(metrics, "delete", started, e); throw; }
    }

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListAsync(string collection, CancellationToken cancellationToken) =>
        Measure("list_documents", () => inner.ListAsync(collection, cancellationToken));

    public Task<byte[]?> GetAsync(string collection, string key, CancellationToken cancellationToken) =>
        Measure("get_document", () => inner.GetAsync(collection, key, cancellationToken));

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByTimeAsync(string collection, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Measure("list_documents_by_time", () => inner.ListByTimeAsync(collection, from, to, cancellationToken));

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByStatusAsync(string collection, string status, CancellationToken cancellationToken) =>
        Measure("list_documents_by_status", () => inner.ListByStatusAsync(collection, status, cancellationToken));

    public Task<IReadOnlyList<LinkedDocument>> ListLinkedAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken) =>
        Measure("list_linked_documents", () => inner.ListLinkedAsync(conversationIds, cancellationToken));

    private Task<T> Measure<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, operation, started, call()); }
        catch (Exception e) { StoreCalls.Failed(metrics, operation, started, e); throw; }
    }

    private static string ReasonOf(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, HandoffJsonContext.Default.Ticket)?.Reason ?? "unknown";
        }
        catch (JsonException)
        {
            return "unknown";
        }
    }
}
