using CxBot.Handoff;
using CxBot.Storage.Sqlite;
using CxBot.Tests.Storage;

namespace CxBot.Tests.Handoff;

public sealed class HandoffQueueTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly DateTimeOffset _t0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ServesReturnedFirst_ThenUrgent_ThenByWaitingTime()
    {
        using var store = Open();
        var sut = new HandoffQueue(store);

        await sut.EnqueueAsync(Entry("old", 0), default);
        await sut.EnqueueAsync(Entry("newer", 5), default);
        await sut.EnqueueAsync(Entry("angry", 9, urgent: true), default);
        await sut.EnqueueAsync(Entry("returned", 10, returned: true), default);

        Assert.Equal(["returned", "angry", "old", "newer"], (await sut.SnapshotAsync(default)).Select(e => e.ConversationId));
        Assert.Equal(3, await sut.PositionOfAsync("old", default));
        Assert.Equal(0, await sut.PositionOfAsync("nobody", default));
    }

    [Fact]
    public async Task SurvivesARestart()
    {
        using (var store = Open())
        {
            var before = new HandoffQueue(store);
            await before.EnqueueAsync(Entry("a", 0), default);
            await before.EnqueueAsync(Entry("b", 1), default);
            await before.EnqueueAsync(Entry("c", 2), default);
            await before.RemoveAsync("b", default);
        }

        using var reopened = Open();
        var sut = new HandoffQueue(reopened);

        Assert.Equal(["a", "c"], (await sut.SnapshotAsync(default)).Select(e => e.ConversationId));
    }

    public void Dispose() => _folder.Dispose();

    private SqliteConversationStore Open() => TestStores.Sqlite(_folder.Path);

    private QueueEntry Entry(string id, int minutes, bool urgent = false, bool returned = false) =>
        new(id, "pl", HandoffReason.CustomerRequest, _t0.AddMinutes(minutes), urgent, returned, "summary", 0);
}
