namespace CxBot.Conversations;

/// <summary>An operation named a conversation that does not exist (or no longer does).</summary>
public sealed class ConversationNotFoundException(string conversationId)
    : Exception($"Conversation '{conversationId}' does not exist.")
{
    public string ConversationId { get; } = conversationId;
}
