namespace CxBot.Tests.Handoff;

/// <summary>
/// When the bot offers a consultant: never for a plain question it answered, nor for frustration about a question it can
/// answer (that gets the answer, with empathy); after two failures in a row, once.
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
        Assert.DoesNotContain(TestTexts.For(locale)["offer"], replies);
        Assert.False(await _bot.HandedOverAsync(conversation));
    }

    [Theory]
    [InlineData("en-US", "WHERE IS MY PARCEL?! I've been waiting two weeks, this is a joke!!!", "Order status")]
    [InlineData("pl-PL", "GDZIE JEST MOJA PACZKA?! CZEKAM JUŻ 2 TYGODNIE, KPINA!!!", "Status zamówienia")]
    public async Task FrustrationAboutAnAnswerableQuestion_GetsTheAnswerWithEmpathy_NotAQueue(string locale, string text, string title)
    {
        var conversation = await _bot.StartAsync(locale);

        await _bot.SayAsync(conversation, text);

        var reply = (await _bot.RepliesAsync(conversation))[^1];
        Assert.StartsWith(TestTexts.For(locale)["empathy"], reply);
        Assert.Contains(title, reply);
        Assert.False(await _bot.HandedOverAsync(conversation));
    }

    [Fact]
    public async Task TwoFailuresInARow_OfferAPerson_Once()
    {
        var conversation = await _bot.StartAsync("en-US");

        await _bot.SayAsync(conversation, "can your warehouse robots juggle flamingos");
        await _bot.SayAsync(conversation, "what colour is the moon of the quantum teapot");
        Assert.Equal(TestTexts.English["offer"], (await _bot.RepliesAsync(conversation))[^1]);
        await _bot.SayAsync(conversation, "how many legs does a quantum teapot have");
        await _bot.SayAsync(conversation, "who painted the teapot moon");

        Assert.Equal(1, (await _bot.RepliesAsync(conversation)).Count(r => r == TestTexts.English["offer"]));
        Assert.False(await _bot.HandedOverAsync(conversation));
    }

    public void Dispose() => _bot.Dispose();
}
