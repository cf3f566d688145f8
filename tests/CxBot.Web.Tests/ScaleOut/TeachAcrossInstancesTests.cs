using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Tests.Storage;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.ScaleOut;

/// <summary>
/// Two CxBot processes on one real redis-server: a lead teaches on instance A, and a customer on instance B is answered
/// with the taught article a few seconds later; revoking on A takes it back on B.
/// </summary>
public sealed class TeachAcrossInstancesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Secret = "shared-secret-0123456789";
    private const string Question = "do you sell dog food or cat litter";

    private Dictionary<string, string> Settings() => new(DeskServerFixture.Settings())
    {
        ["Storage:Provider"] = "Redis",
        ["Storage:Redis"] = redis.Configuration,
        ["Knowledge:TaughtPollSeconds"] = "1",
    };

    [Fact]
    public async Task LeadTeachesOnA_CustomerOnB_GetsTheArticle_AndRevokingOnA_TakesItBackOnB()
    {
        await using var a = await CxBotServer.StartAsync(settings: Settings(), secret: Secret);
        await using var b = await CxBotServer.StartAsync(settings: Settings(), secret: Secret);
        Assert.NotEqual("answer", (await AskAsync(b, Question))["action"]!.GetValue<string>());

        var (lead, _) = await AgentClient.SignInAsync(a.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _lead = lead;
        var antiforgery = await lead.Http.GetFromJsonAsync<JsonElement>("/api/cx/antiforgery");
        using var teach = new HttpRequestMessage(HttpMethod.Post, "/api/cx/taught")
        {
            Content = JsonContent.Create(new { articleId = "product-availability", questions = new[] { new { text = Question, language = "en" } } }),
        };
        teach.Headers.Add(antiforgery.GetProperty("header").GetString()!, antiforgery.GetProperty("token").GetString());
        using var taught = await lead.Http.SendAsync(teach);
        Assert.True(taught.IsSuccessStatusCode, await taught.Content.ReadAsStringAsync());
        var id = (await taught.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taught")[0].GetProperty("id").GetString()!;

        // A answers at once; B within its poll interval.
        Assert.Equal("product-availability", (await AskAsync(a, Question))["articleId"]?.GetValue<string>());
        var onB = await EventuallyAsync(() => AskAsync(b, Question), d => d["action"]!.GetValue<string>() == "answer");
        Assert.Equal("product-availability", onB["articleId"]!.GetValue<string>());

        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/cx/taught/{id}");
        revoke.Headers.Add(antiforgery.GetProperty("header").GetString()!, antiforgery.GetProperty("token").GetString());
        Assert.True((await lead.Http.SendAsync(revoke)).IsSuccessStatusCode);
        await EventuallyAsync(() => AskAsync(b, Question), d => d["action"]!.GetValue<string>() != "answer");
    }

    /// <summary>A new customer conversation on <paramref name="server"/> asks once; the bot's decision from its reply.</summary>
    private static async Task<JsonObject> AskAsync(CxBotServer server, string question)
    {
        var client = new DirectLineClient(server.Http);
        var started = await client.StartAsync(Secret, "en-US", "dl_" + Guid.NewGuid().ToString("N"));
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        await client.SayAsync(conversationId, token, question, "en-US");
        var activities = await client.WaitForAsync(conversationId, token, list => list.Any(x => x["channelData"]?["cxbot"] is not null));
        return activities.Last(x => x["channelData"]?["cxbot"] is not null)["channelData"]!["cxbot"]!.AsObject();
    }

    private static async Task<JsonObject> EventuallyAsync(Func<Task<JsonObject>> ask, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var decision = await ask();
            if (done(decision) || DateTime.UtcNow > deadline) return done(decision) ? decision : throw new TimeoutException(decision.ToJsonString());
            await Task.Delay(500);
        }
    }
}
