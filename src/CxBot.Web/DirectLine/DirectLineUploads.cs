using System.Text.Json;
using CxBot.Activities;
using CxBot.Attachments;
using CxBot.Conversations;
using CxBot.Turns;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CxBot.Web.DirectLine;

/// <summary>
/// <c>POST /v3/directline/conversations/{id}/upload?userId=…</c>, as <c>botframework-directlinejs</c> sends it from Web Chat's
/// attachment button: <c>multipart/form-data</c> with the message as a JSON part named <c>activity</c> and one part per file.
/// The files are checked and stored by <see cref="AttachmentService"/>; the message is then stored with the server's own
/// attachments and answered with its id, as a posted activity is. A refused file is answered with a 4xx and explained by
/// the bot in the chat, in the conversation's language.
/// </summary>
public static class DirectLineUploads
{
    /// <summary>The message part is small JSON (Web Chat adds a thumbnail of each image to it, which is dropped).</summary>
    private const int MaxActivityPartBytes = 512 * 1024;

    internal static async Task<IResult> Upload(
        string conversationId, HttpRequest request, DirectLineAuth auth, IConversationStore store, TurnDispatcher dispatcher,
        AttachmentService attachments, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (caller, error) = auth.Authorize(request, conversationId);
        if (error is not null) return error;
        var limits = attachments.Options;
        if (!limits.Enabled) return DirectLineErrors.Error(415, "BadArgument", "CxBot does not accept file uploads; describe the problem in a message.");
        var conversation = await store.GetAsync(conversationId, cancellationToken);
        if (conversation is null) return DirectLineErrors.NotFound(conversationId);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
            return DirectLineErrors.BadSyntax("Send multipart/form-data with the message as a part named 'activity' and one part per file, as botframework-directlinejs does.");

        // Room for a message's files at their limit; a larger body is refused as too large rather than read.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limits.MaxFileBytes * limits.MaxFilesPerMessage + MaxActivityPartBytes + 64 * 1024;

        Activity? activity = null;
        var files = new List<IncomingFile>();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                if (disposition?.Name.Value == "activity" && activity is null)
                {
                    var (json, tooLarge) = await ReadAsync(section.Body, MaxActivityPartBytes, cancellationToken);
                    if (tooLarge) return DirectLineErrors.TooBig($"The 'activity' part is larger than {MaxActivityPartBytes} bytes.");
                    try { activity = ActivitySerializer.FromUtf8(json); }
                    catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
                    {
                        return DirectLineErrors.BadSyntax($"The 'activity' part is not a valid activity: {e.Message}");
                    }
                }
                else if (disposition is not null && (disposition.FileName.HasValue || disposition.FileNameStar.HasValue || disposition.Name.Value == "file"))
                {
                    var (content, tooLarge) = await ReadAsync(section.Body, limits.MaxFileBytes, cancellationToken);
                    files.Add(new IncomingFile((disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value, content, tooLarge));
                }
                else
                {
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            files.Add(new IncomingFile(files.Count == 0 ? null : "file", [], TooLarge: true));
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            return DirectLineErrors.BadSyntax($"The upload is not valid multipart/form-data: {e.Message}");
        }

        activity ??= new Activity { Type = ActivityTypes.Message };
        if (activity.Type != ActivityTypes.Message) return DirectLineErrors.BadArgument("An upload carries a message activity.");
        if (activity.Text is { } text && text.Length > options.Value.MaxTextLength)
            return DirectLineErrors.TooBig($"The message text has {text.Length} characters; the limit is {options.Value.MaxTextLength}.");
        if (files.Count == 0) return DirectLineErrors.BadArgument("The upload has no file part.");

        var (accepted, refusal) = await attachments.AcceptAsync(conversationId, files, cancellationToken);
        if (refusal is not null)
        {
            // The customer reads why in the chat; the client gets the same reason as an error.
            _ = dispatcher.DispatchAsync(conversation, AttachmentEvents.RefusedEvent(conversationId, refusal));
            return DirectLineErrors.Error(refusal.Status, refusal.Status == 429 ? "TooManyRequests" : refusal.Status == 413 ? "MessageSizeTooBig" : "BadArgument",
                Describe(refusal, limits));
        }

        var sender = activity.From ?? new ChannelAccount { Id = caller!.UserId ?? conversation.UserId ?? "user" };
        if (sender.Id is null or BotIdentity.Id) sender = sender with { Id = caller!.UserId ?? conversation.UserId ?? "user" };
        activity.From = sender with { Role = "user" };
        activity.Recipient ??= BotIdentity.Account;
        activity.ChannelId = "directline";
        activity.Locale ??= conversation.Locale;
        activity.Attachments = [.. accepted];
        var stored = await dispatcher.AcceptAsync(conversation, activity, cancellationToken);
        return TypedResults.Ok(new ResourceResponse(stored.Id));
    }

    private static string Describe(AttachmentRefusal refusal, AttachmentOptions limits) => refusal.Reason switch
    {
        AttachmentRefusal.Size => $"'{refusal.Name}' is larger than {limits.MaxFileMegabytes} MB.",
        AttachmentRefusal.Type => $"'{refusal.Name}' is not a JPEG, PNG or WebP image or a PDF document (checked by its content, not its name).",
        AttachmentRefusal.Unreadable => $"'{refusal.Name}' does not decode as an image.",
        AttachmentRefusal.Rate => $"At most {limits.UploadsPerMinutePerConversation} uploads a minute per conversation.",
        _ => $"At most {refusal.Limit} files (per message: {limits.MaxFilesPerMessage}, per conversation: {limits.MaxFilesPerConversation}).",
    };

    /// <summary>Reads a part up to <paramref name="limit"/> bytes; past it, the rest is read and dropped and the part is too large.</summary>
    private static async Task<(byte[] Content, bool TooLarge)> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await body.CopyToAsync(Stream.Null, cancellationToken);
                return ([], true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), false);
    }
}
