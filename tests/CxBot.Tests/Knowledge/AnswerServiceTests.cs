using System.Text.Json;
using CxBot.Knowledge;

namespace CxBot.Tests.Knowledge;

/// <summary>Answering against the demo store's knowledge base and the team's held-out paraphrases.</summary>
public sealed class AnswerServiceTests
{
    private static readonly string[] RequiredIds =
    [
        "order-status", "delivery-time", "delivery-cost", "delivery-methods", "change-order", "cancel-order", "international-shipping",
        "damaged-parcel", "payment-methods", "payment-failed", "invoice", "refund-time", "returns", "return-cost", "complaints", "warranty",
        "exchange", "create-account", "reset-password", "delete-account", "change-account-data", "newsletter", "loyalty-program",
        "discount-code", "gift-card", "product-availability", "size-guide", "contact-hours", "store-locations", "privacy", "b2b",
    ];

    private readonly AnswerService _sut = TestKnowledge.DemoStore;

    [Fact]
    public void DemoStore_HasEveryRequiredArticle_InBothLanguages_WithoutProblems()
    {
        var knowledgeBase = _sut.KnowledgeBase;

        Assert.Empty(knowledgeBase.Problems);
        foreach (var id in RequiredIds)
        foreach (var language in new[] { "pl", "en" })
            Assert.Contains(knowledgeBase.Articles, a => a.Id == id && a.Language == language);
        Assert.True(knowledgeBase.Articles.Single(a => a.Id == "complaints" && a.Language == "pl").Escalate);
    }

    [Fact]
    public void SampleQuestions_RouteToTheirArticle()
    {
        // The index learns from these very questions, yet a sample question that also fits a neighbouring article well
        // (a fact two articles share) may rank it first: at most one in a hundred.
        var misses = new List<string>();
        var total = 0;
        foreach (var article in _sut.KnowledgeBase.Articles)
        foreach (var question in article.Questions)
        {
            total++;
            var match = _sut.KnowledgeBase.Match(question, article.Language, 3);
            if (match.Hits.FirstOrDefault().Label != article.Id)
                misses.Add($"{article.Id}/{article.Language}: {question} -> {match.Hits.FirstOrDefault().Label}");
        }

        Assert.True(misses.Count <= total / 100, $"{misses.Count} of {total}:\n" + string.Join('\n', misses));
    }

    [Theory]
    [InlineData("en", 0.95, 0.93, 0.90)]
    [InlineData("pl", 0.92, 0.86, 0.85)]
    public async Task BlindTestQuestions_MeetTheFloor_PerLanguage(string language, double minRankedFirst, double minTop1, double minAnsweredCorrectly)
    {
        // The test half of questions written without seeing the articles' sample questions (tests/data/kb-eval); the
        // calibration never saw them. Floors a little under the measured figures (README), so a regression fails here.
        var cases = File.ReadLines(Path.Combine(TestKnowledge.RepositoryRoot, "tests", "data", "kb-eval", "test.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("lang").GetString() == language)
            .Select(e => (Text: e.GetProperty("text").GetString()!,
                Expected: e.GetProperty("expected").ValueKind == JsonValueKind.Null ? null : e.GetProperty("expected").GetString()))
            .ToList();
        int inScope = 0, rankedFirst = 0, top1 = 0, answeredCorrectly = 0, answeredWrongly = 0, outOfScope = 0, rejected = 0;

        foreach (var (text, expected) in cases)
        {
            var answer = await _sut.AnswerAsync(text, language, default);
            if (expected is null)
            {
                outOfScope++;
                if (answer.Action == AnswerAction.Fallback) rejected++;
                continue;
            }

            inScope++;
            var first = answer.Candidates.FirstOrDefault()?.Id == expected;
            if (first) rankedFirst++;
            var right = first && answer.Action != AnswerAction.Fallback;
            if (right) top1++;
            if (answer.Action == AnswerAction.Answer) _ = right ? answeredCorrectly++ : answeredWrongly++;
        }

        Assert.True(inScope >= 700 && outOfScope >= 50, $"too few cases: {inScope} in scope, {outOfScope} out of scope");
        Assert.True(rankedFirst >= minRankedFirst * inScope, $"top-1 (ranked first) {(double)rankedFirst / inScope:P1}");
        Assert.True(top1 >= minTop1 * inScope, $"shown first {(double)top1 / inScope:P1}");
        Assert.True(answeredCorrectly >= minAnsweredCorrectly * inScope, $"answered correctly {(double)answeredCorrectly / inScope:P1}");
        Assert.True(answeredWrongly <= 0.03 * inScope, $"answered wrongly {(double)answeredWrongly / inScope:P1}");
        Assert.True(rejected >= 0.90 * outOfScope, $"off-topic rejected {(double)rejected / outOfScope:P1}");
    }

    [Theory]
    [InlineData("gdzie jest moja paczka", "pl", "order-status")]
    [InlineData("zwrot pieniedzy kiedy", "pl", "refund-time")]
    [InlineData("ile kosztuje wysylka", "pl", "delivery-cost")]
    [InlineData("I ordered a jacket on Monday and it still hasn't arrived, where is it?", "en", "order-status")]
    [InlineData("how do i get a vat invoice", "en", "invoice")]
    public async Task TypicalQuestions_AreAnswered_InTheCustomersLanguage(string text, string language, string expected)
    {
        var answer = await _sut.AnswerAsync(text, language == "pl" ? "en" : "pl", default);

        Assert.Equal(AnswerAction.Answer, answer.Action);
        Assert.Equal(expected, answer.Article!.Id);
        Assert.Equal(language, answer.Language);
        Assert.Equal(language, answer.Article.Language);
    }

    [Theory]
    [InlineData("what's the weather in Paris tomorrow")]
    [InlineData("ile wynosi pierwiastek z dwóch")]
    public async Task UnrelatedQuestions_AreNotAnswered(string text)
    {
        var answer = await _sut.AnswerAsync(text, "pl", default);

        Assert.Equal(AnswerAction.Fallback, answer.Action);
        Assert.Null(answer.Article);
    }

    [Theory]
    [InlineData("THIS IS RIDICULOUS, MY ORDER IS 3 WEEKS LATE!!! 😡")]
    [InlineData("gdzie jest paczka 📦🙄")]
    [InlineData("broken \ud83d surrogate")]
    [InlineData("ｆｕｌｌｗｉｄｔｈ ａｎｄ ﬁ ligature")]
    public async Task EmojiAndUnusualCharacters_AreAnswered_NotAnError(string text)
    {
        var answer = await _sut.AnswerAsync(text, "en", default);

        Assert.True(Enum.IsDefined(answer.Action));
    }
}
