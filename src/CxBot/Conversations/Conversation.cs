namespace CxBot.Conversations;

/// <summary>A customer's chat with the store, as opened by a channel.</summary>
/// <param name="Id">Opaque id, unguessable; it appears in URLs and tokens.</param>
/// <param name="CreatedAt">When the channel opened it.</param>
/// <param name="UserId">The customer's id as the channel knows it, when it sent one.</param>
/// <param name="Locale">The locale the client started with, e.g. <c>pl-PL</c>.</param>
public sealed record Conversation(string Id, DateTimeOffset CreatedAt, string? UserId, string? Locale);
