using CxBot.Understanding;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Understanding;

/// <summary>
/// The shipped message-act model on messages written for this test (not taken from data/acts), per language; a Polish
/// message is read together with its English reading.
/// </summary>
public sealed class MessageReaderTests
{
    private static readonly MessageReader Reader = new(Options.Create(new UnderstandingOptions()), NullLogger<MessageReader>.Instance);

    [Theory]
    [InlineData("en", "can a human take over please", MessageActs.Person)]
    [InlineData("en", "cheers, have a good one", MessageActs.Goodbye)]
    [InlineData("en", "is this automated?", MessageActs.BotQuestion)]
    [InlineData("en", "glass shelf from the cabinet shattered and cut my arm", MessageActs.Safety)]
    [InlineData("en", "there's a purchase on my card from your shop that I never made", MessageActs.Fraud)]
    [InlineData("pl", "przełącz mnie na konsultanta", MessageActs.Person)]
    [InlineData("pl", "dzięki, miłego dnia", MessageActs.Goodbye)]
    [InlineData("pl", "rozmawiam z automatem?", MessageActs.BotQuestion)]
    [InlineData("pl", "ładowarka od was się przegrzała i stopiła gniazdko", MessageActs.Safety)]
    [InlineData("pl", "ktoś się włamał na moje konto i zmienił adres dostawy", MessageActs.Fraud)]
    [InlineData("pl", "sprawa idzie do sądu, mój adwokat się z wami skontaktuje", MessageActs.Legal)]
    [InlineData("pl", "mama zmarła w zeszłym tygodniu, a na jej koncie jest zamówienie", MessageActs.Vulnerable)]
    public void WhatAMessageDoes_IsRead_InEachLanguage(string language, string text, MessageActs act)
    {
        var reading = Reader.Read(text, language);

        Assert.Equal(language, reading.Language);
        Assert.True(reading.Has(act), $"'{text}' read as {reading.Acts}");
    }

    [Theory]
    [InlineData("en", "Hi there. I bought the ceramic vase set and a throw blanket in November, loved both. Last night I was moving the big vase and the rim snapped off and cut my hand quite badly, we ended up in A&E for stitches. Anyway, I'd also like to know if the blanket comes in grey?", MessageActs.Safety)]
    [InlineData("pl", "Dzień dobry, w październiku kupiłam u Was komplet garnków i zestaw ręczników, jestem z nich bardzo zadowolona. Wczoraj ucho od dużego garnka odpadło, gdy zdejmowałam go z kuchenki, i wrzątek oparzył mi nogę, skończyło się na pogotowiu. A przy okazji, czy ręczniki są też w kolorze szarym?", MessageActs.Safety)]
    [InlineData("en", "So we moved flats last month and I ordered the rug, the curtains and two lamps for the new living room, the curtains are lovely by the way. The thing is my partner passed away two weeks ago and the account and all the orders are in his name. Also does the rug come in a bigger size?", MessageActs.Vulnerable)]
    public void ALongStory_IsReadSentenceBySentence_SoWhatIsInItsMiddleIsNotLost(string language, string text, MessageActs act)
    {
        var reading = Reader.Read(text, language);

        Assert.True(reading.Has(act), $"'{text}' read as {reading.Acts}");
    }

    [Theory]
    [InlineData("en", "how long do refunds take?")]
    [InlineData("en", "does the kettle have an automatic shut-off?")]
    [InlineData("pl", "ile kosztuje dostawa do paczkomatu?")]
    [InlineData("pl", "czy koce są antyalergiczne?")]
    public void AnOrdinaryQuestion_DoesNothingElse(string language, string text) =>
        Assert.Equal(MessageActs.None, Reader.Read(text, language).Acts);

    [Theory]
    [InlineData("en", "that's not what I meant. I have the tracking number, it just doesn't work on the DPD site", "I have the tracking number")]
    [InlineData("pl", "nie o to mi chodziło, paczka przyszła bez paragonu", "paczka przyszła bez paragonu")]
    public void ACorrectionThatGoesOn_IsNotUnderstood_AndKeepsWhatWasMeant(string language, string text, string meant)
    {
        var reading = Reader.Read(text, language);

        Assert.True(reading.Has(MessageActs.NotUnderstood), $"'{text}' read as {reading.Acts}");
        Assert.StartsWith(meant, reading.Correction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "I'm really annoyed now, where is my parcel", true)]
    [InlineData("pl", "Jestem naprawdę zirytowana. Gdzie paczka?", true)]
    [InlineData("en", "where is my parcel", false)]
    public void FrustrationSaidInSoManyWords_IsRead(string language, string text, bool says) =>
        Assert.Equal(says, Reader.Read(text, language).SaysFrustration);
}
