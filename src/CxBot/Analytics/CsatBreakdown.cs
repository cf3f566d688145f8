using System.Globalization;
using CxBot.Surveys;

namespace CxBot.Analytics;

/// <summary>CSAT of one slice: conversations, ratings, share of 4–5, mean.</summary>
public sealed record CsatSlice(string Key, int Conversations, int Rated, double? Csat, double? Mean);

/// <summary>CSAT split the ways a CX lead asks: bot vs agent, by agent, by article, by language, and over time.</summary>
public static class CsatBreakdown
{
    public static IReadOnlyList<CsatSlice> By(IEnumerable<SurveyResponse> responses, Func<SurveyResponse, IEnumerable<string>> keys) =>
    [
        .. responses.SelectMany(r => keys(r).Select(k => (Key: k, Response: r)))
            .GroupBy(p => p.Key)
            .Select(g => Slice(g.Key, g.Select(p => p.Response).ToList()))
            .OrderByDescending(s => s.Conversations).ThenBy(s => s.Key, StringComparer.Ordinal),
    ];

    /// <summary>Per day, or per ISO week (<c>2026-W47</c>), in order.</summary>
    public static IReadOnlyList<CsatSlice> Trend(IEnumerable<SurveyResponse> responses, bool weekly) =>
        [.. By(responses, r => [Period(r.EndedAt, weekly)]).OrderBy(s => s.Key, StringComparer.Ordinal)];

    public static string Period(DateTimeOffset instant, bool weekly)
    {
        var day = instant.UtcDateTime.Date;
        return weekly
            ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}")
            : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static CsatSlice Slice(string key, List<SurveyResponse> responses)
    {
        var rated = responses.Where(r => r.Csat is not null).ToList();
        return new CsatSlice(key, responses.Count, rated.Count,
            CxMetrics.Share(rated.Count(r => r.Csat >= 4), rated.Count),
            rated.Count == 0 ? null : rated.Average(r => r.Csat!.Value));
    }
}
