using CxBot.Storage;
using Microsoft.Net.Http.Headers;

namespace CxBot.Web.AgentDesk;

/// <summary>
/// Customers' photos and documents for the desk: served only to staff (the desk's roles) and only as a file of the conversation
/// named in the URL, always as a download (<c>Content-Disposition: attachment</c>, <c>nosniff</c>, a sandboxing CSP), with the
/// type the server stored — a re-encoded JPEG or PNG, or a PDF — never HTML or SVG, never inline. An <c>img</c> may still show
/// an image (the desk's thumbnails and viewer); a PDF opens only once saved.
/// </summary>
public static class DeskFileEndpoints
{
    internal static Task<IResult> Content(string conversationId, string fileId, HttpContext http, IFileStore files, CancellationToken cancellationToken) =>
        ServeAsync(conversationId, fileId, thumbnail: false, http, files, cancellationToken);

    internal static Task<IResult> Thumbnail(string conversationId, string fileId, HttpContext http, IFileStore files, CancellationToken cancellationToken) =>
        ServeAsync(conversationId, fileId, thumbnail: true, http, files, cancellationToken);

    private static async Task<IResult> ServeAsync(string conversationId, string fileId, bool thumbnail, HttpContext http, IFileStore files, CancellationToken cancellationToken)
    {
        if (await files.GetFileAsync(conversationId, fileId, cancellationToken) is not { } file
            || await files.ReadFileAsync(conversationId, fileId, thumbnail, cancellationToken) is not { } bytes)
            return TypedResults.NotFound();
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        var name = thumbnail ? Path.GetFileNameWithoutExtension(file.Name) + "-thumbnail.jpg" : file.Name;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        headers.ContentDisposition = disposition.ToString();
        return TypedResults.Bytes(bytes, thumbnail ? "image/jpeg" : file.ContentType);
    }
}
