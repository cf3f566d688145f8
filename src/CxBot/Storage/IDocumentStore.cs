namespace CxBot.Storage;

/// <summary>
/// Documents by collection and key — queue entries, tickets, survey answers, data-protection keys, anything a
/// feature adds — kept as durably as conversations: a put is stored before the call returns. Values are bytes
/// of any kind (JSON, XML) and are kept as they are. A JSON document with a top-level <c>conversationId</c> belongs
/// to that conversation: it is found with it (<see cref="ListLinkedAsync"/>) and erased with it. A collection
/// registered with a <see cref="DocumentIndex"/> can also be asked by time and by status.
/// </summary>
public interface IDocumentStore
{
    Task PutAsync(string collection, string key, byte[] value, CancellationToken cancellationToken);

    Task<byte[]?> GetAsync(string collection, string key, CancellationToken cancellationToken);

    Task DeleteAsync(string collection, string key, CancellationToken cancellationToken);

    /// <summary>Every document of a collection that stays small by nature (the queue, agent presence, the key ring); history is asked by time or status.</summary>
    Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListAsync(string collection, CancellationToken cancellationToken);

    /// <summary>Documents of an indexed collection whose time falls in [<paramref name="from"/>, <paramref name="to"/>), in time order.</summary>
    Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByTimeAsync(string collection, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Documents of an indexed collection with this status (open tickets).</summary>
    Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByStatusAsync(string collection, string status, CancellationToken cancellationToken);

    /// <summary>Every document, of any collection, linked to one of these conversations.</summary>
    Task<IReadOnlyList<LinkedDocument>> ListLinkedAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken);
}

/// <summary>A document that belongs to a conversation.</summary>
public sealed record LinkedDocument(string Collection, string Key, string ConversationId, byte[] Value);
