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
    public async Task EverySampleQuestion_RoutesToItsArticle()
    {
        var misses = new List<string>();
        foreach (var article in _sut.KnowledgeBase.Articles)
        foreach (var question in article.Questions)
        {
            var answer = await _sut.AnswerAsync(question, article.Language, default);
            if (answer.Candidates.FirstOrDefault()?.Id != article.Id || answer.Action == AnswerAction.Fallback)
                misses.Add($"{article.Id}/{article.Language}: {question} -> {answer.Action} {answer.Candidates.FirstOrDefault()?.Id}");
        }

        Assert.True(misses.Count == 0, string.Join('\n', misses));
    }

    [Fact]
    public async Task HeldOutParaphrases_Score90PercentTop1_And85PercentOutOfScopeRejection()
    {
        var cases = File.ReadLines(Path.Combine(TestKnowledge.RepositoryRoot, "tests", "data", "kb-paraphrases.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Text: e.GetProperty("text").GetString()!, Lang: e.GetProperty("lang").GetString()!,
                Expected: e.GetProperty("expected").ValueKind == JsonValueKind.Null ? null : e.GetProperty("expected").GetString()))
            .ToList();
        int inScope = 0, top1 = 0, outOfScope = 0, rejected = 0;

        foreach (var (text, lang, expected) in cases)
        {
            var answer = await _sut.AnswerAsync(text, lang, default);
            if (expected is null)
            {
                outOfScope++;
                if (answer.Action == AnswerAction.Fallback) rejected++;
            }
            else
            {
                inScope++;
                if (answer.Candidates.FirstOrDefault()?.Id == expected && answer.Action != AnswerAction.Fallback) top1++;
            }
        }

        Assert.True(inScope >= 31 * 2 * 8 && outOfScope >= 40, $"too few cases: {inScope} in scope, {outOfScope} out of scope");
        Assert.True(top1 >= 0.90 * inScope, $"top-1 {top1}/{inScope} = {(double)top1 / inScope:P1}");
        Assert.True(rejected >= 0.85 * outOfScope, $"out-of-scope rejection {rejected}/{outOfScope} = {(double)rejected / outOfScope:P1}");
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

    [Fact]
    public async Task AskingForAPerson_IsAHandoff_NotASearch()
    {
        var answer = await _sut.AnswerAsync("czy moge porozmawiac z czlowiekiem", "pl", default);

        Assert.Equal(AnswerAction.Handoff, answer.Action);
    }
}
