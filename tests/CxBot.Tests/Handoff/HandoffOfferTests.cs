using CxBot.Handoff;

namespace CxBot.Tests.Handoff;

/// <summary>
/// When the bot offers a consultant, and in what words: never for a plain question it answered, with an
/// apology (not "I'm not managing to help") when the customer sounds frustrated, and with that admission
/// only after the bot has failed.
/// </summary>
public sealed class HandoffOfferTests : IDisposable
{
    private readonly BotHost _bot = new();

    [Theory]
    [InlineData("en-US", "where is my parcel")]
    [InlineData("en-US", "I want to return a jacket")]
    [InlineData("en-US", "has my parcel been shipped")]
    [InlineData("en-US", "is this a bot")]
    [InlineData("pl-PL", "gdzie jest moja paczka")]
    [InlineData("pl-PL", "chce zwrocic kurtke")]
    [InlineData("pl-PL", "czy to bot")]
    public async Task PlainQuestion_IsAnswered_WithoutOfferingAConsultant(string locale, string text)
    {
        var conversation = await _bot.StartAsync(locale);

        await _bot.SayAsync(conversation, text);

        var replies = await _bot.RepliesAsync(conversation);
        var texts = locale == "en-US" ? HandoffTexts.English : HandoffTexts.Polish;
        Assert.DoesNotContain(replies, r => r == texts.Offer || r == texts.OfferOnFrustration);
    }

    [Theory]
    [InlineData("en-US", "WHERE IS MY PARCEL?! I've been waiting two weeks, this is a joke!!!")]
    [InlineData("pl-PL", "GDZIE JEST MOJA PACZKA?! CZEKAM JUŻ 2 TYGODNIE, KPINA!!!")]
    public async Task FrustratedCustomer_GetsAnApology_AndTheChoice_NotAnAdmissionOfFailure(string locale, string text)
    {
        var conversation = await _bot.StartAsync(locale);

        await _bot.SayAsync(conversation, text);

        var replies = await _bot.RepliesAsync(conversation);
        var texts = locale == "en-US" ? HandoffTexts.English : HandoffTexts.Polish;
        Assert.Equal(texts.OfferOnFrustration, replies[^1]);
        Assert.DoesNotContain(texts.Offer, replies);
    }

    [Fact]
    public async Task TwoFailuresInARow_AdmitTheBotIsNotHelping()
    {
        var conversation = await _bot.StartAsync("en-US");

        await _bot.SayAsync(conversation, "can your warehouse robots juggle flamingos");
        await _bot.SayAsync(conversation, "what colour is the moon of the quantum teapot");

        Assert.Equal(HandoffTexts.English.Offer, (await _bot.RepliesAsync(conversation))[^1]);
    }

    public void Dispose() => _bot.Dispose();
}
