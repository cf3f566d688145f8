namespace CxBot.Surveys;

/// <summary>Internal events of the survey, on the agent-desk internal channel.</summary>
public static class SurveyEvents
{
    /// <summary>The conversation has been idle past <see cref="SurveyOptions.InactivityMinutes"/>.</summary>
    public const string Inactive = "conversation.inactive";
}
