using System.Collections.Concurrent;
using System.Text.Json;
using CxBot.Conversations;
using CxBot.Handoff;
using Microsoft.AspNetCore.SignalR;

namespace CxBot.Web.AgentDesk;

/// <summary>
/// Pushes to the desk: the live queue to every agent when it or the agents change, and each new activity
/// of a conversation to the agents handling it, read from the conversation's log from a watermark so
/// nothing is skipped or sent twice.
/// </summary>
public sealed class AgentDeskBroadcaster : IDisposable
{
    private readonly IHubContext<AgentHub> _hub;
    private readonly IConversationStore _store;
    private readonly IActivityFeed _feed;
    private readonly HandoffQueue _queue;
    private readonly AgentRegistry _agents;
    private readonly TicketStore _tickets;
    private readonly TeamRouting _routing;
    private readonly ConcurrentDictionary<string, Watcher> _watched = new(StringComparer.Ordinal);

    public AgentDeskBroadcaster(
        IHubContext<AgentHub> hub, IConversationStore store, IActivityFeed feed, HandoffQueue queue, AgentRegistry agents, TicketStore tickets, TeamRouting routing)
    {
        _routing = routing;
        _hub = hub;
        _store = store;
        _feed = feed;
        _queue = queue;
        _agents = agents;
        _tickets = tickets;
        queue.Changed += OnQueueChanged;
        agents.Changed += OnQueueChanged;
    }

    public static string GroupOf(string conversationId) => "conversation:" + conversationId;

    public async Task SendQueueAsync(IClientProxy clients) =>
        await clients.SendAsync("queue", DeskQueue.Of(
            await _queue.SnapshotAsync(CancellationToken.None), _agents.Snapshot(), await _tickets.ListOpenAsync(CancellationToken.None), _routing));

    /// <summary>Starts forwarding the conversation's new activities to its group, from the end of its log as it is now.</summary>
    public void Watch(string conversationId)
    {
        _watched.GetOrAdd(conversationId, id =>
        {
            var watcher = new Watcher(id, this);
            watcher.Start();
            return watcher;
        });
    }

    private void Unwatch(string conversationId, Watcher watcher)
    {
        if (_watched.TryRemove(new KeyValuePair<string, Watcher>(conversationId, watcher))) watcher.Dispose();
    }

    public void Dispose()
    {
        _queue.Changed -= OnQueueChanged;
        _agents.Changed -= OnQueueChanged;
        foreach (var watcher in _watched.Values) watcher.Dispose();
    }

    private void OnQueueChanged() => _ = SendQueueAsync(_hub.Clients.Group(AgentHub.AgentsGroup));

    private sealed class Watcher(string conversationId, AgentDeskBroadcaster owner) : IDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);
        private IDisposable? _subscription;
        private long _watermark;

        public void Start()
        {
            _watermark = owner._store.ReadAsync(conversationId, long.MaxValue, 0, CancellationToken.None).GetAwaiter().GetResult().Watermark;
            _subscription = owner._feed.Subscribe(conversationId, () => _ = ForwardAsync());
        }

        private async Task ForwardAsync()
        {
            await _sending.WaitAsync();
            try
            {
                var page = await owner._store.ReadAsync(conversationId, _watermark, 500, CancellationToken.None);
                if (page.Activities.Count == 0) return;
                _watermark = page.Watermark;
                var activities = page.Activities.Select(a => JsonDocument.Parse(a.Json).RootElement).ToList();
                var forDesk = page.Activities.Select(a => DeskMarkdown.ForDesk(System.Text.Json.Nodes.JsonNode.Parse(a.Json))).ToList();
                await owner._hub.Clients.Group(GroupOf(conversationId)).SendAsync("activities", conversationId, forDesk);

                // The agent's part is over (ended, or returned to the bot): stop watching until an agent accepts it again.
                if (activities.Any(IsHandoffCompleted)) owner.Unwatch(conversationId, this);
            }
            catch (ConversationNotFoundException)
            {
                owner.Unwatch(conversationId, this);
            }
            finally
            {
                _sending.Release();
            }
        }

        public void Dispose() => _subscription?.Dispose();

        private static bool IsHandoffCompleted(JsonElement activity) =>
            activity.TryGetProperty("name", out var name) && name.ValueEquals(HandoffEvents.Status)
            && activity.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("state", out var state) && state.ValueEquals("completed");
    }
}
