using Microsoft.Extensions.Options;

namespace CxBot.Handoff;

/// <summary>
/// An honest estimate of the wait for a place in the queue, from the agents online, their free slots and how long recent
/// conversations with agents took — per team: a conversation routed to a team counts the agents who may take it now
/// (<see cref="TeamRouting"/>), the conversations ahead of it those agents would take too, and that team's handle times.
/// Null means nobody is online to take it.
/// </summary>
public sealed class WaitEstimator(AgentRegistry agents, IOptions<HandoffOptions> options)
{
    private const string Everyone = "";
    private readonly Dictionary<string, Queue<double>> _recentHandleMinutes = new(StringComparer.Ordinal);

    public void RecordHandleTime(TimeSpan handled, string? team = null)
    {
        lock (_recentHandleMinutes)
            foreach (var key in team is null ? [Everyone] : new[] { Everyone, team })
            {
                if (!_recentHandleMinutes.TryGetValue(key, out var recent)) _recentHandleMinutes[key] = recent = new Queue<double>();
                recent.Enqueue(handled.TotalMinutes);
                while (recent.Count > 50) recent.Dequeue();
            }
    }

    public double AverageHandleMinutes => AverageHandleMinutesOf(null);

    /// <summary>The team's recent handle time once it has a few, else everyone's, else the configured default.</summary>
    public double AverageHandleMinutesOf(string? team)
    {
        lock (_recentHandleMinutes)
        {
            if (team is not null && _recentHandleMinutes.TryGetValue(team, out var own) && own.Count >= 3) return own.Average();
            return _recentHandleMinutes.TryGetValue(Everyone, out var all) && all.Count >= 3 ? all.Average() : options.Value.DefaultHandleMinutes;
        }
    }

    /// <summary>Minutes until the conversation at <paramref name="position"/> (1-based) is likely taken; 0 means about now.</summary>
    public double? EstimateMinutes(int position)
    {
        var online = agents.Snapshot().Where(a => a.IsOnline).ToList();
        return online.Count == 0 ? null : Estimate(online, position, AverageHandleMinutes);
    }

    /// <summary>
    /// Minutes until <paramref name="entry"/> is likely taken: by the agents who may take it now, counting only the conversations
    /// ahead of it they may take too; never more than the wait until it is offered to everyone plus everyone's estimate then.
    /// </summary>
    public double? EstimateMinutes(QueueEntry entry, IReadOnlyList<QueueEntry> queue, TeamRouting routing)
    {
        var all = agents.Snapshot();
        var online = all.Where(a => a.IsOnline).ToList();
        if (online.Count == 0) return null;
        var handle = AverageHandleMinutesOf(entry.Team);
        var ahead = queue.TakeWhile(e => e.ConversationId != entry.ConversationId).ToList();
        var candidates = online.Where(a => routing.MayTake(a, entry, all)).ToList();
        var position = 1 + ahead.Count(e => candidates.Any(a => routing.MayTake(a, e, all)));
        var teamEstimate = Estimate(candidates, position, handle);
        if (candidates.Count == online.Count) return teamEstimate;
        var untilEveryone = Math.Max(0, (routing.OpenToAllAt(entry) - routing.Now).TotalMinutes);
        return Math.Min(teamEstimate, Math.Ceiling(untilEveryone + Estimate(online, ahead.Count + 1, handle)));
    }

    private static double Estimate(IReadOnlyList<AgentStatus> online, int position, double handleMinutes)
    {
        var free = online.Sum(a => a.FreeSlots);
        if (position <= free) return 0;
        // Each agent frees a slot about once per handle time; the conversations ahead are served in turn.
        var slots = online.Sum(a => a.Capacity);
        return Math.Ceiling((position - free) * handleMinutes / Math.Max(1, slots));
    }
}
