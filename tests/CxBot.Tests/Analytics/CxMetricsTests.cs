using CxBot.Analytics;
using CxBot.Surveys;

namespace CxBot.Tests.Analytics;

/// <summary>The dashboard's formulas on known data: each assertion fails if a formula changes.</summary>
public sealed class CxMetricsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<SurveyResponse> Known =
    [
        Response("a", Monday, "pl", csat: 5, agent: null, reason: null, start: -0.2f, end: 0.6f, firstResponse: 1, articles: ["returns"]),
        Response("b", Monday, "pl", csat: 4, agent: null, reason: null, start: 0f, end: 0.2f, firstResponse: 2, articles: ["returns", "refund-time"]),
        Response("c", Monday.AddDays(1), "en", csat: 2, agent: "Anna", reason: "frustration", start: -0.8f, end: -0.4f, firstResponse: 3, wait: 60, articles: ["order-status"]),
        Response("d", Monday.AddDays(1), "en", csat: null, agent: null, reason: null, start: 0.1f, end: 0.1f, firstResponse: 4, articles: []),
        Response("e", Monday.AddDays(8), "pl", csat: 1, agent: "Anna", reason: "customer-request", start: -0.5f, end: -0.9f, firstResponse: 5, wait: 180, articles: []),
        Response("f", Monday.AddDays(8), "pl", csat: 3, agent: null, reason: "customer-request", start: null, end: null, firstResponse: null, wait: null, articles: []),
    ];

    [Fact]
    public void Headline_Figures()
    {
        var sut = CxMetrics.From(Known);

        Assert.Equal(6, sut.Conversations);
        Assert.Equal(5, sut.Rated);
        Assert.Equal(5 / 6.0, sut.ResponseRate!.Value, 6);
        Assert.Equal(2 / 5.0, sut.Csat!.Value, 6);                  // 5 and 4 of 5, 4, 2, 1, 3
        Assert.Equal(3.0, sut.CsatMean!.Value, 6);                   // (5+4+2+1+3)/5
        Assert.Equal(3 / 6.0, sut.Containment!.Value, 6);            // a, b, d
        Assert.Equal(3 / 6.0, sut.EscalationRate!.Value, 6);
        Assert.Equal(new Dictionary<string, int> { ["customer-request"] = 2, ["frustration"] = 1 }, sut.EscalationReasons);
        Assert.Equal(120, sut.MedianWaitSeconds);                    // median of 60 and 180
        Assert.Equal(3, sut.MedianFirstResponseSeconds);             // 1 2 3 4 5
        Assert.Equal((0.8 + 0.2 + 0.4 + 0 - 0.4) / 5, sut.SentimentShift!.Value, 5);
    }

    [Fact]
    public void Breakdown_BotVersusAgent_AndByArticle()
    {
        var byResolution = CsatBreakdown.By(Known, r => [r.ResolvedBy]);
        var byArticle = CsatBreakdown.By(Known, r => r.Articles);

        var bot = byResolution.Single(s => s.Key == "bot");
        var agent = byResolution.Single(s => s.Key == "agent");
        Assert.Equal((4, 3, 2 / 3.0), (bot.Conversations, bot.Rated, bot.Csat!.Value));
        Assert.Equal((2, 2, 0.0, 1.5), (agent.Conversations, agent.Rated, agent.Csat!.Value, agent.Mean!.Value));
        Assert.Equal((2, 4.5), (byArticle.Single(s => s.Key == "returns").Conversations, byArticle.Single(s => s.Key == "returns").Mean!.Value));
    }

    [Fact]
    public void Trend_PerDayAndPerIsoWeek()
    {
        var daily = CsatBreakdown.Trend(Known, weekly: false);
        var weekly = CsatBreakdown.Trend(Known, weekly: true);

        Assert.Equal(["2026-11-16", "2026-11-17", "2026-11-24"], daily.Select(s => s.Key));
        Assert.Equal(["2026-W47", "2026-W48"], weekly.Select(s => s.Key));
        Assert.Equal(2 / 3.0, weekly[0].Csat!.Value, 6);              // 5, 4, 2
        Assert.Equal(0.0, weekly[1].Csat!.Value, 6);                  // 1, 3
    }

    [Fact]
    public void Filter_ByDateRangeAndLanguage()
    {
        var filter = new CxFilter(new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 30), "pl");

        Assert.Equal(["e", "f"], Known.Where(filter.Matches).Select(r => r.ConversationId));
    }

    [Fact]
    public void GapClusters_GroupTheSameQuestion_MostAskedFirst()
    {
        KnowledgeGap Gap(string text, string lang = "pl") => new(Guid.NewGuid().ToString(), "c", text, lang, Monday);
        var clusters = GapClusters.From(
        [
            Gap("czy mogę zapłacić kryptowalutą"), Gap("płatność kryptowalutami bitcoin"), Gap("czy przyjmujecie bitcoin kryptowaluta"),
            Gap("do you sell car tyres", "en"), Gap("car tyres for sale?", "en"),
            Gap("jaka pogoda jutro"),
        ]);

        Assert.Equal([3, 2, 1], clusters.Select(c => c.Count));
        Assert.Contains("kryptowalut", clusters[0].Label);
        Assert.Equal(["en"], clusters[1].Languages);
    }

    private static SurveyResponse Response(string id, DateTimeOffset ended, string language, int? csat, string? agent, string? reason,
        float? start, float? end, double? firstResponse, double? wait = null, string[]? articles = null) =>
        new(id, ended.AddMinutes(-5), ended, language, agent is null ? "bot" : "agent", "customer", agent, articles ?? [], reason, 3,
            csat, null, null, start, end, firstResponse, wait, 300);
}
