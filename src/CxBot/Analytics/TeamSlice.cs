namespace CxBot.Analytics;

/// <summary>
/// One team's figures over the conversations that waited for a person: how many, their CSAT (share of 4–5 and mean) and
/// the median wait until an agent took over. Conversations routed to no team count as <see cref="General"/>.
/// </summary>
public sealed record TeamSlice(string Team, int Conversations, int Rated, double? Csat, double? Mean, int Waited, double? MedianWaitSeconds)
{
    public const string General = "general";

    public static IReadOnlyList<TeamSlice> From(IEnumerable<Surveys.SurveyResponse> responses) =>
    [
        .. responses.Where(r => r.Team is not null).GroupBy(r => r.Team!).Select(g =>
        {
            var rated = g.Where(r => r.Csat is not null).ToList();
            return new TeamSlice(g.Key, g.Count(), rated.Count, CxMetrics.Share(rated.Count(r => r.Csat >= 4), rated.Count),
                rated.Count == 0 ? null : rated.Average(r => r.Csat!.Value), g.Count(r => r.WaitSeconds is not null), CxMetrics.Median(g.Select(r => r.WaitSeconds)));
        }).OrderByDescending(s => s.Conversations).ThenBy(s => s.Team, StringComparer.Ordinal),
    ];
}
