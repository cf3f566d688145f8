using System.Text;
using CxBot.Conversations;
using CxBot.Privacy;
using CxBot.Storage;
using CxBot.Storage.Sqlite;
using CxBot.Tests.Storage;
using CxBot.Surveys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Privacy;

public sealed class RetentionServiceTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteConversationStore _store;

    public RetentionServiceTests() =>
        _store = TestStores.Sqlite(_folder.Path, _time);

    [Fact]
    public async Task ConversationsPastRetention_AreErasedWithTheirRecords_RecentOnesStay()
    {
        var now = _time.GetUtcNow();
        await CreateAsync("old", now.AddDays(-120), lastMessage: now.AddDays(-100));
        await CreateAsync("old-but-active", now.AddDays(-120), lastMessage: now.AddDays(-3));
        await CreateAsync("recent", now.AddDays(-2), lastMessage: now.AddDays(-2));
        foreach (var id in new[] { "old", "recent" })
            await _store.PutAsync(SurveyStore.Responses, id, Encoding.UTF8.GetBytes($$"""{"conversationId":"{{id}}","csat":4}"""), default);

        var erased = await Sut(retentionDays: 90).PurgeAsync(default);

        Assert.Equal(1, erased);
        Assert.Equal(["old-but-active", "recent"], (await _store.ListUnendedAsync(DateTimeOffset.MinValue, default)).Select(c => c.Id).Order());
        Assert.Equal("recent", Assert.Single(await _store.ListAsync(SurveyStore.Responses, default)).Key);
    }

    [Fact]
    public async Task ZeroDays_KeepsEverything()
    {
        await CreateAsync("old", _time.GetUtcNow().AddDays(-1000), lastMessage: null);

        Assert.Equal(0, await Sut(retentionDays: 0).PurgeAsync(default));
        Assert.Single(await _store.ListUnendedAsync(DateTimeOffset.MinValue, default));
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private RetentionService Sut(int retentionDays)
    {
        var options = Options.Create(new PrivacyOptions { RetentionDays = retentionDays });
        return new(_store, new CustomerDataService(_store, _store, _store), new TranscriptRedactor(_store, _store, options, _time), options, _time,
            NullLogger<RetentionService>.Instance);
    }

    private async Task CreateAsync(string id, DateTimeOffset createdAt, DateTimeOffset? lastMessage)
    {
        await _store.CreateAsync(new Conversation(id, createdAt, "u-" + id, "pl-PL"), default);
        await _store.SaveStateAsync(id, new ConversationState { LastCustomerMessageAt = lastMessage }, default);
    }
}
