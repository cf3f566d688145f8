namespace CxBot.Attachments;

/// <summary>The server's note on an attachment (its <c>content</c>): which stored file it is.</summary>
public sealed record AttachmentReference(string FileId, string ContentType, long Size);
