using CxBot.Handoff;
using CxBot.Surveys;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Surveys;

/// <summary>The survey is asked exactly once on every way a conversation ends, and never where it would interrupt.</summary>
public sealed class SurveyFlowTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly BotHost _bot;

    public SurveyFlowTests() => _bot = new BotHost(time: _time);

    [Fact]
    public async Task Goodbye_AsksOnce_ThenComment_ThenThanks_AndStoresTheFacts()
    {
        var conversation = await _bot.StartAsync("en-US");
        await _bot.SayAsync(conversation, "how much is delivery");
        await _bot.SayAsync(conversation, "thanks, that's all");
        await _bot.SayAsync(conversation, "5");
        await _bot.SayAsync(conversation, "Quick and clear, thank you");
        await _bot.SayAsync(conversation, "bye");

        var replies = await _bot.RepliesAsync(conversation);
        Assert.Equal(1, replies.Count(r => r == TestTexts.English["survey_satisfaction"]));
        Assert.Contains(TestTexts.English["survey_comment"], replies);
        Assert.Contains(TestTexts.English["survey_thank_you"], replies);
        var response = Assert.Single(await _bot.Get<CxBot.Analytics.ICxFigures>().ResponsesAsync(CxBot.Analytics.CxFilter.All, null, default));
        Assert.Equal((5, "Quick and clear, thank you", "bot", "en"), (response.Csat, response.Comment, response.ResolvedBy, response.Language));
        Assert.Contains("delivery-cost", response.Articles);
        Assert.NotNull(response.FirstResponseSeconds);
        Assert.NotNull(response.SentimentStart);
    }

    [Fact]
    public async Task UnansweredQuestions_AreKnowledgeGaps_ButOutburstsAreNot()
    {
        var conversation = await _bot.StartAsync("pl-PL");
        await _bot.SayAsync(conversation, "jaka będzie jutro pogoda");
        await _bot.SayAsync(conversation, "CZEKAM JUŻ 2 TYGODNIE!!! KPINA");

        var gap = Assert.Single(await _bot.Get<SurveyStore>().ListGapsAsync(CxBot.Analytics.CxFilter.All, default));
        Assert.Equal(("jaka będzie jutro pogoda", "pl"), (gap.Text, gap.Language));
    }

    [Fact]
    public async Task EndChat_AsksTheSurvey_AndTypedWordsAreUnderstood()
    {
        var conversation = await _bot.StartAsync("pl-PL");
        await _bot.SayAsync(conversation, "ile mam dni na zwrot");
        await _bot.SayAsync(conversation, TestTexts.Polish["end_chat"]);
        await _bot.SayAsync(conversation, "bardzo dobrze");
        await _bot.SayAsync(conversation, TestTexts.Polish["survey_skip"]);

        var response = Assert.Single(await _bot.Get<CxBot.Analytics.ICxFigures>().ResponsesAsync(CxBot.Analytics.CxFilter.All, null, default));
        Assert.Equal(5, response.Csat);
        Assert.Null(response.Comment);
        Assert.Equal(1, (await _bot.RepliesAsync(conversation)).Count(r => r == TestTexts.Polish["survey_satisfaction"]));
    }

    [Fact]
    public async Task AgentEnds_AsksSatisfactionThenEffort_LowEffortOffersAFollowUpTicket()
    {
        _bot.Get<AgentRegistry>().Connected("anna", "Anna", 3);
        var conversation = await _bot.StartAsync("pl-PL");
        await _bot.SayAsync(conversation, "konsultant");
        _bot.Get<AgentRegistry>().TryAssign("anna", conversation.Id);
        await _bot.AgentAsync(conversation, AgentEvents.Accept);
        await _bot.AgentAsync(conversation, AgentEvents.Message, "Już sprawdzam.");
        await _bot.AgentAsync(conversation, AgentEvents.End);
        await _bot.SayAsync(conversation, "2");
        await _bot.SayAsync(conversation, "1");
        await _bot.SayAsync(conversation, TestTexts.Polish["survey_follow_up_yes"]);
        await _bot.SayAsync(conversation, "Długo czekałem");

        var replies = await _bot.RepliesAsync(conversation);
        Assert.Equal(1, replies.Count(r => r == TestTexts.Polish["survey_satisfaction"]));
        Assert.Contains(TestTexts.Polish["survey_effort"], replies);
        Assert.Contains(TestTexts.Polish["survey_offer_follow_up"], replies);
        var response = Assert.Single(await _bot.Get<CxBot.Analytics.ICxFigures>().ResponsesAsync(CxBot.Analytics.CxFilter.All, null, default));
        Assert.Equal((2, 1, "agent", "Anna", "agent"), (response.Csat, response.Ces, response.ResolvedBy, response.Agent, response.EndedBy));
        Assert.Equal(HandoffReason.CustomerRequest, response.EscalationReason);
        Assert.Contains(await _bot.Get<TicketStore>().ListOpenAsync(default), t => t.Reason == "low-effort-score" && t.ConversationId == conversation.Id);
    }

    [Fact]
    public async Task Inactivity_EndsAndSurveys_ButNeverAnAgentsChat()
    {
        _bot.Get<AgentRegistry>().Connected("anna", "Anna", 3);
        var idle = await _bot.StartAsync("en-US");
        await _bot.SayAsync(idle, "do you ship to Germany?");
        var withAgent = await _bot.StartAsync("en-US");
        await _bot.SayAsync(withAgent, "agent please");
        _bot.Get<AgentRegistry>().TryAssign("anna", withAgent.Id);
        await _bot.AgentAsync(withAgent, AgentEvents.Accept);

        _time.Advance(TimeSpan.FromMinutes(20));
        await _bot.Get<InactivityMonitor>().SweepAsync(default);
        await _bot.Get<CxBot.Turns.TurnDispatcher>().DrainAsync();

        Assert.Contains(TestTexts.English["survey_satisfaction"], await _bot.RepliesAsync(idle));
        Assert.DoesNotContain(TestTexts.English["survey_satisfaction"], await _bot.RepliesAsync(withAgent));
        var response = Assert.Single(await _bot.Get<CxBot.Analytics.ICxFigures>().ResponsesAsync(CxBot.Analytics.CxFilter.All, null, default));
        Assert.Equal("inactivity", response.EndedBy);
    }

    [Fact]
    public async Task IgnoringTheSurvey_GetsAnAnswer_AndIsNeverAskedAgain()
    {
        var conversation = await _bot.StartAsync("en-US");
        await _bot.SayAsync(conversation, "bye");
        await _bot.SayAsync(conversation, "actually, how do I reset my password?");
        await _bot.SayAsync(conversation, "thanks, bye");

        var transcript = await _bot.TranscriptAsync(conversation);
        Assert.Equal(1, transcript.Count(a => a.Text == TestTexts.English["survey_satisfaction"]));
        Assert.Contains(transcript, a => a.ChannelData is { } data && data.TryGetProperty("cxbot", out var cxbot)
            && cxbot.TryGetProperty("articleId", out var article) && article.GetString() == "reset-password");
    }

    public void Dispose() => _bot.Dispose();
}
