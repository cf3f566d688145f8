using CxBot.Understanding;

namespace CxBot.Tests.Understanding;

public sealed class CorrectionPhrasesTests
{
    [Theory]
    [InlineData("that's not what I meant. I have the tracking number, it just doesn't work on the DPD site", "I have the tracking number")]
    [InlineData("No, that's not what I asked", "")]
    [InlineData("you don't understand, I paid and it still says unpaid", "I paid and it still says unpaid")]
    [InlineData("Nie o to mi chodziło. Paczka przyszła, ale bez paragonu", "Paczka przyszła")]
    [InlineData("nie o to pytalam, chodzi o fakture", "chodzi o fakture")]
    [InlineData("you still don't get it. the parcel is already with the courier", "the parcel is already with the courier")]
    [InlineData("ale nie to mialem na mysli", "")]
    [InlineData("still not it. can i USE a gift card in a shop, yes or no", "can i USE a gift card in a shop")]
    [InlineData("Nadal nie to, chodzi o zwrot w sklepie", "chodzi o zwrot w sklepie")]
    [InlineData("Źle mnie zrozumiałeś - kurtka jest dobra, tylko nie przyszła", "kurtka jest dobra")]
    public void ACorrection_Opens_AndKeepsWhatFollows(string text, string restStart)
    {
        Assert.True(CorrectionPhrases.Opens(text, out var rest));
        Assert.StartsWith(restStart, rest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I paid but you don't understand how annoying this is")]
    [InlineData("what I meant to ask is whether you ship to Norway")]
    [InlineData("my wife said that's not what I ordered")]
    [InlineData("to nie to samo co rozmiar M?")]
    [InlineData("czy to nie jest za drogo?")]
    [InlineData("where is my order? that's not it I think")]
    public void ALookalike_DoesNotOpen(string text) => Assert.False(CorrectionPhrases.Opens(text));

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public void OnTheActCorpus_NoLineWithoutNotUnderstood_Opens(string language)
    {
        var lines = ActCorpus.Labelled(language, MessageActs.NotUnderstood);

        Assert.Empty(lines.Where(l => !l.Label && CorrectionPhrases.Opens(l.Text)).Select(l => l.Text));
        Assert.True(lines.Count(l => l.Label && CorrectionPhrases.Opens(l.Text)) >= 10);
    }
}
