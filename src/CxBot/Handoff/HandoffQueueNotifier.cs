using CxBot.Conversations;
using CxBot.Turns;

namespace CxBot.Handoff;

/// <summary>
/// When the queue or the agents change, every waiting conversation gets a <c>queue.changed</c> turn, in
/// which the customer is told their new place if it changed materially.
/// </summary>
public sealed class HandoffQueueNotifier
{
    private readonly HandoffQueue _queue;
    private readonly TurnDispatcher _dispatcher;
    private readonly IConversationStore _store;
    private int _pending;

    public HandoffQueueNotifier(HandoffQueue queue, AgentRegistry agents, TurnDispatcher dispatcher, IConversationStore store)
    {
        _queue = queue;
        _dispatcher = dispatcher;
        _store = store;
        queue.Changed += Notify;
        agents.Changed += Notify;
    }

    private void Notify()
    {
        // Collapse bursts of changes into one round of updates.
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            await Task.Delay(50);
            Volatile.Write(ref _pending, 0);
            foreach (var entry in await _queue.SnapshotAsync(CancellationToken.None))
            {
                if (await _store.GetAsync(entry.ConversationId, CancellationToken.None) is not { } conversation) continue;
                _ = _dispatcher.DispatchAsync(conversation, AgentEvents.Create(AgentEvents.QueueChanged, conversation.Id, "cxbot", "CxBot"));
            }
        });
    }
}
