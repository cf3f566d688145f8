using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using CxBot.Web.Tests.Cli;
using CxBot.Web.Tests.Infrastructure;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.Storage;

/// <summary>The embedded SQLite database as an operator meets it: crashes, backups and restores, a damaged file, a full disk.</summary>
public sealed class EmbeddedDatabaseTests
{
    [Fact]
    public async Task KilledUnderLoad_LosesNoAcknowledgedMessage()
    {
        await using var server = await CxBotServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["DirectLine:ActivitiesPerMinutePerConversation"] = "100000", ["DirectLine:RequestsPerMinutePerIp"] = "1000000",
            ["DirectLine:ConversationsPerMinutePerIp"] = "100000",
        });
        var client = new DirectLineClient(server.Http);
        var conversations = new List<(string Id, string Token)>();
        for (var i = 0; i < 20; i++)
        {
            var started = await client.StartAsync(server.Secret, "pl-PL", $"dl_load_{i}");
            conversations.Add((started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>()));
        }

        var acknowledged = new ConcurrentBag<(string Conversation, string Id, string Text)>();
        using var stop = new CancellationTokenSource();
        var posters = conversations.Select(c => Task.Run(async () =>
        {
            for (var n = 0; n < 10_000 && !stop.IsCancellationRequested; n++)
            {
                var text = $"{c.Id[..6]} message {n}: gdzie jest moja paczka";
                try
                {
                    using var response = await client.PostAsync(c.Id, c.Token, Message(text, "pl-PL", $"client-{n}"));
                    if (response.IsSuccessStatusCode) acknowledged.Add((c.Id, (await ReadObjectAsync(response))["id"]!.GetValue<string>(), text));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException) { return; }
            }
        })).ToList();

        // Killed mid-stream, once a good number of messages were acknowledged (however slow the machine is).
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (acknowledged.Count < 100 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await server.CrashAsync();
        stop.Cancel();
        await Task.WhenAll(posters);
        await using var restarted = await server.RestartedAsync();
        var reader = new DirectLineClient(restarted.Http);

        Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} messages were acknowledged in two minutes");
        foreach (var (id, token) in conversations)
        {
            var stored = (await AllActivitiesAsync(reader, id, token)).ToDictionary(a => a["id"]!.GetValue<string>(), Text);
            foreach (var message in acknowledged.Where(a => a.Conversation == id))
                Assert.Equal(message.Text, stored.GetValueOrDefault(message.Id));
        }
    }

    [Fact]
    public async Task Backup_WhileRunning_RestoresIntoAHostThatHasTheConversation()
    {
        await using var server = await CxBotServer.StartAsync();
        var client = new DirectLineClient(server.Http);
        var started = await client.StartAsync(server.Secret, "pl-PL");
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        await client.SayAsync(conversationId, token, "przed kopią: ile kosztuje dostawa", "pl-PL");
        await client.WaitForAsync(conversationId, token, list => list.Count(a => From(a) == "bot" && Type(a) == "message") >= 2);
        var backupFolder = Directory.CreateTempSubdirectory("cxbot-backup-").FullName;
        var backupFile = Path.Combine(backupFolder, "cxbot-backup.db");

        // Writes go on while the copy is made.
        var writing = Task.Run(async () => { for (var i = 0; i < 20; i++) await client.SayAsync(conversationId, token, $"w trakcie {i}", "pl-PL"); });
        var backup = await CliProcess.RunAsync("", "backup", "--data", Path.Combine(server.DataDirectory, "data"), "--to", backupFile);
        await writing;

        Assert.True(backup.ExitCode == 0, backup.Error + backup.Output);
        Assert.Contains("Checked: ok", backup.Output);
        var restoredFolder = Directory.CreateTempSubdirectory("cxbot-restored-").FullName;
        Directory.CreateDirectory(Path.Combine(restoredFolder, "data"));
        File.Copy(backupFile, Path.Combine(restoredFolder, "data", "cxbot.db"));
        await using var restored = await CxBotServer.StartAsync(restoredFolder, secret: server.Secret);
        var (activities, _) = await new DirectLineClient(restored.Http).GetActivitiesAsync(conversationId, token);
        Assert.Contains(activities, a => Text(a) == "przed kopią: ile kosztuje dostawa");
        Assert.Contains(activities, a => From(a) == "bot" && Type(a) == "message");
    }

    [Fact]
    public async Task ADamagedDatabase_StopsTheHost_WithAMessageNamingTheFileAndTheRestore()
    {
        var folder = Directory.CreateTempSubdirectory("cxbot-damaged-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        var database = Path.Combine(folder, "data", "cxbot.db");
        await File.WriteAllBytesAsync(database, [.. "SQLite format 3\0"u8, .. Enumerable.Repeat((byte)0x5A, 8192)]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CxBotServer.StartAsync(folder));

        Assert.Contains("CxBot exited", error.Message);
        Assert.Contains(database, error.Message);
        Assert.Contains("backup --data", error.Message);
        Assert.Contains("restore", error.Message);
    }

    [Fact]
    public async Task DamageInALargeDatabase_FoundByTheCheckAfterStart_StopsTheHost()
    {
        // A database checked after start (as a large one is) whose schema reads fine but whose later pages are damaged.
        var settings = new Dictionary<string, string> { ["Storage:IntegrityCheckBeforeStartMegabytes"] = "0" };
        string folder;
        await using (var healthy = await CxBotServer.StartAsync(settings: settings))
        {
            var client = new DirectLineClient(healthy.Http);
            var started = await client.StartAsync(healthy.Secret, "pl-PL");
            var (id, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
            for (var i = 0; i < 30; i++) await client.SayAsync(id, token, $"{i} " + new string('z', 2000), "pl-PL");
            folder = healthy.DataDirectory;
            await healthy.StopAsync();
        }

        var database = Path.Combine(folder, "data", "cxbot.db");
        await using (var file = new FileStream(database, FileMode.Open, FileAccess.Write))
        {
            file.Position = file.Length - 4096 * 3;
            await file.WriteAsync(Enumerable.Repeat((byte)0xA5, 4096 * 2).ToArray());
        }

        // The check may find the damage before the host answers at all, or just after: either way the host stops.
        string output;
        try
        {
            await using var damaged = await CxBotServer.StartAsync(folder, settings, waitUntilHealthy: false);
            // The check starts 5 s after the host; a loaded machine can take a minute to load the models first.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!damaged.HasExited && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.True(damaged.HasExited, "the host kept running on a damaged database");
            output = damaged.Output;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("CxBot exited", StringComparison.Ordinal))
        {
            output = e.Message;
        }

        Assert.Contains(database, output);
        Assert.Contains("backup --data", output);
    }

    [Fact]
    public async Task AFullDisk_Answers503_AndEveryAcknowledgedMessageIsThereAfterARestart()
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:MaxDatabaseMegabytes"] = "1", ["DirectLine:MaxTextLength"] = "4000",
            ["DirectLine:ActivitiesPerMinutePerConversation"] = "100000", ["DirectLine:RequestsPerMinutePerIp"] = "1000000",
        };
        await using var server = await CxBotServer.StartAsync(settings: settings);
        var client = new DirectLineClient(server.Http);
        var started = await client.StartAsync(server.Secret, "pl-PL");
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        var acknowledged = new List<(string Id, string Text)>();
        var refused = new List<string>();
        for (var i = 0; i < 400 && refused.Count < 3; i++)
        {
            var text = $"{i:D4} " + new string('x', 3500);
            using var response = await client.PostAsync(conversationId, token, Message(text, "pl-PL", $"client-{i}"));
            if (response.IsSuccessStatusCode) acknowledged.Add(((await ReadObjectAsync(response))["id"]!.GetValue<string>(), text));
            else
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.NotNull(response.Headers.RetryAfter);
                refused.Add(text);
            }
        }

        Assert.NotEmpty(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Http.GetAsync("/healthz")).StatusCode);
        // Turns accepted before the disk filled wait for it to free up; the operator gives it room and restarts.
        await server.CrashAsync();
        await using var roomier = await server.RestartedAsync(new Dictionary<string, string> { ["Storage:MaxDatabaseMegabytes"] = "0" });
        var activities = await AllActivitiesAsync(new DirectLineClient(roomier.Http), conversationId, token);
        var stored = activities.ToDictionary(a => a["id"]!.GetValue<string>(), Text);
        foreach (var (id, text) in acknowledged) Assert.Equal(text, stored.GetValueOrDefault(id));
        Assert.DoesNotContain(activities, a => refused.Contains(Text(a)));
        Assert.Equal(HttpStatusCode.OK, (await roomier.Http.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>The whole log, page by page (a page holds at most 500).</summary>
    private static async Task<List<JsonObject>> AllActivitiesAsync(DirectLineClient client, string conversationId, string token)
    {
        var all = new List<JsonObject>();
        string? watermark = null;
        while (true)
        {
            var (page, next) = await client.GetActivitiesAsync(conversationId, token, watermark);
            if (page.Count == 0) return all;
            all.AddRange(page);
            watermark = next;
        }
    }
}
