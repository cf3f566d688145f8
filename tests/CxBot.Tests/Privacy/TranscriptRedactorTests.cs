using CxBot.Conversations;
using CxBot.Privacy;
using CxBot.Surveys;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Privacy;

/// <summary>
/// With <c>Privacy:RedactStoredTranscripts</c>, personal data is masked at rest once a conversation has ended
/// and gone quiet; a conversation still going keeps what the customer wrote.
/// </summary>
public sealed class TranscriptRedactorTests : IDisposable
{
    private const string Email = "jan.kowalski@example.com";
    private const string Phone = "600 700 800";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly BotHost _bot;

    public TranscriptRedactorTests() =>
        _bot = new BotHost(new Dictionary<string, string?> { ["Privacy:RedactStoredTranscripts"] = "true" }, _time);

    [Fact]
    public async Task AnEndedConversation_IsMaskedAtRest_ALiveOneIsNot()
    {
        var ended = await _bot.StartAsync("en-US");
        await _bot.SayAsync(ended, $"my e-mail is {Email}, the parcel never came");
        await _bot.SayAsync(ended, "thanks, bye");
        await _bot.SayAsync(ended, "2");
        await _bot.SayAsync(ended, $"call me on {Phone}");
        var live = await _bot.StartAsync("en-US");
        await _bot.SayAsync(live, $"my e-mail is {Email}");
        _time.Advance(TimeSpan.FromMinutes(31));
        await _bot.SayAsync(live, "and where is my order?");

        Assert.Equal(1, await _bot.Get<TranscriptRedactor>().RedactEndedAsync(default));

        var endedTexts = Texts(await _bot.TranscriptAsync(ended));
        Assert.DoesNotContain(endedTexts, t => t.Contains(Email) || t.Contains(Phone));
        Assert.Contains(endedTexts, t => t.Contains("the parcel never came"));
        Assert.Contains(Texts(await _bot.TranscriptAsync(live)), t => t.Contains(Email));
        var response = Assert.Single(await _bot.Get<CxBot.Analytics.ICxFigures>().ResponsesAsync(CxBot.Analytics.CxFilter.All, null, default));
        Assert.DoesNotContain(Phone, response.Comment);
        Assert.Equal(0, await _bot.Get<TranscriptRedactor>().RedactEndedAsync(default));
    }

    [Fact]
    public async Task WithoutTheSetting_NothingIsMasked()
    {
        using var bot = new BotHost(time: _time);
        var conversation = await bot.StartAsync("en-US");
        await bot.SayAsync(conversation, $"my e-mail is {Email}");
        await bot.SayAsync(conversation, "bye");
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await bot.Get<TranscriptRedactor>().RedactEndedAsync(default));
        Assert.Contains(Texts(await bot.TranscriptAsync(conversation)), t => t.Contains(Email));
    }

    private static List<string> Texts(IEnumerable<CxBot.Activities.Activity> transcript) => [.. transcript.Select(a => a.Text ?? "")];

    public void Dispose() => _bot.Dispose();
}
