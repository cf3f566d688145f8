namespace CxBot.Web.AgentDesk;

/// <summary>Roles and the policies built on them.</summary>
public static class Roles
{
    public const string Agent = "Agent";
    public const string Lead = "Lead";

    /// <summary>Agents and leads: the agent desk.</summary>
    public const string DeskPolicy = "desk";

    /// <summary>Leads only: the CX dashboard and data-protection actions.</summary>
    public const string LeadPolicy = "lead";
}
