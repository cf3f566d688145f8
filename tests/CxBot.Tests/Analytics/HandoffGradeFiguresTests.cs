using CxBot.Analytics;
using CxBot.Handoff;

namespace CxBot.Tests.Analytics;

/// <summary>The handoff-judgement formulas on known grades: each assertion fails if a formula changes.</summary>
public sealed class HandoffGradeFiguresTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<HandledHandoff> Known =
    [
        Handled("a", Monday, "pl", HandoffReason.CustomerRequest, HandoffGrades.NotNeeded),
        Handled("b", Monday, "pl", HandoffReason.CustomerRequest, HandoffGrades.RightCall),
        Handled("c", Monday.AddDays(1), "en", HandoffReason.Frustration, HandoffGrades.TooLate),
        Handled("d", Monday.AddDays(1), "en", HandoffReason.Frustration, grade: null),
        Handled("e", Monday.AddDays(8), "pl", HandoffReason.CustomerRequest, HandoffGrades.NotNeeded),
        Handled("f", Monday.AddDays(8), "pl", HandoffReason.Safety, HandoffGrades.RightCall),
        // Transferred: Anna graded it "too late", then Piotr, who took it over, "not needed" later: one handoff, Piotr's grade.
        Handled("g", Monday.AddDays(9), "en", HandoffReason.RepeatedFailure, HandoffGrades.TooLate, agent: "anna", gradedAfter: 10),
        Handled("g", Monday.AddDays(9), "en", HandoffReason.RepeatedFailure, HandoffGrades.NotNeeded, agent: "piotr", gradedAfter: 30),
    ];

    [Fact]
    public void Rates_AreSharesOfTheGradedHandoffs_AndGradedIsAShareOfAll()
    {
        var sut = HandoffGradeFigures.From(Known, CxFilter.All, weekly: false).Total;

        Assert.Equal((7, 6), (sut.Handoffs, sut.Graded));                // g once; d ungraded
        Assert.Equal((2, 3, 1), (sut.RightCall, sut.NotNeeded, sut.TooLate));
        Assert.Equal(6 / 7.0, sut.GradedShare!.Value, 6);
        Assert.Equal(3 / 6.0, sut.NotNeededRate!.Value, 6);               // a, e, g (Piotr's later grade)
        Assert.Equal(1 / 6.0, sut.TooLateRate!.Value, 6);                 // c
    }

    [Fact]
    public void ByReason_MostFrequentFirst()
    {
        var sut = HandoffGradeFigures.From(Known, CxFilter.All, weekly: false).Reasons;

        Assert.Equal(["customer-request", "frustration", "repeated-failure", "safety"], sut.Select(s => s.Key));
        var request = sut[0];
        Assert.Equal((3, 3, 2 / 3.0, 0.0), (request.Handoffs, request.Graded, request.NotNeededRate!.Value, request.TooLateRate!.Value));
        var frustration = sut[1];
        Assert.Equal((2, 1, 0.5, 1.0), (frustration.Handoffs, frustration.Graded, frustration.GradedShare!.Value, frustration.TooLateRate!.Value));
    }

    [Fact]
    public void Trend_PerDayOrIsoWeek_OfTheHandoff()
    {
        var daily = HandoffGradeFigures.From(Known, CxFilter.All, weekly: false).Trend;
        var weekly = HandoffGradeFigures.From(Known, CxFilter.All, weekly: true).Trend;

        Assert.Equal(["2026-11-16", "2026-11-17", "2026-11-24", "2026-11-25"], daily.Select(s => s.Key));
        Assert.Equal(["2026-W47", "2026-W48"], weekly.Select(s => s.Key));
        Assert.Equal((4, 3, 1 / 3.0, 1 / 3.0), (weekly[0].Handoffs, weekly[0].Graded, weekly[0].NotNeededRate!.Value, weekly[0].TooLateRate!.Value));
        Assert.Equal((3, 3, 2 / 3.0, 0.0), (weekly[1].Handoffs, weekly[1].Graded, weekly[1].NotNeededRate!.Value, weekly[1].TooLateRate!.Value));
    }

    [Fact]
    public void Filter_SelectsByTheDayOfTheHandoff_AndItsLanguage()
    {
        var secondWeekPolish = HandoffGradeFigures.From(Known, new CxFilter(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 30), "pl"), weekly: false);
        var nothing = HandoffGradeFigures.From(Known, new CxFilter(new DateOnly(2027, 1, 1), null, null), weekly: false);

        Assert.Equal((2, 2, 0.5), (secondWeekPolish.Total.Handoffs, secondWeekPolish.Total.Graded, secondWeekPolish.Total.NotNeededRate!.Value));
        Assert.Equal(["e"], secondWeekPolish.Latest.Select(h => h.ConversationId));
        Assert.Equal((0, null, null), (nothing.Total.Handoffs, nothing.Total.GradedShare, nothing.Total.NotNeededRate));
        Assert.Empty(nothing.Trend);
    }

    [Fact]
    public void Latest_AreTheUnnecessaryAndLateHandoffs_MostRecentlyGradedFirst()
    {
        var sut = HandoffGradeFigures.From(Known, CxFilter.All, weekly: false, latest: 3).Latest;

        Assert.Equal([("g", "piotr"), ("e", "anna"), ("c", "anna")], sut.Select(h => (h.ConversationId, h.AgentId)));
    }

    private static HandledHandoff Handled(string id, DateTimeOffset at, string language, string reason, string? grade, string agent = "anna", int gradedAfter = 15) =>
        new(id, agent, agent == "anna" ? "Anna" : "Piotr", language, reason, at, at.AddMinutes(3), grade, grade is null ? null : at.AddMinutes(gradedAfter));
}
