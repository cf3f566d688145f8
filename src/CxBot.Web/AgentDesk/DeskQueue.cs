using CxBot.Handoff;

namespace CxBot.Web.AgentDesk;

/// <summary>
/// The queue as the desk shows it: each waiting conversation with its team and whom it is offered to now — only the matching
/// agents (<c>offeredTo</c>) until <c>openToAllAt</c>, or everyone — so each agent's desk can put what is theirs first.
/// </summary>
public static class DeskQueue
{
    public static object Of(IReadOnlyList<QueueEntry> waiting, IReadOnlyList<AgentStatus> agents, IReadOnlyList<Ticket> tickets, TeamRouting routing) => new
    {
        waiting = waiting.Select(entry =>
        {
            var (restricted, openToAllAt) = routing.Offer(entry, agents);
            return new
            {
                entry.ConversationId, entry.Language, entry.Reason, entry.EnqueuedAt, entry.Urgent, entry.Returned, entry.Summary, entry.Sentiment,
                entry.PreferredAgentId, entry.Team,
                restricted,
                openToAllAt,
                offeredTo = restricted ? agents.Where(a => a.IsOnline && TeamRouting.Matches(a, entry)).Select(a => a.Id).ToList() : null,
            };
        }),
        agents,
        tickets,
    };
}
