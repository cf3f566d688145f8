using System.Text.Json;
using CxBot.Storage;

namespace CxBot.Handoff;

/// <summary>Messages customers left when no consultant could take the conversation.</summary>
public sealed class TicketStore(IDocumentStore documents)
{
    public const string Collection = "tickets";

    public async Task<IReadOnlyList<Ticket>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(Collection, cancellationToken))
            .Select(d => JsonSerializer.Deserialize(d.Value, HandoffJsonContext.Default.Ticket)!)
            .OrderBy(t => t.CreatedAt)];
}
