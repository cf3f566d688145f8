namespace CxBot.Attachments;

/// <summary>
/// What a file really is, read from its first bytes (its magic number), never from its name or the type the browser
/// claimed: an HTML page or an SVG named <c>photo.png</c> is neither of the kinds accepted.
/// </summary>
public static class FileKinds
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";

    /// <summary>The accepted kind the bytes are, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return WebP;
        if (bytes.StartsWith("%PDF-"u8)) return Pdf;
        return null;
    }

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);

    public static string Extension(string contentType) => contentType switch
    {
        Jpeg => ".jpg",
        Png => ".png",
        WebP => ".webp",
        _ => ".pdf",
    };

    /// <summary>
    /// A name safe everywhere it appears (the chat's Markdown, a download's <c>Content-Disposition</c>, a log): the base
    /// name's letters, digits, spaces and <c>-_.()</c> only, at most 80 characters, with the extension of what the file really is.
    /// </summary>
    public static string SafeName(string? claimed, string contentType)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName((claimed ?? "").Replace('\\', '/')));
        var kept = new string([.. name.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '(' or ')' or '.')]).Trim(' ', '.');
        if (kept.Length > 80) kept = kept[..80];
        return (kept.Length == 0 ? "file" : kept) + Extension(contentType);
    }

    /// <summary>The claimed name made safe to show in a refusal, whatever the file turned out to be.</summary>
    public static string ShownName(string? claimed)
    {
        var name = Path.GetFileName((claimed ?? "").Replace('\\', '/'));
        var kept = new string([.. name.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '(' or ')' or '.')]).Trim();
        return kept.Length == 0 ? "file" : kept.Length > 80 ? kept[..80] : kept;
    }
}
