using System.ComponentModel.DataAnnotations;

namespace CxBot.Handoff;

/// <summary>
/// Which team a handoff goes to first. A conversation is routed to a team by its handoff reason (<see cref="ReasonTeams"/>) or,
/// failing that, by the article it was about (the article's <c>team:</c> front matter); agents name their teams and languages in
/// <c>AgentDesk:Accounts</c>. The queue offers a conversation to the agents of its team who speak its language first, and to
/// everyone after <see cref="TeamFirstSeconds"/> — at once when no such agent is online.
/// </summary>
public sealed class TeamRoutingOptions
{
    public const string SectionName = "Handoff:Routing";

    /// <summary>Seconds a conversation is offered only to matching agents (its team, its language) before any agent may take it.</summary>
    [Range(0, 86_400)]
    public int TeamFirstSeconds { get; set; } = 120;

    /// <summary>Handoff reason → team (e.g. <c>complaint: complaints</c>, <c>fraud: payments</c>); a reason not named here goes by the article.</summary>
    public Dictionary<string, string> ReasonTeams { get; set; } = new(StringComparer.Ordinal)
    {
        [HandoffReason.Complaint] = "complaints",
        [HandoffReason.Fraud] = "payments",
    };
}
