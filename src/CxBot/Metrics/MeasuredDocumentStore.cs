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
        await StoreCalls.Measure(metrics, "put", () => inner.PutAsync(collection, key, json, cancellationToken));
        if (collection == TicketStore.Collection) metrics.TicketCreated(ReasonOf(json));
    }

    public Task DeleteAsync(string collection, string key, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "delete", () => inner.DeleteAsync(collection, key, cancellationToken));

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListAsync(string collection, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "list_documents", () => inner.ListAsync(collection, cancellationToken));

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
