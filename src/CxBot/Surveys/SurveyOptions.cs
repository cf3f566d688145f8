using System.ComponentModel.DataAnnotations;

namespace CxBot.Surveys;

/// <summary>The end-of-conversation survey.</summary>
public sealed class SurveyOptions
{
    public const string SectionName = "Survey";

    /// <summary>A conversation with no customer message for this long ends, and its survey is asked (if the customer is still there to answer).</summary>
    [Range(1, 1440)]
    public int InactivityMinutes { get; set; } = 15;

    /// <summary>For conversations an agent handled, also ask the Customer Effort Score question.</summary>
    public bool AskEffortAfterAgent { get; set; } = true;
}
