using CxBot.Handoff;

namespace CxBot.Analytics;

/// <summary>
/// Is the bot's judgement drifting? The rates of unnecessary and late handoffs as agents graded them, overall, by the
/// bot's reason for handing over, and per day or week, with the latest handoffs graded unnecessary or late to read.
/// </summary>
/// <param name="Total">Every handoff in the filter.</param>
/// <param name="Reasons">By the reason the bot handed over, most frequent first.</param>
/// <param name="Trend">Per day, or per ISO week, of the handoff, in order.</param>
/// <param name="Latest">The most recently graded unnecessary or late handoffs, newest first.</param>
public sealed record HandoffGradeFigures(
    HandoffGradeSlice Total,
    IReadOnlyList<HandoffGradeSlice> Reasons,
    IReadOnlyList<HandoffGradeSlice> Trend,
    IReadOnlyList<HandledHandoff> Latest)
{
    /// <summary>Figures over the handoffs whose hand-over day (UTC) and language the filter selects.</summary>
    public static HandoffGradeFigures From(IEnumerable<HandledHandoff> handled, CxFilter filter, bool weekly, int latest = 10)
    {
        // One handoff however many agents took part in it (a transfer): it carries the latest grade any of them gave.
        var handoffs = handled
            .GroupBy(h => (h.ConversationId, h.HandedOverAt))
            .Select(g => g.Where(h => h.Grade is not null).MaxBy(h => h.GradedAt) ?? g.MinBy(h => h.AcceptedAt)!)
            .Where(h => Selects(filter, h))
            .ToList();
        return new HandoffGradeFigures(
            HandoffGradeSlice.Of("all", handoffs),
            [.. handoffs.GroupBy(h => h.Reason).Select(g => HandoffGradeSlice.Of(g.Key, [.. g]))
                .OrderByDescending(s => s.Handoffs).ThenBy(s => s.Key, StringComparer.Ordinal)],
            [.. handoffs.GroupBy(h => CsatBreakdown.Period(h.HandedOverAt, weekly)).Select(g => HandoffGradeSlice.Of(g.Key, [.. g]))
                .OrderBy(s => s.Key, StringComparer.Ordinal)],
            [.. handoffs.Where(h => h.Grade is HandoffGrades.NotNeeded or HandoffGrades.TooLate).OrderByDescending(h => h.GradedAt).Take(latest)]);
    }

    private static bool Selects(CxFilter filter, HandledHandoff handoff)
    {
        var day = DateOnly.FromDateTime(handoff.HandedOverAt.UtcDateTime);
        return (filter.From is null || day >= filter.From) && (filter.To is null || day <= filter.To)
            && (string.IsNullOrEmpty(filter.Language) || handoff.Language == filter.Language);
    }
}
