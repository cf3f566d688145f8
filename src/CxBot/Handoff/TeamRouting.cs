using CxBot.Knowledge;
using Microsoft.Extensions.Options;

namespace CxBot.Handoff;

/// <summary>
/// Who is offered a waiting conversation: first the agents who match it — of its team (or the agent it was transferred to)
/// and speaking its language — then, after <see cref="TeamRoutingOptions.TeamFirstSeconds"/>, every agent; at once when no
/// matching agent is online, since waiting for nobody helps no one. The desk shows this and the hub enforces it.
/// </summary>
public sealed class TeamRouting(AgentRegistry agents, AnswerService answers, IOptions<TeamRoutingOptions> options, TimeProvider time)
{
    /// <summary>The team a handoff goes to: its reason's, else the last article's, else none (anyone).</summary>
    public string? TeamFor(string reason, IReadOnlyList<string> articlesUsed, string language)
    {
        if (options.Value.ReasonTeams.TryGetValue(reason, out var team) && !string.IsNullOrWhiteSpace(team)) return team;
        return articlesUsed.Count > 0 ? answers.KnowledgeBase.Find(articlesUsed[^1], language)?.Team : null;
    }

    /// <summary>The agent is one the conversation is offered to first.</summary>
    public static bool Matches(AgentStatus agent, QueueEntry entry)
    {
        if (entry.PreferredAgentId is { } preferred) return agent.Id == preferred;
        return (entry.Team is null || agent.Teams?.Contains(entry.Team, StringComparer.Ordinal) == true)
            && (agent.Languages is not { Count: > 0 } languages || languages.Contains(entry.Language, StringComparer.Ordinal));
    }

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>When the conversation is offered to every agent.</summary>
    public DateTimeOffset OpenToAllAt(QueueEntry entry) => entry.EnqueuedAt.AddSeconds(options.Value.TeamFirstSeconds);

    /// <summary>Whether <paramref name="agent"/> may take the conversation now, given the agents online now.</summary>
    public bool MayTake(AgentStatus agent, QueueEntry entry, IReadOnlyList<AgentStatus> online) =>
        Matches(agent, entry) || time.GetUtcNow() >= OpenToAllAt(entry) || !online.Any(a => a.IsOnline && Matches(a, entry));

    public bool MayTake(string agentId, QueueEntry entry)
    {
        var online = agents.Snapshot();
        return online.FirstOrDefault(a => a.Id == agentId) is { } agent && MayTake(agent, entry, online);
    }

    /// <summary>For the desk: whether the entry is still offered only to matching agents, and until when.</summary>
    public (bool Restricted, DateTimeOffset OpenToAllAt) Offer(QueueEntry entry, IReadOnlyList<AgentStatus> online) =>
        (time.GetUtcNow() < OpenToAllAt(entry) && online.Any(a => a.IsOnline && Matches(a, entry)) && online.Any(a => a.IsOnline && !Matches(a, entry)),
            OpenToAllAt(entry));
}
