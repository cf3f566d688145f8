namespace CxBot.Conversations;

/// <summary>A customer's chat with the store, as opened by a channel.</summary>
/// <param name="Id">Opaque id, unguessable; it appears in URLs and tokens.</param>
/// <param name="CreatedAt">When the channel opened it.</param>
/// <param name="UserId">The customer's id as the channel knows it, when it sent one.</param>
/// <param name="Locale">The locale the client started with, e.g. <c>pl-PL</c>.</param>
/// <param name="UserVerified">
/// The user id was bound by the website's backend (a token generated with the Direct Line secret, or a conversation the
/// secret holder started), not claimed by a browser: only then are the customer's earlier conversations shown to agents.
/// </param>
public sealed record Conversation(string Id, DateTimeOffset CreatedAt, string? UserId, string? Locale, bool UserVerified = false);
