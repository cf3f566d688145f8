using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Storage;

namespace CxBot.Metrics;

/// <summary>The conversation store with every call timed and its failures counted (<c>cxbot_store_*</c>).</summary>
public sealed class MeasuredConversationStore(IConversationStore inner, CxBotMetrics metrics) : IConversationStore, ICompactingStore
{
    /// <summary>The store being measured.</summary>
    public IConversationStore Inner => inner;

    public Task<bool> CreateAsync(Conversation conversation, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "create", () => inner.CreateAsync(conversation, cancellationToken));

    public Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "get", () => inner.GetAsync(conversationId, cancellationToken));

    public Task<IReadOnlyList<Conversation>> ListAsync(CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "list", () => inner.ListAsync(cancellationToken));

    public Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "append", () => inner.AppendAsync(conversationId, activity, cancellationToken));

    public Task<ActivityPage> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "read", () => inner.ReadAsync(conversationId, afterWatermark, max, cancellationToken));

    public Task ReplaceActivityAsync(string conversationId, long sequence, byte[] json, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "replace_activity", () => inner.ReplaceActivityAsync(conversationId, sequence, json, cancellationToken));

    public Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "load_state", () => inner.LoadStateAsync(conversationId, cancellationToken));

    public Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "save_state", () => inner.SaveStateAsync(conversationId, state, cancellationToken));

    public Task<int> DeleteConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken) =>
        StoreCalls.Measure(metrics, "delete_conversations", () => inner.DeleteConversationsAsync(conversationIds, cancellationToken));

    public Task<string?> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);

    /// <summary>Compacts the measured store when it is one that compacts (the embedded journal); otherwise nothing to do.</summary>
    public Task CompactAsync() => inner is ICompactingStore compacting ? compacting.CompactAsync() : Task.CompletedTask;
}
