namespace CxBot.Analytics;

/// <summary>The dashboard's filter: an end-date range (inclusive days, UTC) and an optional language.</summary>
public sealed record CxFilter(DateOnly? From, DateOnly? To, string? Language)
{
    public static CxFilter All { get; } = new(null, null, null);

    /// <summary>The filter's days as instants: [start of From, start of the day after To), unbounded where a day is missing.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Range => (
        From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue,
        To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MaxValue);

    public bool Matches(Surveys.SurveyResponse response)
    {
        var day = DateOnly.FromDateTime(response.EndedAt.UtcDateTime);
        return (From is null || day >= From) && (To is null || day <= To)
            && (string.IsNullOrEmpty(Language) || response.Language == Language);
    }
}
