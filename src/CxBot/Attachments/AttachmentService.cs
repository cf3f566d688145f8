using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using CxBot.Activities;
using CxBot.Storage;
using Microsoft.Extensions.Options;

namespace CxBot.Attachments;

/// <summary>
/// Takes the files a customer attached to a message: checks the limits (per message, per conversation, per minute, size),
/// what each file really is (its bytes), re-encodes images (<see cref="ImageSanitizer"/>), keeps PDFs as they are, and stores
/// them beside the conversation (<see cref="IFileStore"/>). A message's files are taken all together or not at all.
/// </summary>
public sealed class AttachmentService(IFileStore files, ImageSanitizer images, IOptions<AttachmentOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);

    public AttachmentOptions Options => options.Value;

    /// <summary>Stores the files and returns them with the attachments the message carries; or the first reason to refuse them.</summary>
    public async Task<(IReadOnlyList<Attachment> Attachments, AttachmentRefusal? Refusal)> AcceptAsync(
        string conversationId, IReadOnlyList<IncomingFile> incoming, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (incoming.Count > o.MaxFilesPerMessage) return ([], new(AttachmentRefusal.Count, "", o.MaxFilesPerMessage));
        foreach (var file in incoming)
            if (file.TooLarge || file.Content.Length > o.MaxFileBytes) return ([], new(AttachmentRefusal.Size, FileKinds.ShownName(file.Name), o.MaxFileMegabytes));
        if (!TakeRate(conversationId)) return ([], new(AttachmentRefusal.Rate, "", o.UploadsPerMinutePerConversation));
        var held = (await files.ListFilesAsync(conversationId, cancellationToken)).Count;
        if (held + incoming.Count > o.MaxFilesPerConversation) return ([], new(AttachmentRefusal.Count, "", o.MaxFilesPerConversation));

        var prepared = new List<(StoredFile File, byte[] Content, byte[]? Thumbnail)>();
        foreach (var file in incoming)
        {
            var sniffed = FileKinds.Sniff(file.Content);
            if (sniffed is null) return ([], new(AttachmentRefusal.Type, FileKinds.ShownName(file.Name), 0));
            var id = "f" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
            var now = time.GetUtcNow();
            if (FileKinds.IsImage(sniffed))
            {
                if (images.Sanitize(file.Content, sniffed) is not { } clean) return ([], new(AttachmentRefusal.Unreadable, FileKinds.ShownName(file.Name), 0));
                prepared.Add((new StoredFile(id, conversationId, FileKinds.SafeName(file.Name, clean.ContentType), clean.ContentType, clean.Content.Length, now,
                    HasThumbnail: true, clean.Width, clean.Height), clean.Content, clean.Thumbnail));
            }
            else
            {
                prepared.Add((new StoredFile(id, conversationId, FileKinds.SafeName(file.Name, sniffed), sniffed, file.Content.Length, now, HasThumbnail: false),
                    file.Content, null));
            }
        }

        foreach (var (file, content, thumbnail) in prepared) await files.PutFileAsync(file, content, thumbnail, cancellationToken);
        return ([.. prepared.Select(p => ToAttachment(p.File, p.Thumbnail))], null);
    }

    /// <summary>
    /// What the message carries for each file. The customer's Web Chat shows an image from the thumbnail inlined as a
    /// <c>data:</c> URL (the file itself is served to staff only); a document by its name. <c>content.fileId</c> is how the
    /// desk finds the file; only the server writes attachments (the channel refuses customers' own).
    /// </summary>
    public static Attachment ToAttachment(StoredFile file, byte[]? thumbnail)
    {
        // Web Chat shows a customer's own attachment as a picture only when it has a thumbnail URL; else as a file name.
        var preview = thumbnail is null ? null : "data:image/jpeg;base64," + Convert.ToBase64String(thumbnail);
        return new()
        {
            ContentType = thumbnail is null ? file.ContentType : FileKinds.Jpeg,
            Name = file.Name,
            ContentUrl = preview,
            ThumbnailUrl = preview,
            Content = JsonSerializer.SerializeToElement(new AttachmentReference(file.Id, file.ContentType, file.Size), AttachmentJsonContext.Default.AttachmentReference),
        };
    }

    /// <summary>The file ids a stored customer message refers to.</summary>
    public static IReadOnlyList<string> FileIdsOf(Activity activity) =>
        [.. (activity.Attachments ?? []).Select(a => a.Content is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("fileId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString() : null).OfType<string>()];

    /// <summary>Counts an upload against the conversation's limit per minute; false when it is over.</summary>
    private bool TakeRate(string conversationId)
    {
        var now = time.GetUtcNow();
        var recent = _recent.GetOrAdd(conversationId, _ => new Queue<DateTimeOffset>());
        lock (recent)
        {
            while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromMinutes(1)) recent.Dequeue();
            if (recent.Count >= options.Value.UploadsPerMinutePerConversation) return false;
            recent.Enqueue(now);
        }

        // Forget conversations that went quiet, so the table does not grow with every conversation ever seen.
        if (_recent.Count > 10_000)
            foreach (var (id, queue) in _recent)
                lock (queue)
                    if (queue.Count == 0 || now - queue.Last() >= TimeSpan.FromMinutes(1)) _recent.TryRemove(id, out _);
        return true;
    }
}
