namespace CxBot.Attachments;

/// <summary>Why a customer's file was not accepted; <see cref="Reason"/> names the text the bot says (<c>file_refused_{reason}</c>).</summary>
/// <param name="Name">The file's name as the customer chose it, made safe to show.</param>
/// <param name="Limit">The limit that was reached (MB, or files), for the message.</param>
public sealed record AttachmentRefusal(string Reason, string Name, int Limit)
{
    public const string Type = "type";
    public const string Size = "size";
    public const string Count = "count";
    public const string Rate = "rate";
    public const string Unreadable = "unreadable";

    /// <summary>The HTTP status the upload is answered with: 413 too large, 415 not an accepted kind, 429 too many.</summary>
    public int Status => Reason switch
    {
        Size => 413,
        Type or Unreadable => 415,
        _ => 429,
    };
}
