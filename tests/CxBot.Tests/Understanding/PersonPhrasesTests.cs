using CxBot.Understanding;

namespace CxBot.Tests.Understanding;

public sealed class PersonPhrasesTests
{
    [Theory]
    [InlineData("We sent a wholesale enquiry two weeks ago, no reply so far. Could you please pass me on to whoever handles B2B accounts? Many thanks.")]
    [InlineData("can you put me through to someone from the returns team")]
    [InlineData("please transfer me to a real person")]
    [InlineData("connect me with your complaints department please")]
    [InlineData("Przekierujcie mnie do działu reklamacji, proszę")]
    [InlineData("czy możesz połączyć mnie z konsultantem?")]
    [InlineData("przekaż mnie komuś, kto się na tym zna")]
    [InlineData("I'd like to talk to whoever is in charge of invoices")]
    public void AskingToBePassedOn_IsRecognised(string text) => Assert.True(PersonPhrases.Ask(text));

    [Theory]
    [InlineData("can you send me the return label again?")]
    [InlineData("please connect my account with my loyalty card")]
    [InlineData("my husband will pass me the parcel tomorrow")]
    [InlineData("przekaż mi proszę numer przesyłki")]
    [InlineData("połącz zamówienia w jedną paczkę")]
    [InlineData("I will talk to my sister about the size")]
    public void ALookalike_IsNot(string text) => Assert.False(PersonPhrases.Ask(text));

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public void OnTheActCorpus_NoLineWithoutAPersonRequest_Asks(string language)
    {
        var lines = ActCorpus.Labelled(language, MessageActs.Person);

        Assert.Empty(lines.Where(l => !l.Label && PersonPhrases.Ask(l.Text)).Select(l => l.Text));
        Assert.True(lines.Count(l => l.Label && PersonPhrases.Ask(l.Text)) >= 5, $"{lines.Count(l => l.Label && PersonPhrases.Ask(l.Text))} requests matched");
    }
}
