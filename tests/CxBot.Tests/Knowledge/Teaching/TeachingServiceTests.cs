using CxBot.Knowledge;
using CxBot.Knowledge.Teaching;

namespace CxBot.Tests.Knowledge.Teaching;

/// <summary>Teaching through the real bot's services over the demo store, on the embedded store.</summary>
public sealed class TeachingServiceTests : IDisposable
{
    private const string DogFood = "do you sell dog food or cat litter";
    private readonly BotHost _host = new();

    [Fact]
    public async Task TeachingAQuestionAsAnArticle_AnswersItAtOnce_AndRevokingItUndoesThat()
    {
        var answers = _host.Get<AnswerService>();
        var sut = _host.Get<TeachingService>();
        Assert.NotEqual(AnswerAction.Answer, (await answers.AnswerAsync(DogFood, "en", default)).Action);

        var (taught, error) = await sut.TeachAsync([(DogFood, "en")], "product-availability", "lena", default);

        Assert.Null(error);
        var answer = await answers.AnswerAsync(DogFood, "en", default);
        Assert.Equal(AnswerAction.Answer, answer.Action);
        Assert.Equal("product-availability", answer.Article!.Id);

        Assert.NotNull(await sut.RevokeAsync(Assert.Single(taught).Id, "lena", default));
        Assert.NotEqual(AnswerAction.Answer, (await answers.AnswerAsync(DogFood, "en", default)).Action);
        Assert.Empty(await _host.Get<TeachingStore>().ListAsync(default));
    }

    [Fact]
    public async Task TeachingAQuestionAsOutOfScope_MakesTheBotSayItDoesNotKnow()
    {
        const string question = "how much would delivery to the moon cost";
        var answers = _host.Get<AnswerService>();
        Assert.NotEqual(AnswerAction.Fallback, (await answers.AnswerAsync(question, "en", default)).Action);

        await _host.Get<TeachingService>().TeachAsync([(question, "en")], KnowledgeBase.OutOfScopeLabel, "lena", default);

        Assert.Equal(AnswerAction.Fallback, (await answers.AnswerAsync(question, "en", default)).Action);
    }

    [Fact]
    public async Task EveryTeachAction_IsLogged_WithWhoAndWhen_AndTheVersionChanges()
    {
        var store = _host.Get<TeachingStore>();
        var sut = _host.Get<TeachingService>();
        var before = await store.VersionAsync(default);

        var (taught, _) = await sut.TeachAsync([(DogFood, "en"), ("czy macie karmę dla psa", "pl")], "product-availability", "lena", default);
        await sut.RevokeAsync(taught[0].Id, "marek", default);

        var log = await store.ListLogAsync(default);
        Assert.Equal(3, log.Count);
        Assert.Equal(2, log.Count(e => e is { Action: "taught", By: "lena", ArticleId: "product-availability" }));
        Assert.Contains(log, e => e is { Action: "revoked", By: "marek", Text: DogFood });
        Assert.All(log, e => Assert.True(e.At > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.NotEqual(before, await store.VersionAsync(default));
        Assert.Equal("czy macie karmę dla psa", Assert.Single(_host.Get<KnowledgeBaseProvider>().Current.Taught).Text);
    }

    [Theory]
    [InlineData("no-such-article", "en", "some question", "no article 'no-such-article'")]
    [InlineData("returns", "de", "some question", "not a supported language")]
    [InlineData("returns", "en", "   ", "empty")]
    public async Task BadTeaching_IsRefused_WithAClearError_AndStoresNothing(string article, string language, string text, string expected)
    {
        var (taught, error) = await _host.Get<TeachingService>().TeachAsync([(text, language)], article, "lena", default);

        Assert.Empty(taught);
        Assert.Contains(expected, error);
        Assert.Empty(await _host.Get<TeachingStore>().ListAsync(default));
    }

    [Fact]
    public async Task TeachingTheSameQuestionTwice_StoresItOnce()
    {
        var sut = _host.Get<TeachingService>();
        await sut.TeachAsync([(DogFood, "en")], "product-availability", "lena", default);

        var (again, error) = await sut.TeachAsync([(DogFood, "en")], "product-availability", "lena", default);

        Assert.Null(error);
        Assert.Empty(again);
        Assert.Single(await _host.Get<TeachingStore>().ListAsync(default));
    }

    public void Dispose() => _host.Dispose();
}
