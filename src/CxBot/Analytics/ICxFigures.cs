using CxBot.Surveys;

namespace CxBot.Analytics;

/// <summary>
/// The dashboard's questions about the survey responses of a date range, answered by the store: the embedded
/// database sums them in SQL over a table clustered by end time; other stores read the range and sum in memory.
/// </summary>
public interface ICxFigures
{
    Task<CxMetrics> SummaryAsync(CxFilter filter, CancellationToken cancellationToken);

    /// <summary>CSAT per day, or per ISO week (<c>2026-W47</c>), in order.</summary>
    Task<IReadOnlyList<CsatSlice>> TrendAsync(CxFilter filter, bool weekly, CancellationToken cancellationToken);

    /// <summary>CSAT per value of <paramref name="dimension"/>, most conversations first.</summary>
    Task<IReadOnlyList<CsatSlice>> BreakdownAsync(CxFilter filter, CxDimension dimension, CancellationToken cancellationToken);

    /// <summary>Waits and CSAT per team, over the conversations of the range that waited for a person.</summary>
    Task<IReadOnlyList<TeamSlice>> TeamsAsync(CxFilter filter, CancellationToken cancellationToken);

    /// <summary>The responses themselves, oldest first; with <paramref name="maxCsat"/>, only those rated at most that.</summary>
    Task<IReadOnlyList<SurveyResponse>> ResponsesAsync(CxFilter filter, int? maxCsat, CancellationToken cancellationToken);

    /// <summary>The same responses, read as they are consumed: an export of a year writes them out without holding them.</summary>
    IAsyncEnumerable<SurveyResponse> StreamResponsesAsync(CxFilter filter, int? maxCsat, CancellationToken cancellationToken);
}

/// <summary>What a CSAT breakdown splits by.</summary>
public enum CxDimension
{
    ResolvedBy,
    Agent,
    Article,
    Language,
}
