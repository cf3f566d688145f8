using System.Globalization;
using System.Text.Json;
using CxBot.Web.Tests.Cli;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.EndToEnd;

/// <summary>
/// <c>seed-demo</c> fills a data folder through the real bot, CxBot starts on it, and a lead reads the
/// dashboard in headless Chromium. The figures shown are checked against the exported responses and handoff
/// grades, recomputed here from their definitions, for all languages and for the Polish filter.
/// </summary>
public sealed class DashboardInChromiumTests(DashboardInChromiumTests.SeededServer seeded) : IClassFixture<DashboardInChromiumTests.SeededServer>
{
    private CxBotServer Server => seeded.Server;

    /// <summary>One seeded data folder and host for the class: seeding 200 conversations through the bot takes a while.</summary>
    public sealed class SeededServer : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("cxbot-dashboard-").FullName;

        public CxBotServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // seed-demo keeps what is learnt from the articles in its data folder: start it with the cache a first host fills,
            // as a restarted host has it, rather than computing the sentence embeddings again.
            await (await CxBotServer.StartAsync()).DisposeAsync();
            var data = Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;
            foreach (var file in Directory.EnumerateFiles(CxBotServer.SharedKnowledgeCache)) File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
            var seeded = await CliProcess.RunAsync(TimeSpan.FromMinutes(6), "", "seed-demo", "--data", data, "--conversations", "200");
            Assert.True(seeded.ExitCode == 0, seeded.Error);
            Assert.Contains("Seeded 200 conversations", seeded.Output);
            Server = await CxBotServer.StartAsync(_folder, DeskServerFixture.Settings());
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Lead_TeachesAGapClusterAsAnArticle_SeesItTaughtAndReplayed_ThenRevokesIt()
    {
        var result = await NodeScript.RunAsync("teach.js", Server.BaseAddress.ToString().TrimEnd('/'), "lena", DeskServerFixture.Password,
            "payment-methods", NodeScript.ArtifactPath("dashboard-teach.png"));

        Assert.True(result.GetProperty("errors").GetArrayLength() == 0, result.GetProperty("errors").ToString());
        var questions = result.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("text").GetString()!).ToList();
        Assert.NotEmpty(questions);
        Assert.StartsWith($"Taught {questions.Count} question", result.GetProperty("status").GetString());
        foreach (var question in questions)
        {
            Assert.Contains(question, result.GetProperty("taught").GetString());
            Assert.DoesNotContain(question, result.GetProperty("gapsAfter").GetString());
            Assert.DoesNotContain(question, result.GetProperty("taughtAfterRevoke").GetString());
        }

