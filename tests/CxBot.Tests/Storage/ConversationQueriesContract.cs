using System.Text;
using System.Text.Json;
using CxBot.Analytics;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Surveys;

namespace CxBot.Tests.Storage;

/// <summary>The questions the features ask the store, answered alike by SQLite and Redis.</summary>
public abstract class ConversationQueriesContract
{
    protected abstract IConversationStore Store { get; }
    protected abstract IDocumentStore Documents { get; }
    protected abstract ICxFigures Figures { get; }

    // Each test class gets its own store (SQLite) or its own time window (a shared Redis), so lists are exact.
    private readonly DateTimeOffset _t0 = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(1, 20000));
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task OpenQuietEndedAndUnended_FollowTheSavedState()
    {
        var fresh = await CreateAsync("fresh", 0);
        var talking = await CreateAsync("talking", 0, new ConversationState { LastCustomerMessageAt = _t0.AddMinutes(50) });
        var quiet = await CreateAsync("quiet", 0, new ConversationState { LastCustomerMessageAt = _t0.AddMinutes(5) });
        var ended = await CreateAsync("ended", 0, new ConversationState { LastCustomerMessageAt = _t0.AddMinutes(5), EndedAt = _t0.AddMinutes(6) });

        Assert.Equal([quiet, talking], Mine(await Store.ListOpenAsync(null, default)));
        Assert.Equal([quiet], Mine(await Store.ListOpenAsync(_t0.AddMinutes(30), default)));
        Assert.Equal([fresh, quiet, talking], Mine(await Store.ListUnendedAsync(_t0, default)).Order());
        Assert.Equal([talking], Mine(await Store.ListUnendedAsync(_t0.AddMinutes(10), default)));
        Assert.Equal([ended], Mine(await Store.ListEndedAsync(_t0, _t0.AddMinutes(7), default)));
        Assert.Empty(Mine(await Store.ListEndedAsync(_t0.AddMinutes(7), DateTimeOffset.MaxValue, default)));

        await Store.SaveStateAsync(talking, new ConversationState { LastCustomerMessageAt = _t0.AddMinutes(50), EndedAt = _t0.AddMinutes(51) }, default);
        Assert.Equal([quiet], Mine(await Store.ListOpenAsync(null, default)));
        Assert.Equal([ended, talking], Mine(await Store.ListEndedAsync(_t0, DateTimeOffset.MaxValue, default)));
    }

    [Fact]
    public async Task RetentionCandidates_AreThoseLastActiveBeforeTheCutoff_OldestFirst_UpToTheLimit()
    {
        var oldest = await CreateAsync("oldest", -300);
        var old = await CreateAsync("old", -200, new ConversationState { LastCustomerMessageAt = _t0.AddDays(-199) });
        var revived = await CreateAsync("revived", -300, new ConversationState { LastCustomerMessageAt = _t0.AddDays(-1) });
        await CreateAsync("recent", -2);

        var candidates = Mine(await Store.ListInactiveAsync(_t0.AddDays(-100), 1000, default));

        Assert.Equal([oldest, old], candidates);
        Assert.DoesNotContain(revived, candidates);
    }

    [Fact]
    public async Task ACustomersConversations_AreFoundByTheirUserId_AndStartedOnesByTheirStart()
    {
        var user = "user-" + _run;
        var first = await CreateAsync("first", 1, user: user);
        var second = await CreateAsync("second", 2, new ConversationState { Language = "en", CustomerMessages = 2 }, user: user);
        await CreateAsync("someone-else", 3);

        Assert.Equal([first, second], (await Store.ListByCustomerAsync(user, default)).Select(c => c.Id));
        var started = new List<(Conversation Conversation, ConversationState? State)>();
        await foreach (var item in Store.ListStartedAsync(_t0.AddDays(1), _t0.AddDays(3), default)) started.Add(item);
        Assert.Equal([first, second], Mine(started.Select(s => s.Conversation)));
        Assert.Equal(2, started.Single(s => s.Conversation.Id == second).State!.CustomerMessages);
    }

    [Fact]
    public async Task Documents_AreAskedByTimeStatusAndConversation_AndErasedWithTheirConversation()
    {
        var erased = await CreateAsync("erased", 0);
        var kept = await CreateAsync("kept", 0);
        var tickets = new TicketStore(Documents);
        var gaps = new SurveyStore(Documents);
        await tickets.SaveAsync(new Ticket($"T-{_run}-1", erased, "pl", "customer-request", "call me", _t0.AddMinutes(1)), default);
        await tickets.SaveAsync(new Ticket($"T-{_run}-2", kept, "pl", "customer-request", "mail me", _t0.AddMinutes(2)), default);
        await tickets.SaveAsync(new Ticket($"T-{_run}-3", kept, "pl", "customer-request", "done", _t0.AddMinutes(3), Status: "closed"), default);
        await gaps.RecordGapAsync(new KnowledgeGap($"{erased}|1", erased, "bitcoin?", "pl", _t0.AddMinutes(1)), default);
        await gaps.RecordGapAsync(new KnowledgeGap($"{kept}|1", kept, "gift wrap?", "en", _t0.AddMinutes(2)), default);
        await Documents.PutAsync("notes-" + _run, "n1", Encoding.UTF8.GetBytes($$"""{"conversationId":"{{erased}}","note":"x"}"""), default);
        await Documents.PutAsync("data-protection-keys-" + _run, "k1", "<key id=\"1\"><secret>AQID</secret></key>"u8.ToArray(), default);

        Assert.Equal([$"T-{_run}-1", $"T-{_run}-2"], (await tickets.ListOpenAsync(default)).Where(t => t.Id.Contains(_run)).Select(t => t.Id));
        var day = DateOnly.FromDateTime(_t0.UtcDateTime);
        Assert.Equal(["bitcoin?", "gift wrap?"], (await gaps.ListGapsAsync(new CxFilter(day, day, null), default)).Select(g => g.Text));
        Assert.Equal(["gift wrap?"], (await gaps.ListGapsAsync(new CxFilter(day, day, "en"), default)).Select(g => g.Text));
        Assert.Equal(["kb-gaps", "notes-" + _run, "tickets"], (await Documents.ListLinkedAsync([erased], default)).Select(d => d.Collection).Order());
        Assert.Equal("<key id=\"1\"><secret>AQID</secret></key>", Encoding.UTF8.GetString((await Documents.GetAsync("data-protection-keys-" + _run, "k1", default))!));

        Assert.Equal(1, await Store.DeleteConversationsAsync([erased], default));

        Assert.Empty(await Documents.ListLinkedAsync([erased], default));
        Assert.Null(await Documents.GetAsync("notes-" + _run, "n1", default));
        Assert.Equal([$"T-{_run}-2"], (await tickets.ListOpenAsync(default)).Where(t => t.Id.Contains(_run)).Select(t => t.Id));
        Assert.Equal(["gift wrap?"], (await gaps.ListGapsAsync(new CxFilter(day, day, null), default)).Select(g => g.Text));
        await tickets.SaveAsync(new Ticket($"T-{_run}-2", kept, "pl", "customer-request", "mail me", _t0.AddMinutes(2), Status: "closed"), default);
        Assert.DoesNotContain(await tickets.ListOpenAsync(default), t => t.Id.Contains(_run));
    }

    [Fact]
    public async Task DashboardFigures_EqualTheDefinitionsOverTheSameResponses()
    {
        var surveys = new SurveyStore(Documents);
        var random = new Random(7);
        var responses = new List<SurveyResponse>();
        string[] articles = ["returns", "delivery-cost", "payments"], reasons = ["customer-request", "frustration"], agents = ["Anna", "Piotr"];
        for (var i = 0; i < 60; i++)
        {
            var id = await CreateAsync($"r{i}", 0);
            var agent = random.Next(3) == 0 ? agents[random.Next(2)] : null;
            var response = new SurveyResponse(id, _t0.AddHours(i * 7), _t0.AddHours(i * 7 + 1).AddMilliseconds(random.Next(1000)), random.Next(3) == 0 ? "en" : "pl",
                agent is null ? "bot" : "agent", "customer", agent, [.. articles.Where(_ => random.Next(2) == 0)],
                agent is not null || random.Next(5) == 0 ? reasons[random.Next(2)] : null, random.Next(1, 9),
                random.Next(4) == 0 ? null : random.Next(1, 6), agent is null ? null : random.Next(1, 6), random.Next(3) == 0 ? "ok" : null,
                random.Next(5) == 0 ? null : (float)Math.Round(random.NextDouble() * 2 - 1, 3), (float)Math.Round(random.NextDouble() * 2 - 1, 3),
                random.Next(1, 100) / 10.0, agent is null ? null : random.Next(10, 600), 3600);
            responses.Add(response);
            await surveys.SaveAsync(response, default);
        }

        var first = DateOnly.FromDateTime(_t0.UtcDateTime);
        foreach (var filter in new[] { new CxFilter(first, first.AddDays(20), null), new CxFilter(first.AddDays(3), first.AddDays(9), "pl"), new CxFilter(first, first.AddDays(20), "en") })
        {
            var expected = responses.Where(filter.Matches).ToList();
            var summary = await Figures.SummaryAsync(filter, default);
            var reference = CxMetrics.From(expected);
            Assert.Equal(JsonSerializer.Serialize(reference with { EscalationReasons = Sorted(reference.EscalationReasons) }, RoundedJson),
                JsonSerializer.Serialize(summary with { EscalationReasons = Sorted(summary.EscalationReasons) }, RoundedJson));
            Assert.Equal(Json(CsatBreakdown.Trend(expected, weekly: false)), Json(await Figures.TrendAsync(filter, false, default)));
            Assert.Equal(Json(CsatBreakdown.Trend(expected, weekly: true)), Json(await Figures.TrendAsync(filter, true, default)));
            Assert.Equal(Json(CsatBreakdown.By(expected, r => r.Articles)), Json(await Figures.BreakdownAsync(filter, CxDimension.Article, default)));
            Assert.Equal(Json(CsatBreakdown.By(expected, r => r.Agent is null ? [] : [r.Agent])), Json(await Figures.BreakdownAsync(filter, CxDimension.Agent, default)));
            Assert.Equal(expected.Where(r => r.Csat <= 2).Select(r => r.ConversationId), (await Figures.ResponsesAsync(filter, 2, default)).Select(r => r.ConversationId));
            Assert.Equal(Json(expected), Json(await Figures.StreamResponsesAsync(filter, null, default).ToListAsync()));
        }
    }

    private static readonly JsonSerializerOptions RoundedJson = new() { Converters = { new RoundingConverter() } };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, RoundedJson);

    private static Dictionary<string, int> Sorted(IReadOnlyDictionary<string, int> counts) =>
        counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value);

    /// <summary>Sums in SQL and in C# differ in the last bits of a double.</summary>
    private sealed class RoundingConverter : System.Text.Json.Serialization.JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();
        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(Math.Round(value, 6));
    }

    [Fact]
    public async Task CustomersFiles_LiveBesideTheirConversation_AndGoWithItsErasure()
    {
        var files = (IFileStore)Store;
        var conversation = await CreateAsync("with-files", 0);
        var other = await CreateAsync("without-files", 0);
        var photo = new StoredFile("f-photo", conversation, "parcel.jpg", "image/jpeg", 4, _t0, HasThumbnail: true, 2, 1);
        var scan = new StoredFile("f-scan", conversation, "invoice.pdf", "application/pdf", 3, _t0.AddSeconds(1), HasThumbnail: false);
        await files.PutFileAsync(scan, [9, 9, 9], null, default);
        await files.PutFileAsync(photo, [1, 2, 3, 4], [7, 7], default);

        Assert.Equal([photo, scan], await files.ListFilesAsync(conversation, default));
        Assert.Equal(photo, await files.GetFileAsync(conversation, "f-photo", default));
        Assert.Equal([1, 2, 3, 4], await files.ReadFileAsync(conversation, "f-photo", thumbnail: false, default));
        Assert.Equal([7, 7], await files.ReadFileAsync(conversation, "f-photo", thumbnail: true, default));
        Assert.Null(await files.ReadFileAsync(conversation, "f-scan", thumbnail: true, default));
        // A file is only ever found under its own conversation.
        Assert.Null(await files.GetFileAsync(other, "f-photo", default));
        Assert.Null(await files.ReadFileAsync(other, "f-photo", thumbnail: false, default));
        Assert.Empty(await files.ListFilesAsync(other, default));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() =>
            files.PutFileAsync(photo with { ConversationId = _run + "-nobody" }, [1], null, default));

        Assert.Equal(1, await Store.DeleteConversationsAsync([conversation], default));
        Assert.Empty(await files.ListFilesAsync(conversation, default));
        Assert.Null(await files.GetFileAsync(conversation, "f-photo", default));
        Assert.Null(await files.ReadFileAsync(conversation, "f-photo", thumbnail: false, default));
        Assert.Null(await files.ReadFileAsync(conversation, "f-photo", thumbnail: true, default));
    }

    [Fact]
    public async Task WhetherTheWebsiteBoundTheUserId_IsKept_AndListedWithTheCustomersConversations()
    {
        var user = "bound-" + _run;
        Assert.True(await Store.CreateAsync(new Conversation($"{_run}-bound", _t0, user, "pl-PL", UserVerified: true), default));
        Assert.True(await Store.CreateAsync(new Conversation($"{_run}-claimed", _t0.AddMinutes(1), user, "pl-PL"), default));

        Assert.True((await Store.GetAsync($"{_run}-bound", default))!.UserVerified);
        Assert.False((await Store.GetAsync($"{_run}-claimed", default))!.UserVerified);
        var listed = await Store.ListByCustomerAsync(user, default);
        Assert.Equal([($"{_run}-bound", true), ($"{_run}-claimed", false)], listed.OrderBy(c => c.CreatedAt).Select(c => (c.Id, c.UserVerified)));
    }

    private IEnumerable<string> Mine(IEnumerable<Conversation> conversations) => Mine(conversations.Select(c => c.Id));

    private IEnumerable<string> Mine(IEnumerable<string> ids) => [.. ids.Where(id => id.StartsWith(_run, StringComparison.Ordinal))];

    private async Task<string> CreateAsync(string name, int days, ConversationState? state = null, string? user = null)
    {
        var id = $"{_run}-{name}";
        Assert.True(await Store.CreateAsync(new Conversation(id, _t0.AddDays(days), user ?? "u", "pl-PL"), default));
        if (state is not null) await Store.SaveStateAsync(id, state, default);
        return id;
    }
}
