using CxBot.Knowledge.Retrieval;

namespace CxBot.Tests.Knowledge.Retrieval;

/// <summary>How calibration counts what it decides: top-1 is the right article ranked first, whatever is then done with it.</summary>
public sealed class CalibratorTests
{
    // Lexical-only components (no embeddings): the blended score is the lexical score, and with no confidence weights the
    // confidence is the first article's score.
    private static readonly LanguageCalibration Lexical = new() { AnswerConfidence = 0.6, AnswerMargin = 0.1, ClarifyConfidence = 0.3 };

    private static Calibrator.Case Case(int expected, params float[] lexical) =>
        new(new LabelComponents(lexical, new float[lexical.Length], new float[lexical.Length], null), expected);

    [Fact]
    public void RightArticleFirst_ButUnderTheIDontKnowThreshold_CountsAsTop1_NotAsShownFirst()
    {
        Calibrator.Case[] cases =
        [
            Case(0, 0.9f, 0.1f),  // answered correctly
            Case(1, 0.2f, 0.1f),  // wrong article first, under every threshold: a fallback
            Case(0, 0.25f, 0.1f), // right article first, under the clarify threshold: "I don't know"
            Case(1, 0.4f, 0.35f), // wrong first, between the thresholds: asked about
            Case(-1, 0.1f, 0.05f), // off-topic, rejected
            Case(-1, 0.95f, 0.1f), // off-topic, answered
        ];

        var figures = Calibrator.Count(cases, Lexical);

        Assert.Equal(4, figures.InScope);
        Assert.Equal(2, figures.RankedFirst);
        Assert.Equal(1, figures.Top1);
        Assert.Equal(1, figures.AnsweredCorrectly);
        Assert.Equal(0, figures.AnsweredWrongly);
        Assert.Equal(2, figures.OutOfScope);
        Assert.Equal(1, figures.Rejected);
        Assert.Contains("top-1 50.0 % (shown first 25.0 %)", figures.ToString());
    }

    [Fact]
    public void Calibrate_PlacesTheIDontKnowThreshold_AboveEnoughOffTopicQuestions()
    {
        var cases = new List<Calibrator.Case>();
        for (var i = 0; i < 20; i++) cases.Add(Case(i % 2, i % 2 == 0 ? 0.8f + i / 100f : 0.1f, i % 2 == 0 ? 0.1f : 0.7f + i / 100f));
        for (var i = 0; i < 20; i++) cases.Add(Case(-1, 0.2f + i / 100f, 0.1f));

        var calibration = new Calibrator { MinRejected = 0.9, MaxWrong = 0 }.Calibrate(cases, semantic: false);
        var figures = Calibrator.Count(cases, calibration);

        Assert.True(figures.Rejected >= 18, $"rejected {figures.Rejected} of 20");
        Assert.Equal(20, figures.AnsweredCorrectly);
        Assert.Equal(0, figures.AnsweredWrongly);
    }
}
