using System.Text.Json.Serialization;

namespace CxBot.Surveys;

/// <summary>Where the end-of-conversation survey stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SurveyPhase>))]
public enum SurveyPhase
{
    NotAsked,
    AskedSatisfaction,
    AskedEffort,
    OfferedFollowUp,
    AskedComment,
    Done,
}
