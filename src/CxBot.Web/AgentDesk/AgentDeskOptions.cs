using System.ComponentModel.DataAnnotations;

namespace CxBot.Web.AgentDesk;

/// <summary>Who may sign in to the agent desk and the CX dashboard.</summary>
public sealed class AgentDeskOptions
{
    public const string SectionName = "AgentDesk";

    /// <summary>Accounts. Passwords are stored only as hashes: make one with <c>dotnet run --project src/CxBot.Cli -- hash-password</c>.</summary>
    public List<AgentAccount> Accounts { get; set; } = [];

    /// <summary>Failed sign-ins in a row before an account is locked.</summary>
    [Range(1, 100)]
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 5;

    /// <summary>Ready answers agents insert with one click, per language.</summary>
    public Dictionary<string, List<string>> CannedReplies { get; set; } = new()
    {
        ["pl"] = ["Dzień dobry, nazywam się {agent}, w czym mogę pomóc?", "Już sprawdzam, proszę o chwilę.", "Czy mogę prosić o numer zamówienia?", "Czy mogę pomóc w czymś jeszcze?"],
        ["en"] = ["Hello, my name is {agent}, how can I help?", "Let me check that for you, one moment please.", "Could you give me your order number?", "Is there anything else I can help with?"],
    };
}

/// <summary>One person who signs in: an agent, or a CX lead (who can also see the dashboard).</summary>
public sealed class AgentAccount
{
    [Required] public string UserName { get; set; } = "";
    [Required] public string DisplayName { get; set; } = "";

    /// <summary>ASP.NET Core Identity password hash (PBKDF2).</summary>
    [Required] public string PasswordHash { get; set; } = "";

    /// <summary><c>Agent</c> and/or <c>Lead</c>.</summary>
    public List<string> Roles { get; set; } = ["Agent"];

    /// <summary>Conversations this agent takes at once.</summary>
    [Range(1, 20)]
    public int Capacity { get; set; } = 3;

    /// <summary>
    /// Teams the agent belongs to (e.g. <c>complaints</c>, <c>b2b</c>, <c>payments</c>): conversations routed to one of them are
    /// offered to this agent first (<c>Handoff:Routing</c>). None: a generalist, offered conversations of no team first.
    /// </summary>
    public List<string> Teams { get; set; } = [];

    /// <summary>Languages the agent takes conversations in (<c>pl</c>, <c>en</c>); none: any.</summary>
    public List<string> Languages { get; set; } = [];
}
