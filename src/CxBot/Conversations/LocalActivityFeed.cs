using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace CxBot.Conversations;

/// <summary>The in-process feed, for one instance.</summary>
public sealed class LocalActivityFeed : IActivityFeed
{
    private readonly ConcurrentDictionary<string, ImmutableArray<Action>> _listeners = new(StringComparer.Ordinal);

    public void Publish(string conversationId)
    {
        if (!_listeners.TryGetValue(conversationId, out var listeners)) return;
        foreach (var listener in listeners) listener();
    }

    public IDisposable Subscribe(string conversationId, Action onAppended)
    {
        _listeners.AddOrUpdate(conversationId, _ => [onAppended], (_, list) => list.Add(onAppended));
        return new Subscription(this, conversationId, onAppended);
    }

    private void Unsubscribe(string conversationId, Action onAppended)
    {
        while (_listeners.TryGetValue(conversationId, out var list))
        {
            var updated = list.Remove(onAppended);
            var done = updated.IsEmpty
                ? _listeners.TryRemove(new KeyValuePair<string, ImmutableArray<Action>>(conversationId, list))
                : _listeners.TryUpdate(conversationId, updated, list);
            if (done) return;
        }
    }

    private sealed class Subscription(LocalActivityFeed feed, string conversationId, Action onAppended) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) feed.Unsubscribe(conversationId, onAppended);
        }
    }
}
