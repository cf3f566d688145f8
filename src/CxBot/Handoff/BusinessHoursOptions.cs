namespace CxBot.Handoff;

/// <summary>When consultants work. Outside these hours the bot says so and offers to take a message.</summary>
public sealed class BusinessHoursOptions
{
    public const string SectionName = "BusinessHours";

    /// <summary>IANA time zone of the hours below.</summary>
    public string TimeZone { get; set; } = "Europe/Warsaw";

    /// <summary>Opening hours per day of the week, <c>HH:mm-HH:mm</c>; a missing or empty day is closed.</summary>
    public Dictionary<string, string> Schedule { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Monday"] = "08:00-20:00",
        ["Tuesday"] = "08:00-20:00",
        ["Wednesday"] = "08:00-20:00",
        ["Thursday"] = "08:00-20:00",
        ["Friday"] = "08:00-20:00",
        ["Saturday"] = "09:00-17:00",
    };

    /// <summary>Closed dates, <c>yyyy-MM-dd</c>.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Ignore the schedule: consultants can be reached whenever one is online (for demos and tests).</summary>
    public bool AlwaysOpen { get; set; }
}
