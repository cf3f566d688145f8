namespace CxBot.Conversations;

/// <summary>
/// Tells listeners (open WebSocket streams, agent desks) that a conversation's log grew. It carries no
/// activities: listeners read them from the store from their own watermark, so a missed or doubled
/// signal can neither lose nor duplicate an activity.
/// </summary>
public interface IActivityFeed
{
    void Publish(string conversationId);

    /// <summary>Calls <paramref name="onAppended"/> whenever the conversation's log grows, until disposed.</summary>
    IDisposable Subscribe(string conversationId, Action onAppended);
}
