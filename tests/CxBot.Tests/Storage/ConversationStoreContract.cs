using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Storage;

namespace CxBot.Tests.Storage;

/// <summary>What every store must do, run against the embedded SQLite database and Redis alike.</summary>
public abstract class ConversationStoreContract
{
    protected abstract IConversationStore Store { get; }
    protected abstract IDocumentStore Documents { get; }

    [Fact]
    public async Task Append_AssignsConsecutiveSequences_AndReadsFollowTheWatermark()
    {
        var id = await NewConversationAsync();

        var appended = new List<StoredActivity>();
        for (var i = 1; i <= 5; i++) appended.Add(await Store.AppendAsync(id, Message($"m{i}"), default));
        var page = await Store.ReadAsync(id, 2, 2, default);
        var rest = await Store.ReadAsync(id, page.Watermark, 10, default);

        Assert.Equal([1L, 2, 3, 4, 5], appended.Select(a => a.Sequence));
        Assert.Equal($"{id}|0000003", page.Activities[0].Id);
        Assert.Equal(["m3", "m4"], page.Activities.Select(a => a.ToActivity().Text));
        Assert.Equal(["m5"], rest.Activities.Select(a => a.ToActivity().Text));
        Assert.Equal(5, (await Store.ReadAsync(id, 42, 10, default)).Watermark);
        var stored = page.Activities[0].ToActivity();
        Assert.Equal(page.Activities[0].Id, stored.Id);
        Assert.Equal(id, stored.Conversation!.Id);
        Assert.NotNull(stored.Timestamp);
    }

    [Fact]
    public async Task ConcurrentAppends_NeitherLoseNorDuplicate()
    {
        var id = await NewConversationAsync();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Store.AppendAsync(id, Message($"m{i}"), default)));
        var page = await Store.ReadAsync(id, 0, 1000, default);

        Assert.Equal(100, page.Activities.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), page.Activities.Select(a => a.Sequence));
        Assert.Equal(100, page.Activities.Select(a => a.ToActivity().Text).Distinct().Count());
    }

    [Fact]
    public async Task State_RoundTrips_AndStartsEmpty()
    {
        var id = await NewConversationAsync();

        Assert.Null(await Store.LoadStateAsync(id, default));
        await Store.SaveStateAsync(id, new ConversationState { Language = "en", CustomerMessages = 7, ArticlesUsed = ["returns"] }, default);
        var state = await Store.LoadStateAsync(id, default);

        Assert.Equal(("en", 7, "returns"), (state!.Language, state.CustomerMessages, state.ArticlesUsed.Single()));
    }

    [Fact]
    public async Task UnknownConversation_IsReportedAsSuch()
    {
        Assert.Null(await Store.GetAsync("missing-" + Guid.NewGuid(), default));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => Store.AppendAsync("missing-" + Guid.NewGuid(), Message("x"), default));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => Store.ReadAsync("missing-" + Guid.NewGuid(), 0, 10, default));
    }

    [Fact]
    public async Task Create_IsIdempotent_AndListed()
    {
        var id = await NewConversationAsync();

        Assert.False(await Store.CreateAsync(new Conversation(id, DateTimeOffset.UtcNow, "u", "pl-PL"), default));
        Assert.Contains(await Store.ListUnendedAsync(DateTimeOffset.MinValue, default), c => c.Id == id);
    }

    [Fact]
    public async Task Documents_PutListDelete()
    {
        var collection = "test-" + Guid.NewGuid().ToString("N");

        await Documents.PutAsync(collection, "a", """{"n":1}"""u8.ToArray(), default);
        await Documents.PutAsync(collection, "b", """{"n":2}"""u8.ToArray(), default);
        await Documents.PutAsync(collection, "a", """{"n":3}"""u8.ToArray(), default);
        await Documents.DeleteAsync(collection, "b", default);
        var listed = await Documents.ListAsync(collection, default);

        Assert.Equal("""{"n":3}""", System.Text.Encoding.UTF8.GetString(Assert.Single(listed).Value));
    }

    [Fact]
    public async Task DeletedConversations_AreGone_OthersUntouched()
    {
        var erased = await NewConversationAsync();
        var kept = await NewConversationAsync();
        await Store.AppendAsync(erased, Message("jan.kowalski@example.com"), default);
        await Store.SaveStateAsync(erased, new ConversationState { Language = "pl" }, default);
        await Store.AppendAsync(kept, Message("still here"), default);

        Assert.Equal(1, await Store.DeleteConversationsAsync([erased, "missing-" + Guid.NewGuid()], default));

        Assert.Null(await Store.GetAsync(erased, default));
        Assert.DoesNotContain(await Store.ListUnendedAsync(DateTimeOffset.MinValue, default), c => c.Id == erased);
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => Store.ReadAsync(erased, 0, 10, default));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => Store.AppendAsync(erased, Message("again"), default));
        Assert.Equal("still here", (await Store.ReadAsync(kept, 0, 10, default)).Activities.Single().ToActivity().Text);
        Assert.Equal(2, (await Store.AppendAsync(kept, Message("and more"), default)).Sequence);
    }

    [Fact]
    public async Task Replace_ChangesOneActivity_KeepsItsIdAndTheRest_AndNeverAddsOne()
    {
        var id = await NewConversationAsync();
        for (var i = 1; i <= 3; i++) await Store.AppendAsync(id, Message($"m{i}"), default);
        var second = (await Store.ReadAsync(id, 1, 1, default)).Activities.Single();
        var masked = second.ToActivity();
        masked.Text = "[masked]";

        await Store.ReplaceActivityAsync(id, 2, ActivitySerializer.ToUtf8(masked), default);
        var page = await Store.ReadAsync(id, 0, 10, default);

        Assert.Equal(["m1", "[masked]", "m3"], page.Activities.Select(a => a.ToActivity().Text));
        Assert.Equal(second.Id, page.Activities[1].ToActivity().Id);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReplaceActivityAsync(id, 4, ActivitySerializer.ToUtf8(masked), default));
        Assert.Equal(3, (await Store.ReadAsync(id, 0, 10, default)).Watermark);
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => Store.ReplaceActivityAsync("missing-" + Guid.NewGuid(), 1, [], default));
    }

    [Fact]
    public async Task Health_IsGood()
    {
        Assert.Null(await Store.CheckHealthAsync(default));
    }

    private async Task<string> NewConversationAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        Assert.True(await Store.CreateAsync(new Conversation(id, DateTimeOffset.UtcNow, "u", "pl-PL"), default));
        return id;
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = "u", Role = "user" } };
}
