namespace CxBot.Storage;

/// <summary>
/// Small JSON documents by collection and key — queue entries, tickets, survey answers — kept as durably
/// as conversations: a put has reached the journal (or Redis) before the call returns.
/// </summary>
public interface IDocumentStore
{
    Task PutAsync(string collection, string key, byte[] json, CancellationToken cancellationToken);

    Task DeleteAsync(string collection, string key, CancellationToken cancellationToken);

    Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListAsync(string collection, CancellationToken cancellationToken);
}
