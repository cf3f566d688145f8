using Microsoft.Extensions.Options;

namespace CxBot.Handoff;

/// <summary>
/// An honest estimate of the wait for a place in the queue, from the agents online, their free slots
/// and how long recent conversations with agents took. Null means nobody is online to take it.
/// </summary>
public sealed class WaitEstimator(AgentRegistry agents, IOptions<HandoffOptions> options)
{
    private readonly Queue<double> _recentHandleMinutes = new();

    public void RecordHandleTime(TimeSpan handled)
    {
        lock (_recentHandleMinutes)
        {
            _recentHandleMinutes.Enqueue(handled.TotalMinutes);
            while (_recentHandleMinutes.Count > 50) _recentHandleMinutes.Dequeue();
        }
    }

    public double AverageHandleMinutes
    {
        get
        {
            lock (_recentHandleMinutes)
                return _recentHandleMinutes.Count >= 3 ? _recentHandleMinutes.Average() : options.Value.DefaultHandleMinutes;
        }
    }

    /// <summary>Minutes until the conversation at <paramref name="position"/> (1-based) is likely taken; 0 means about now.</summary>
    public double? EstimateMinutes(int position)
    {
        var online = agents.Snapshot().Where(a => a.IsOnline).ToList();
        if (online.Count == 0) return null;
        var free = online.Sum(a => a.FreeSlots);
        if (position <= free) return 0;
        // Each agent frees a slot about once per handle time; the conversations ahead are served in turn.
        var ahead = position - free;
        var slots = online.Sum(a => a.Capacity);
        return Math.Ceiling(ahead * AverageHandleMinutes / Math.Max(1, slots));
    }
}
