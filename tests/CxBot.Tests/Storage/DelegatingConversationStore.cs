using CxBot.Activities;
using CxBot.Conversations;

namespace CxBot.Tests.Storage;

/// <summary>A real store underneath, for tests that change one behaviour of it (an outage, a delay, counting reads).</summary>
public abstract class DelegatingConversationStore(IConversationStore inner) : IConversationStore
{
    public virtual Task<bool> CreateAsync(Conversation conversation, CancellationToken cancellationToken) => inner.CreateAsync(conversation, cancellationToken);
    public virtual Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken) => inner.GetAsync(conversationId, cancellationToken);
    public virtual Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken) => inner.AppendAsync(conversationId, activity, cancellationToken);
    public virtual Task<ActivityPage> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken) => inner.ReadAsync(conversationId, afterWatermark, max, cancellationToken);
    public virtual Task ReplaceActivityAsync(string conversationId, long sequence, byte[] json, CancellationToken cancellationToken) => inner.ReplaceActivityAsync(conversationId, sequence, json, cancellationToken);
    public virtual Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken) => inner.LoadStateAsync(conversationId, cancellationToken);
    public virtual Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken) => inner.SaveStateAsync(conversationId, state, cancellationToken);
    public virtual Task<int> DeleteConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken) => inner.DeleteConversationsAsync(conversationIds, cancellationToken);
    public virtual Task<IReadOnlyList<Conversation>> ListOpenAsync(DateTimeOffset? quietSince, CancellationToken cancellationToken) => inner.ListOpenAsync(quietSince, cancellationToken);
    public virtual Task<IReadOnlyList<Conversation>> ListUnendedAsync(DateTimeOffset activeSince, CancellationToken cancellationToken) => inner.ListUnendedAsync(activeSince, cancellationToken);
    public virtual Task<IReadOnlyList<Conversation>> ListEndedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => inner.ListEndedAsync(from, to, cancellationToken);
    public virtual Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) => inner.ListInactiveAsync(before, limit, cancellationToken);
    public virtual Task<IReadOnlyList<Conversation>> ListByCustomerAsync(string userId, CancellationToken cancellationToken) => inner.ListByCustomerAsync(userId, cancellationToken);
    public virtual IAsyncEnumerable<(Conversation Conversation, ConversationState? State)> ListStartedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => inner.ListStartedAsync(from, to, cancellationToken);
    public virtual Task<string?> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);
}
