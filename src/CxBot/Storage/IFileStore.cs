namespace CxBot.Storage;

/// <summary>
/// Files customers sent (photos, documents), kept beside their conversation in the same store: the embedded database
/// holds them as blobs, Redis under the conversation's keys. They go with the conversation — the GDPR export reads them,
/// and erasure and retention (<see cref="Conversations.IConversationStore.DeleteConversationsAsync"/>) remove them in the
/// same step as the transcript.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores a file and, for an image, its thumbnail (JPEG).</summary>
    /// <exception cref="Conversations.ConversationNotFoundException">No such conversation.</exception>
    Task PutFileAsync(StoredFile file, byte[] content, byte[]? thumbnail, CancellationToken cancellationToken);

    /// <summary>The file's description, or null when the conversation has no such file.</summary>
    Task<StoredFile?> GetFileAsync(string conversationId, string fileId, CancellationToken cancellationToken);

    /// <summary>The file's bytes (or its thumbnail's), or null when there are none.</summary>
    Task<byte[]?> ReadFileAsync(string conversationId, string fileId, bool thumbnail, CancellationToken cancellationToken);

    /// <summary>The conversation's files, oldest first.</summary>
    Task<IReadOnlyList<StoredFile>> ListFilesAsync(string conversationId, CancellationToken cancellationToken);
}
