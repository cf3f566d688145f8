using CxBot.Analytics;
using CxBot.Conversations;
using CxBot.Handoff;

namespace CxBot.Tests.Analytics;

/// <summary>The conversations export: every conversation a customer wrote in, open or ended, with where it stands.</summary>
public sealed class ConversationRowsTests : IDisposable
{
    private readonly BotHost _bot = new();

    [Fact]
    public async Task EveryConversationACustomerWroteIn_WithItsStatus()
    {
        _bot.Get<AgentRegistry>().Connected("anna", "Anna", 3);
        var open = await _bot.StartAsync("en-US");
        await _bot.SayAsync(open, "how much is delivery");
        var waiting = await _bot.StartAsync("pl-PL");
        await _bot.SayAsync(waiting, "poproszę konsultanta");
        var ended = await _bot.StartAsync("en-US");
        await _bot.SayAsync(ended, "where is my order");
        await _bot.SayAsync(ended, "thanks, bye");
        await _bot.SayAsync(ended, "4");
        var silent = await _bot.StartAsync("en-US");

        var rows = await ConversationRow.ListAsync(_bot.Get<IConversationStore>(), CxFilter.All, default);

        Assert.DoesNotContain(rows, r => r.ConversationId == silent.Id);
        Assert.Equal(("open", 1, false, "delivery-cost"), Row(open));
        Assert.Equal(("waiting-for-agent", 1, true, ""), Row(waiting));
        Assert.Equal(HandoffReason.CustomerRequest, rows.Single(r => r.ConversationId == waiting.Id).EscalationReason);
        var done = rows.Single(r => r.ConversationId == ended.Id);
        Assert.Equal(("ended", "customer", 4), (done.Status, done.EndedBy, done.Csat));
        Assert.Equal([waiting.Id], (await ConversationRow.ListAsync(_bot.Get<IConversationStore>(), new CxFilter(null, null, "pl"), default)).Select(r => r.ConversationId));

        (string, int, bool, string) Row(Conversation c) => rows.Single(r => r.ConversationId == c.Id) is var r
            ? (r.Status, r.CustomerMessages, r.Escalated, string.Join(';', r.Articles)) : default;
    }

    [Fact]
    public async Task TheDayFilter_UsesTheDayTheConversationStarted()
    {
        var today = await _bot.StartAsync("en-US");
        await _bot.SayAsync(today, "how do I return an item");
        var day = DateOnly.FromDateTime(DateTime.UtcNow);

        var store = _bot.Get<IConversationStore>();
        Assert.Single(await ConversationRow.ListAsync(store, new CxFilter(day, day, null), default));
        Assert.Empty(await ConversationRow.ListAsync(store, new CxFilter(day.AddDays(1), null, null), default));
    }

    public void Dispose() => _bot.Dispose();
}
