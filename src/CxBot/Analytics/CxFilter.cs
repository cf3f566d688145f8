namespace CxBot.Analytics;

/// <summary>The dashboard's filter: an end-date range (inclusive days, UTC) and an optional language.</summary>
public sealed record CxFilter(DateOnly? From, DateOnly? To, string? Language)
{
    public static CxFilter All { get; } = new(null, null, null);

    public bool Matches(Surveys.SurveyResponse response)
    {
        var day = DateOnly.FromDateTime(response.EndedAt.UtcDateTime);
        return (From is null || day >= From) && (To is null || day <= To)
            && (string.IsNullOrEmpty(Language) || response.Language == Language);
    }
}
