using CxBot.Surveys;

namespace CxBot.Analytics;

/// <summary>The headline figures of the CX dashboard, over the conversations a filter selects.</summary>
/// <param name="Conversations">Conversations that ended in the range.</param>
/// <param name="Rated">Of them, how many answered the satisfaction question.</param>
/// <param name="ResponseRate">Rated / conversations.</param>
/// <param name="Csat">Share of ratings that are 4 or 5 (the usual CSAT figure).</param>
/// <param name="CsatMean">Mean rating, 1–5.</param>
/// <param name="Containment">Share of conversations that ended without a person being asked for or involved.</param>
/// <param name="EscalationRate">1 − containment.</param>
/// <param name="EscalationReasons">How many escalations had each reason.</param>
/// <param name="MedianWaitSeconds">Median wait from joining the queue to an agent taking over.</param>
/// <param name="MedianFirstResponseSeconds">Median time from the customer's first message to the bot's first answer.</param>
/// <param name="SentimentShift">Mean of (sentiment of the last customer message − of the first), −2…2.</param>
public sealed record CxMetrics(
    int Conversations,
    int Rated,
    double? ResponseRate,
    double? Csat,
    double? CsatMean,
    double? Containment,
    double? EscalationRate,
    IReadOnlyDictionary<string, int> EscalationReasons,
    double? MedianWaitSeconds,
    double? MedianFirstResponseSeconds,
    double? SentimentShift,
    double? CesMean)
{
    public static CxMetrics From(IEnumerable<SurveyResponse> responses)
    {
        var all = responses.ToList();
        var rated = all.Where(r => r.Csat is not null).ToList();
        var contained = all.Count(r => r.EscalationReason is null);
        var shifts = all.Where(r => r.SentimentStart is not null && r.SentimentEnd is not null).Select(r => (double)(r.SentimentEnd!.Value - r.SentimentStart!.Value)).ToList();
        var efforts = all.Where(r => r.Ces is not null).Select(r => (double)r.Ces!.Value).ToList();
        return new CxMetrics(
            all.Count,
            rated.Count,
            Share(rated.Count, all.Count),
            Share(rated.Count(r => r.Csat >= 4), rated.Count),
            rated.Count == 0 ? null : rated.Average(r => r.Csat!.Value),
            Share(contained, all.Count),
            Share(all.Count - contained, all.Count),
            all.Where(r => r.EscalationReason is not null).GroupBy(r => r.EscalationReason!).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()),
            Median(all.Select(r => r.WaitSeconds)),
            Median(all.Select(r => r.FirstResponseSeconds)),
            shifts.Count == 0 ? null : shifts.Average(),
            efforts.Count == 0 ? null : efforts.Average());
    }

    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    public static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        if (sorted.Count == 0) return null;
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
