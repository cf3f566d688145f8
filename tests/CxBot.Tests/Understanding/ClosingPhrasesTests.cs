using CxBot.Understanding;

namespace CxBot.Tests.Understanding;

public sealed class ClosingPhrasesTests
{
    [Theory]
    [InlineData("ok thanks, bye!")]
    [InlineData("great, that's all I needed. bye!")]
    [InlineData("Thanks so much, have a good one 🙂")]
    [InlineData("that's all for now, thanks")]
    [InlineData("dzięki, to wszystko")]
    [InlineData("dziekuje to wszystko na dzis")]
    [InlineData("Jasne, dziękuję. Do widzenia")]
    [InlineData("super, milego dnia")]
    [InlineData("nie mam więcej pytań")]
    [InlineData("ok ttyl")]
    [InlineData("brilliant, that's me sorted")]
    [InlineData("ok dzięki, lecę")]
    [InlineData("Parcel locker it is then. Btw this chat is way quicker than calling, thanks! That's everything.")]
    [InlineData("Dobra, biorę paczkomat. Szybciej niż dzwonić na infolinię, serio dzięki. To wszystko!")]
    public void AClosingLine_Closes(string text) => Assert.True(ClosingPhrases.Close(text));

    [Theory]
    [InlineData("Ok, to wszystko jasne")]
    [InlineData("Dziękuję, to wszystko wyjaśnia")]
    [InlineData("Thanks for nothing. I'll see you in court.")]
    [InlineData("czy to wszystko, co macie w rozmiarze M?")]
    [InlineData("is that all the colours you have?")]
    [InlineData("I'm done with the bot, get me a person")]
    [InlineData("That's it! I want my money back")]
    [InlineData("bye the way, where is my order 12345")]
    [InlineData("na stronie nie ma nic więcej")]
    [InlineData("płatność nie działa na razie")]
    [InlineData("the box had nothing else")]
    [InlineData("I'm off work tomorrow so the courier can come any time")]
    [InlineData("lecę jutro do Oslo, zdążycie wysłać przed?")]
    [InlineData("I ordered the lamp two weeks ago and it still hasn't arrived. Nobody answers the phone. Bye bye money I guess")]
    [InlineData("The parcel arrived torn open and half the cups are missing. That's all I got from you.")]
    public void ALookalike_DoesNotClose(string text) => Assert.False(ClosingPhrases.Close(text));

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public void OnTheActCorpus_NoLineWithoutAGoodbye_Closes_AndMostGoodbyesDo(string language)
    {
        var lines = ActCorpus.Labelled(language, MessageActs.Goodbye);

        Assert.Empty(lines.Where(l => !l.Label && ClosingPhrases.Close(l.Text)).Select(l => l.Text));
        Assert.True(lines.Count(l => l.Label && ClosingPhrases.Close(l.Text)) >= 0.75 * lines.Count(l => l.Label));
    }
}
