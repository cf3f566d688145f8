using CxBot.Conversations;

namespace CxBot.Surveys;

/// <summary>
/// A conversation is open while a customer has written in it and it has not ended; the inactivity monitor sweeps
/// those. The stores index it from every saved state (<see cref="ConversationFacts"/>), so nothing else keeps a list.
/// </summary>
public static class OpenConversations
{
    public static bool IsOpen(ConversationState state) => state is { EndedAt: null, LastCustomerMessageAt: not null };
}
