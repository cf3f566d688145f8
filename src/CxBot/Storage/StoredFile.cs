namespace CxBot.Storage;

/// <summary>A file a customer sent, as stored: always one of the accepted kinds, re-encoded when it is an image.</summary>
/// <param name="Id">Unguessable; unique within the conversation.</param>
/// <param name="Name">A safe file name whose extension matches <paramref name="ContentType"/>.</param>
/// <param name="ContentType"><c>image/jpeg</c>, <c>image/png</c> or <c>application/pdf</c>.</param>
/// <param name="Size">Bytes of the stored content.</param>
/// <param name="HasThumbnail">An image: a small JPEG thumbnail is stored beside it.</param>
public sealed record StoredFile(
    string Id, string ConversationId, string Name, string ContentType, long Size, DateTimeOffset CreatedAt, bool HasThumbnail,
    int? Width = null, int? Height = null);
