using System.Diagnostics;
using CxBot.Activities;
using Activity = CxBot.Activities.Activity;
using CxBot.Conversations;
using CxBot.Storage;

namespace CxBot.Metrics;

/// <summary>The conversation store with every call timed and its failures counted (<c>cxbot_store_*</c>).</summary>
public sealed class MeasuredConversationStore(IConversationStore inner, CxBotMetrics metrics) : IConversationStore, ICompactingStore
{
    /// <summary>The store being measured.</summary>
    public IConversationStore Inner => inner;

    public Task<bool> CreateAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, "create", started, inner.CreateAsync(conversation, cancellationToken)); }
        catch (Exception e) { StoreCalls.Failed(metrics, "create", started, e); throw; }
    }

    public Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, "get", started, inner.GetAsync(conversationId, cancellationToken)); }
        catch (Exception e) { StoreCalls.Failed(metrics, "get", started, e); throw; }
    }

    public Task<IReadOnlyList<Conversation>> ListOpenAsync(DateTimeOffset? quietSince, CancellationToken cancellationToken) =>
        Measure("list_open", () => inner.ListOpenAsync(quietSince, cancellationToken));

    public Task<IReadOnlyList<Conversation>> ListUnendedAsync(DateTimeOffset activeSince, CancellationToken cancellationToken) =>
        Measure("list_unended", () => inner.ListUnendedAsync(activeSince, cancellationToken));

    public Task<IReadOnlyList<Conversation>> ListEndedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Measure("list_ended", () => inner.ListEndedAsync(from, to, cancellationToken));

    public Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Measure("list_inactive", () => inner.ListInactiveAsync(before, limit, cancellationToken));

    public Task<IReadOnlyList<Conversation>> ListByCustomerAsync(string userId, CancellationToken cancellationToken) =>
        Measure("list_by_customer", () => inner.ListByCustomerAsync(userId, cancellationToken));

    /// <summary>Streamed: passed through unmeasured, its rows read as the caller goes.</summary>
    public IAsyncEnumerable<(Conversation Conversation, ConversationState? State)> ListStartedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner.ListStartedAsync(from, to, cancellationToken);

    private Task<T> Measure<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, operation, started, call()); }
        catch (Exception e) { StoreCalls.Failed(metrics, operation, started, e); throw; }
    }

    public Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, "append", started, inner.AppendAsync(conversationId, activity, cancellationToken)); }
        catch (Exception e) { StoreCalls.Failed(metrics, "append", started, e); throw; }
    }

    public Task<ActivityPage> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, "read", started, inner.ReadAsync(conversationId, afterWatermark, max, cancellationToken)); }
        catch (Exception e) { StoreCalls.Failed(metrics, "read", started, e); throw; }
    }

    public Task ReplaceActivityAsync(string conversationId, long sequence, byte[] json, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, "replace_activity", started, inner.ReplaceActivityAsync(conversationId, sequence, json, cancellationToken)); }
        catch (Exception e) { StoreCalls.Failed(metrics, "replace_activity", started, e); throw; }
    }

    public Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, "load_state", started, inner.LoadStateAsync(conversationId, cancellationToken)); }
        catch (Exception e) { StoreCalls.Failed(metrics, "load_state", started, e); throw; }
    }

    public Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, "save_state", started, inner.SaveStateAsync(conversationId, state, cancellationToken)); }
        catch (Exception e) { StoreCalls.Failed(metrics, "save_state", started, e); throw; }
    }

    public Task<int> DeleteConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try { return StoreCalls.Track(metrics, "delete_conversations", started, inner.DeleteConversationsAsync(conversationIds, cancellationToken)); }
        catch (Exception e) { StoreCalls.Failed(metrics, "delete_conversations", started, e); throw; }
    }

    public Task<string?> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);

    /// <summary>Compacts the measured store when it is one that compacts (the embedded journal); otherwise nothing to do.</summary>
    public Task CompactAsync() => inner is ICompactingStore compacting ? compacting.CompactAsync() : Task.CompletedTask;
}
