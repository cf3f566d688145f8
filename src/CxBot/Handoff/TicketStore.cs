using System.Text.Json;
using CxBot.Storage;

namespace CxBot.Handoff;

/// <summary>Messages customers left when no consultant could take the conversation; indexed by status, so the desk reads only open ones.</summary>
public sealed class TicketStore(IDocumentStore documents)
{
    public const string Collection = "tickets";

    public Task SaveAsync(Ticket ticket, CancellationToken cancellationToken) =>
        documents.PutAsync(Collection, ticket.Id, JsonSerializer.SerializeToUtf8Bytes(ticket, HandoffJsonContext.Default.Ticket), cancellationToken);

    public async Task<Ticket?> GetAsync(string id, CancellationToken cancellationToken) =>
        await documents.GetAsync(Collection, id, cancellationToken) is { } json ? JsonSerializer.Deserialize(json, HandoffJsonContext.Default.Ticket) : null;

    /// <summary>The open tickets, urgent ones (protected situations) first, each group oldest first.</summary>
    public async Task<IReadOnlyList<Ticket>> ListOpenAsync(CancellationToken cancellationToken) =>
        [.. (await documents.ListByStatusAsync(Collection, "open", cancellationToken))
            .Select(d => JsonSerializer.Deserialize(d.Value, HandoffJsonContext.Default.Ticket)!)
            .OrderByDescending(t => t.Urgent).ThenBy(t => t.CreatedAt)];
}
