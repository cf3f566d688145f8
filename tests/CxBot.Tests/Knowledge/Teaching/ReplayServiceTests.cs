using CxBot.Knowledge.Replay;
using CxBot.Knowledge.Teaching;
using CxBot.Surveys;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Knowledge.Teaching;

/// <summary>Questions recorded by real turns, replayed before and after a lead teaches.</summary>
public sealed class ReplayServiceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly BotHost _host;

    public ReplayServiceTests() => _host = new BotHost(time: _time);

    [Fact]
    public async Task Replay_CountsBeforeAndAfter_AndNamesTheArticleThatNowAnswers()
    {
        var conversation = await _host.StartAsync("en-US");
        await _host.SayAsync(conversation, "do you sell dog food or cat litter");
        _time.Advance(TimeSpan.FromDays(3));
        await _host.SayAsync(conversation, "what will the weather be like tomorrow in Paris");
        await _host.SayAsync(conversation, "where is my parcel");
        var recorded = await _host.Get<SurveyStore>().ListGapsAsync(CxBot.Analytics.CxFilter.All, default);
        Assert.Equal(2, recorded.Count(g => g.IsFallback));
        Assert.DoesNotContain(recorded, g => g.Text == "where is my parcel");
        var sut = _host.Get<ReplayService>();

        var before = await sut.ReplayAsync(null, null, null, default);
        await _host.Get<TeachingService>().TeachAsync([("do you sell dog food or cat litter", "en")], "product-availability", "lena", default);
        var after = await sut.ReplayAsync(null, null, null, default);
        var lastDays = await sut.ReplayAsync(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 5), "en", default);

        Assert.Equal(2, before.Total);
        Assert.Equal(2, before.Before["fallback"]);
        Assert.Equal(0, before.NowAnswered);
        Assert.Equal(1, after.NowAnswered);
        Assert.Equal(("product-availability", 1), (Assert.Single(after.ByArticle).ArticleId, after.ByArticle[0].Count));
        var item = after.Items.Single(i => i.Text == "do you sell dog food or cat litter");
        Assert.Equal(("fallback", "answer", "product-availability"), (item.Before, item.After, item.AfterArticleId));
        Assert.Equal("fallback", after.Items.Single(i => i.Text.Contains("weather")).After);
        Assert.Equal("what will the weather be like tomorrow in Paris", Assert.Single(lastDays.Items).Text);
        Assert.Empty((await sut.ReplayAsync(null, null, "pl", default)).Items);
    }

    [Fact]
    public async Task ClarificationsAndConfirmations_AreRecordedWithTheirDecision_AnswersAreNot()
    {
        var store = _host.Get<SurveyStore>();
        var answers = _host.Get<CxBot.Knowledge.AnswerService>();
        var answer = await answers.AnswerAsync("where is my parcel", "en", default);
        var unsure = answer with { Action = CxBot.Knowledge.AnswerAction.Confirm };

        await store.RecordUnansweredAsync("a1", "c1", "where is my parcel", answer, _time.GetUtcNow(), default);
        await store.RecordUnansweredAsync("a2", "c1", "parcel?", unsure, _time.GetUtcNow(), default);
        await store.RecordUnansweredAsync("a3", "c1", "hmm parcel", unsure with { Action = CxBot.Knowledge.AnswerAction.Clarify }, _time.GetUtcNow(), default);

        var recorded = await store.ListGapsAsync(CxBot.Analytics.CxFilter.All, default);
        Assert.Equal(["a2", "a3"], recorded.Select(g => g.ActivityId).Order());
        Assert.Equal("confirm", recorded.Single(g => g.ActivityId == "a2").Action);
        Assert.Equal("order-status", recorded.Single(g => g.ActivityId == "a2").ArticleId);
        Assert.False(recorded.Single(g => g.ActivityId == "a3").IsFallback);
    }

    public void Dispose() => _host.Dispose();
}
