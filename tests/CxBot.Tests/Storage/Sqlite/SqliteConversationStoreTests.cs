using System.Text;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Storage.Sqlite;

public sealed class SqliteConversationStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Reopen_KeepsConversationsActivitiesAndState_AndSequencesGoOn()
    {
        using (var before = Open())
        {
            await before.CreateAsync(NewConversation("c1"), default);
            await before.AppendAsync("c1", Message("hello"), default);
            await before.SaveStateAsync("c1", new ConversationState { Language = "en", CustomerMessages = 3 }, default);
        }

        using var sut = Open();

        Assert.Equal("pl-PL", (await sut.GetAsync("c1", default))!.Locale);
        var stored = Assert.Single((await sut.ReadAsync("c1", 0, 10, default)).Activities);
        Assert.Equal(("c1|0000001", "hello", _time.GetUtcNow()), (stored.Id, stored.ToActivity().Text, stored.ToActivity().Timestamp!.Value));
        var state = await sut.LoadStateAsync("c1", default);
        Assert.Equal(("en", 3), (state!.Language, state.CustomerMessages));
        Assert.Equal(2, (await sut.AppendAsync("c1", Message("again"), default)).Sequence);
    }

    [Fact]
    public void SecondInstance_OnTheSameFolder_FailsClearly()
    {
        using var first = Open();

        var error = Assert.Throws<IOException>(() => Open());

        Assert.Contains("another CxBot instance", error.Message);
    }

    [Fact]
    public async Task Erase_RemovesTheTextFromTheDatabaseFiles_WhileOthersKeepWriting()
    {
        using (var before = Open())
        {
            await before.CreateAsync(NewConversation("erase"), default);
            await before.CreateAsync(NewConversation("keep"), default);
            await before.AppendAsync("erase", Message("moj mail to jan.kowalski@example.com"), default);
            var writing = Task.WhenAll(Enumerable.Range(0, 50).Select(i => before.AppendAsync("keep", Message($"k{i}"), default)));

            Assert.Equal(1, await before.DeleteConversationsAsync(["erase"], default));
            await writing;
            Assert.DoesNotContain("jan.kowalski", FilesText());
        }

        using var sut = Open();
        Assert.Null(await sut.GetAsync("erase", default));
        Assert.Equal(50, (await sut.ReadAsync("keep", 0, 100, default)).Activities.Count);
        Assert.Equal(51, (await sut.AppendAsync("keep", Message("next"), default)).Sequence);
    }

    [Fact]
    public async Task Replace_ThenCompact_LeavesNoOldTextInTheFiles()
    {
        using var sut = Open();
        await sut.CreateAsync(NewConversation("c"), default);
        var stored = await sut.AppendAsync("c", Message("zadzwoń 600 700 800"), default);
        var masked = stored.ToActivity();
        masked.Text = "zadzwoń [telefon]";

        await sut.ReplaceActivityAsync("c", 1, ActivitySerializer.ToUtf8(masked), default);
        await sut.CompactAsync();

        Assert.DoesNotContain("600 700 800", FilesText());
        Assert.Equal("zadzwoń [telefon]", (await sut.ReadAsync("c", 0, 10, default)).Activities.Single().ToActivity().Text);
    }

    [Fact]
    public async Task OnlyLiveConversationsStayInMemory_AndEvictedOnesReadTheSame()
    {
        using var sut = Open(new StorageOptions { DataDirectory = _folder.Path, CachedConversations = 16 });
        for (var c = 0; c < 100; c++)
        {
            await sut.CreateAsync(NewConversation($"c{c}"), default);
            for (var i = 0; i < 40; i++) await sut.AppendAsync($"c{c}", Message($"{c}-{i}"), default);
            await sut.SaveStateAsync($"c{c}", new ConversationState { CustomerMessages = c }, default);
        }

        Assert.InRange(sut.CachedConversations, 1, 16);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"3-{i}"), (await sut.ReadAsync("c3", 0, 100, default)).Activities.Select(a => a.ToActivity().Text));
        Assert.Equal(["99-38", "99-39"], (await sut.ReadAsync("c99", 38, 100, default)).Activities.Select(a => a.ToActivity().Text));
        Assert.Equal(7, (await sut.LoadStateAsync("c7", default))!.CustomerMessages);
        Assert.Equal(41, (await sut.AppendAsync("c5", Message("late"), default)).Sequence);
    }

    [Fact]
    public void TheSchemaIsMigrated_AndItsVersionRecorded()
    {
        using (Open()) { }

        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "cxbot.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(version) FROM schema_migrations";
        Assert.Equal(2L, command.ExecuteScalar());
        // Version 2: customers' files beside their conversations, whether the website bound the user id, the team of a survey fact.
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'files'";
        Assert.Equal(1L, command.ExecuteScalar());
        command.CommandText = "SELECT count(*) FROM pragma_table_info('conversations') WHERE name = 'user_verified'";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public async Task AnOldJournal_IsImportedOnce_KeptRenamed_AndItsKeyRingRecovered()
    {
        var conversation = """{"id":"j1","createdAt":"2026-11-01T10:00:00+00:00","userId":"u9","locale":"en-US"}""";
        string Act(int s, string text) =>
            "{\"op\":\"act\",\"c\":\"j1\",\"s\":" + s + ",\"v\":{\"type\":\"message\",\"id\":\"j1|" + s.ToString("D7") + "\",\"timestamp\":\"2026-11-01T10:00:0" + s
            + "Z\",\"text\":\"" + text + "\",\"conversation\":{\"id\":\"j1\"}}}";
        await File.WriteAllLinesAsync(Path.Combine(_folder.Path, "journal.jsonl"),
        [
            """{"op":"doc","c":"data-protection-keys","k":"key-1","v":<key id="1" version="1"><creationDate>2026-11-01T10:00:00Z</creationDate></key>}""",
            $$"""{"op":"conv","c":"j1","v":{{conversation}}}""",
            Act(1, "first"), Act(2, "second"),
            """{"op":"state","c":"j1","v":{"language":"en","customerMessages":2,"lastCustomerMessageAt":"2026-11-01T10:00:02+00:00"}}""",
            """{"op":"doc","c":"responses","k":"j1","v":{"conversationId":"j1","csat":5}}""",
        ]);

        using (var sut = Open())
        {
            Assert.Equal(["first", "second"], (await sut.ReadAsync("j1", 0, 10, default)).Activities.Select(a => a.ToActivity().Text));
            Assert.Equal("j1|0000002", (await sut.ReadAsync("j1", 1, 10, default)).Activities.Single().Id);
            Assert.Equal(2, (await sut.LoadStateAsync("j1", default))!.CustomerMessages);
            Assert.Equal(["j1"], (await sut.ListByCustomerAsync("u9", default)).Select(c => c.Id));
            Assert.Equal(["j1"], (await sut.ListOpenAsync(null, default)).Select(c => c.Id));
            Assert.StartsWith("<key id=\"1\"", Encoding.UTF8.GetString((await sut.GetAsync("data-protection-keys", "key-1", default))!));
            Assert.Single(await sut.ListLinkedAsync(["j1"], default));
            Assert.Equal(3, (await sut.AppendAsync("j1", Message("third"), default)).Sequence);
        }

        Assert.False(File.Exists(Path.Combine(_folder.Path, "journal.jsonl")));
        Assert.Single(Directory.GetFiles(_folder.Path, "journal.jsonl.imported-*"));
        using var reopened = Open();
        Assert.Equal(3, (await reopened.ReadAsync("j1", 0, 10, default)).Activities.Count);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task OutOfRoom_StaysUnhealthy_EvenWhenASmallWriteStillFitsInAPage()
    {
        using var sut = Open(new StorageOptions { DataDirectory = _folder.Path, MaxDatabaseMegabytes = 1 });
        await sut.CreateAsync(NewConversation("c"), default);
        var refused = false;
        for (var i = 0; i < 1000 && !refused; i++)
        {
            try { await sut.AppendAsync("c", Message($"{i:D4} " + new string('x', 3500)), default); }
            catch (SqliteException e) when (e.SqliteErrorCode == 13) { refused = true; }
        }

        Assert.True(refused, "a 1 MB database never filled");
        // A small write that fits in a page already there succeeds: the database still has no room for a message.
        await sut.SaveStateAsync("c", new ConversationState { Language = "pl" }, default);

        Assert.NotNull(await sut.CheckHealthAsync(default));
    }

    private SqliteConversationStore Open(StorageOptions? options = null) => TestStores.Sqlite(_folder.Path, _time, options);

    /// <summary>The database and its WAL as text, to look for what must not be in them.</summary>
    private string FilesText() =>
        string.Concat(Directory.GetFiles(_folder.Path, "cxbot.db*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            .Select(f => Encoding.Latin1.GetString(ReadShared(f))));

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Conversation NewConversation(string id) => new(id, DateTimeOffset.UnixEpoch, "u1", "pl-PL");

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = "u1" } };
}
