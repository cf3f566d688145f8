namespace CxBot.Attachments;

/// <summary>A file as the customer's client sent it: the name it claimed, and its bytes (read only up to the limit when <paramref name="TooLarge"/>).</summary>
public sealed record IncomingFile(string? Name, byte[] Content, bool TooLarge);
