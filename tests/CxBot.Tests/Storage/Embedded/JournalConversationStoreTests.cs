using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Storage.Embedded;

public sealed class JournalConversationStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Append_AssignsSequenceIdAndTimestamp()
    {
        using var sut = Open();
        await sut.CreateAsync(NewConversation("c1"), default);

        var first = await sut.AppendAsync("c1", Message("one"), default);
        var second = await sut.AppendAsync("c1", Message("two"), default);

        Assert.Equal((1, "c1|0000001"), (first.Sequence, first.Id));
        Assert.Equal((2, "c1|0000002"), (second.Sequence, second.Id));
        var stored = second.ToActivity();
        Assert.Equal("c1", stored.Conversation!.Id);
        Assert.Equal(_time.GetUtcNow(), stored.Timestamp);
    }

    [Fact]
    public async Task Read_ReturnsActivitiesAfterTheWatermark()
    {
        using var sut = Open();
        await sut.CreateAsync(NewConversation("c1"), default);
        for (var i = 1; i <= 5; i++) await sut.AppendAsync("c1", Message($"m{i}"), default);

        var page = await sut.ReadAsync("c1", 2, 2, default);
        var rest = await sut.ReadAsync("c1", page.Watermark, 100, default);
        var beyond = await sut.ReadAsync("c1", 99, 100, default);

        Assert.Equal(["m3", "m4"], page.Activities.Select(a => a.ToActivity().Text));
        Assert.Equal(["m5"], rest.Activities.Select(a => a.ToActivity().Text));
        Assert.Equal(5, rest.Watermark);
        Assert.Empty(beyond.Activities);
        Assert.Equal(5, beyond.Watermark);
    }

    [Fact]
    public async Task Reopen_KeepsConversationsActivitiesAndState()
    {
        using (var before = Open())
        {
            await before.CreateAsync(NewConversation("c1"), default);
            await before.AppendAsync("c1", Message("hello"), default);
            await before.SaveStateAsync("c1", new ConversationState { Language = "en", CustomerMessages = 3 }, default);
        }

        using var sut = Open();

        Assert.Equal("pl-PL", (await sut.GetAsync("c1", default))!.Locale);
        var page = await sut.ReadAsync("c1", 0, 10, default);
        Assert.Equal("hello", Assert.Single(page.Activities).ToActivity().Text);
        var state = await sut.LoadStateAsync("c1", default);
        Assert.Equal(("en", 3), (state!.Language, state.CustomerMessages));
        Assert.Equal(2, (await sut.AppendAsync("c1", Message("again"), default)).Sequence);
    }

    [Fact]
    public async Task Reopen_CutsATornLastLine_AndKeepsWriting()
    {
        string path;
        using (var before = Open())
        {
            await before.CreateAsync(NewConversation("c1"), default);
            await before.AppendAsync("c1", Message("kept"), default);
            path = before.JournalPath;
        }

        await File.AppendAllTextAsync(path, """{"op":"act","c":"c1","s":2,"v":{"type":"mess""");

        using (var sut = Open())
        {
            Assert.Single((await sut.ReadAsync("c1", 0, 10, default)).Activities);
            await sut.AppendAsync("c1", Message("after"), default);
        }

        using var reopened = Open();
        Assert.Equal(["kept", "after"], (await reopened.ReadAsync("c1", 0, 10, default)).Activities.Select(a => a.ToActivity().Text));
    }

    [Fact]
    public async Task SecondInstance_OnTheSameFolder_FailsClearly()
    {
        using var first = Open();

        var error = Assert.Throws<IOException>(() => Open());

        Assert.Contains("another CxBot instance", error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task UnknownConversation_Throws()
    {
        using var sut = Open();

        await Assert.ThrowsAsync<ConversationNotFoundException>(() => sut.AppendAsync("nope", Message("x"), default));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => sut.ReadAsync("nope", 0, 10, default));
        Assert.Null(await sut.GetAsync("nope", default));
    }

    [Fact]
    public async Task Create_Twice_ReturnsFalse()
    {
        using var sut = Open();

        Assert.True(await sut.CreateAsync(NewConversation("c1"), default));
        Assert.False(await sut.CreateAsync(NewConversation("c1"), default));
    }

    [Fact]
    public async Task ConcurrentAppends_AcrossConversations_AllSurviveAReopen()
    {
        using (var before = Open())
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(async c =>
            {
                await before.CreateAsync(NewConversation($"c{c}"), default);
                for (var i = 0; i < 25; i++) await before.AppendAsync($"c{c}", Message($"{c}-{i}"), default);
            }));
        }

        using var sut = Open();
        for (var c = 0; c < 20; c++)
        {
            var texts = (await sut.ReadAsync($"c{c}", 0, 100, default)).Activities.Select(a => a.ToActivity().Text);
            Assert.Equal(Enumerable.Range(0, 25).Select(i => $"{c}-{i}"), texts);
        }
    }

    [Fact]
    public async Task Delete_RemovesTheTextFromTheJournalFile_AndSurvivesAReopen_WhileOthersKeepWriting()
    {
        using (var before = Open())
        {
            await before.CreateAsync(NewConversation("erase"), default);
            await before.CreateAsync(NewConversation("keep"), default);
            await before.AppendAsync("erase", Message("moj mail to jan.kowalski@example.com"), default);
            await before.PutAsync("responses", "keep", """{"csat":5}"""u8.ToArray(), default);
            var writing = Task.WhenAll(Enumerable.Range(0, 50).Select(i => before.AppendAsync("keep", Message($"k{i}"), default)));

            Assert.Equal(1, await before.DeleteConversationsAsync(["erase"], default));
            await writing;
            await before.AppendAsync("keep", Message("after"), default);
        }

        var journal = await File.ReadAllTextAsync(Path.Combine(_folder.Path, "journal.jsonl"));
        Assert.DoesNotContain("jan.kowalski", journal);
        Assert.Contains("\"after\"", journal);

        using var sut = Open();
        Assert.Null(await sut.GetAsync("erase", default));
        var texts = (await sut.ReadAsync("keep", 0, 100, default)).Activities.Select(a => a.ToActivity().Text).ToList();
        Assert.Equal(51, texts.Count);
        Assert.Equal("after", texts[^1]);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"k{i}").Order(), texts.Take(50).Order());
        Assert.Single(await sut.ListAsync("responses", default));
        Assert.Equal(52, (await sut.AppendAsync("keep", Message("next"), default)).Sequence);
    }

    [Fact]
    public async Task Replace_SurvivesAReopen_AndCompactionRemovesTheOldText()
    {
        using (var before = Open())
        {
            await before.CreateAsync(NewConversation("c"), default);
            var stored = await before.AppendAsync("c", Message("zadzwoń 600 700 800"), default);
            var masked = stored.ToActivity();
            masked.Text = "zadzwoń [telefon]";
            await before.ReplaceActivityAsync("c", 1, ActivitySerializer.ToUtf8(masked), default);
            await before.CompactAsync();
        }

        Assert.DoesNotContain("600 700 800", await File.ReadAllTextAsync(Path.Combine(_folder.Path, "journal.jsonl")));
        using var sut = Open();
        Assert.Equal("zadzwoń [telefon]", (await sut.ReadAsync("c", 0, 10, default)).Activities.Single().ToActivity().Text);
    }

    public void Dispose() => _folder.Dispose();

    private JournalConversationStore Open() =>
        new(Options.Create(new StorageOptions { DataDirectory = _folder.Path }), _time, NullLogger<JournalConversationStore>.Instance);

    private static Conversation NewConversation(string id) => new(id, DateTimeOffset.UnixEpoch, "u1", "pl-PL");

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = "u1" } };
}
