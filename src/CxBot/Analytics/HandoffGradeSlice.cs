using CxBot.Handoff;

namespace CxBot.Analytics;

/// <summary>Agents' grades of one slice of handoffs: all of them, one reason, or one day or week.</summary>
/// <param name="Handoffs">Handoffs an agent took over.</param>
/// <param name="Graded">Of them, how many an agent graded.</param>
/// <param name="GradedShare">Graded / handoffs: how much the rates rest on.</param>
/// <param name="NotNeededRate">Share of graded handoffs an agent found unnecessary.</param>
/// <param name="TooLateRate">Share of graded handoffs that should have come sooner.</param>
public sealed record HandoffGradeSlice(
    string Key,
    int Handoffs,
    int Graded,
    int RightCall,
    int NotNeeded,
    int TooLate,
    double? GradedShare,
    double? NotNeededRate,
    double? TooLateRate)
{
    public static HandoffGradeSlice Of(string key, IReadOnlyCollection<HandledHandoff> handoffs)
    {
        var graded = handoffs.Count(h => h.Grade is not null);
        var notNeeded = handoffs.Count(h => h.Grade == HandoffGrades.NotNeeded);
        var tooLate = handoffs.Count(h => h.Grade == HandoffGrades.TooLate);
        return new HandoffGradeSlice(key, handoffs.Count, graded, handoffs.Count(h => h.Grade == HandoffGrades.RightCall), notNeeded, tooLate,
            CxMetrics.Share(graded, handoffs.Count), CxMetrics.Share(notNeeded, graded), CxMetrics.Share(tooLate, graded));
    }
}