        Assert.Contains("lena", result.GetProperty("log").GetString());
        Assert.Contains("taught", result.GetProperty("log").GetString());
        // Those questions were fallbacks when asked; replayed now, the taught article answers them.
        var answeredNow = int.Parse(System.Text.RegularExpressions.Regex.Match(result.GetProperty("replaySummary").GetString()!, @"Now answered: (\d+)").Groups[1].Value,
            CultureInfo.InvariantCulture);
        Assert.True(answeredNow >= questions.Count, result.GetProperty("replaySummary").GetString());
        Assert.Contains("payment-methods", result.GetProperty("replayArticles").GetString());
        Assert.Contains(questions[0], result.GetProperty("gapsAfterRevoke").GetString());
    }

    [Fact]
    public async Task Lead_SeesTheSeededFigures_Charts_Gaps_LowRatedTranscripts_AndFiltersByLanguage()
    {
        var result = await NodeScript.RunAsync("dashboard.js", Server.BaseAddress.ToString().TrimEnd('/'), "lena", DeskServerFixture.Password,
            NodeScript.ArtifactPath("dashboard.png"));

        Assert.True(result.GetProperty("errors").GetArrayLength() == 0, result.GetProperty("errors").ToString());
        var responses = ParseCsv(result.GetProperty("csv").GetString()!);
        Assert.InRange(responses.Count, 150, 200);
        // The conversations export holds every ended conversation of the responses export, and the ones still open.
        var conversations = ParseCsv(result.GetProperty("conversationsCsv").GetString()!).ToDictionary(r => r["conversationId"]);
        Assert.All(responses, r => Assert.Equal("ended", conversations[r["conversationId"]]["status"]));
        Assert.Equal(conversations.Count - responses.Count, conversations.Values.Count(c => c["status"] != "ended"));
        AssertTilesShow(result.GetProperty("all"), responses);
        AssertTilesShow(result.GetProperty("polish"), responses.Where(r => r["language"] == "pl").ToList());
        var grades = ParseCsv(result.GetProperty("gradesCsv").GetString()!);
        Assert.Contains(grades, g => g["grade"] == "not-needed");
        Assert.Contains(grades, g => g["grade"] == "too-late");
        Assert.Contains(grades, g => g["grade"] == "");
        AssertJudgementShows(result.GetProperty("all"), grades);
        AssertJudgementShows(result.GetProperty("polish"), grades.Where(g => g["language"] == "pl").ToList());

        foreach (var chart in result.GetProperty("charts").EnumerateArray())
            Assert.True(chart.GetProperty("points").GetInt32() > 0, $"{chart.GetProperty("id")} is empty");
        // The questions the seeded customers asked and the bot could not answer are the top gaps.
        Assert.Matches("(?i)crypto|bitcoin|kryptowalut|gift|prezent", result.GetProperty("gaps").GetString());
        Assert.Contains("Anna", result.GetProperty("byAgent").GetString());
        Assert.Contains("Piotr", result.GetProperty("byAgent").GetString());
        Assert.Contains("Open transcript", result.GetProperty("lowRated").GetString());
        Assert.Contains("Customer", result.GetProperty("transcript").GetString());
    }

    /// <summary>The headline tiles, recomputed from the exported rows with the definitions a lead reads on the page.</summary>
    private static void AssertTilesShow(JsonElement tiles, List<Dictionary<string, string>> rows)
    {
        var ratings = rows.Where(r => r["csat"] != "").Select(r => int.Parse(r["csat"], CultureInfo.InvariantCulture)).ToList();
        var escalated = rows.Count(r => r["escalationReason"] != "");
        Assert.Equal($"{rows.Count} conversations", tiles.GetProperty("conversations").GetString());
        Assert.Equal($"{ratings.Count} ratings", tiles.GetProperty("rated").GetString());
        Assert.Equal(Percent(ratings.Count(r => r >= 4), ratings.Count), tiles.GetProperty("csat").GetString());
        Assert.Equal($"mean {ratings.Average():0.00} / 5", tiles.GetProperty("csat-mean").GetString());
        Assert.Equal(Percent(ratings.Count, rows.Count), tiles.GetProperty("response-rate").GetString());
        Assert.Equal(Percent(rows.Count - escalated, rows.Count), tiles.GetProperty("containment").GetString());
        Assert.Equal(Percent(escalated, rows.Count), tiles.GetProperty("escalation").GetString());
    }

    /// <summary>
    /// The handoff-judgement tiles, recomputed from the exported grades: one handoff per conversation and hand-over time
    /// with the latest grade any agent gave it; the rates are shares of the graded handoffs.
    /// </summary>
    private static void AssertJudgementShows(JsonElement tiles, List<Dictionary<string, string>> rows)
    {
        var handoffs = rows.GroupBy(r => (r["conversationId"], r["handedOverAt"]))
            .Select(g => g.Where(r => r["grade"] != "").OrderBy(r => DateTimeOffset.Parse(r["gradedAt"], CultureInfo.InvariantCulture)).LastOrDefault()?["grade"] ?? "")
            .ToList();
        var graded = handoffs.Count(g => g != "");
        var notNeeded = handoffs.Count(g => g == "not-needed");
        var tooLate = handoffs.Count(g => g == "too-late");
        Assert.Equal($"{graded} of {handoffs.Count} handoffs", tiles.GetProperty("graded-count").GetString());
        Assert.Equal(Percent(graded, handoffs.Count), tiles.GetProperty("graded-share").GetString());
        Assert.Equal($"{notNeeded} of {graded} graded", tiles.GetProperty("not-needed-count").GetString());
        Assert.Equal(Percent(notNeeded, graded), tiles.GetProperty("not-needed-rate").GetString());
        Assert.Equal($"{tooLate} of {graded} graded", tiles.GetProperty("too-late-count").GetString());
        Assert.Equal(Percent(tooLate, graded), tiles.GetProperty("too-late-rate").GetString());
    }

    private static string Percent(int part, int whole) =>
        (Math.Round(1000.0 * part / whole, MidpointRounding.AwayFromZero) / 10).ToString(CultureInfo.InvariantCulture) + "%";

    private static List<Dictionary<string, string>> ParseCsv(string csv)
    {
        var lines = ReadRecords(csv);
        var header = lines[0];
        return [.. lines.Skip(1).Where(l => l.Count == header.Count).Select(l => header.Zip(l).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes and line breaks.</summary>
    private static List<List<string>> ReadRecords(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else if (c != '\r') field.Append(c);
        }

        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
