using CxBot.Activities;

namespace CxBot.Conversations;

/// <summary>Appends to a conversation's log and tells its listeners; the one way activities are written.</summary>
public sealed class ActivityLog(IConversationStore store, IActivityFeed feed)
{
    public async Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var stored = await store.AppendAsync(conversationId, activity, cancellationToken);
        feed.Publish(conversationId);
        return stored;
    }
}
