using System.Net.WebSockets;
using System.Text.Json.Nodes;
using CxBot.Tests.Storage;
using CxBot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.ScaleOut;

/// <summary>
/// Two CxBot processes on one real redis-server, as behind a load balancer: the customer is on instance A,
/// the agent on instance B; then A stops mid-conversation and the customer carries on from B.
/// </summary>
public sealed class TwoInstancesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Secret = "shared-secret-0123456789";

    private Dictionary<string, string> Settings() => new(DeskServerFixture.Settings())
    {
        ["Storage:Provider"] = "Redis",
        ["Storage:Redis"] = redis.Configuration,
    };

    [Fact]
    public async Task CustomerOnA_AgentOnB_TalkBothWays_ThenAStops_AndTheCustomerResumesOnB_LosingAndDuplicatingNothing()
    {
        var a = await CxBotServer.StartAsync(settings: Settings(), secret: Secret);
        await using var b = await CxBotServer.StartAsync(settings: Settings(), secret: Secret);
        var onA = new DirectLineClient(a.Http);
        var started = await onA.StartAsync(Secret, "pl-PL");
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        using var socketA = new ClientWebSocket();
        await socketA.ConnectAsync(new Uri(started["streamUrl"]!.GetValue<string>()), CancellationToken.None);
        var streamed = new List<JsonObject>();

        // The agent signs in on B, and sees the queue entry the customer's message on A created.
        var (agent, _) = await AgentClient.SignInAsync(b.BaseAddress, "anna", DeskServerFixture.Password);
        await using var _agent = agent;
        await agent.ConnectAsync();
        await WaitUntilAsync(async () => (await QueueOnAsync(a, agent)).Contains("\"anna\"", StringComparison.Ordinal));
        await onA.SayAsync(conversationId, token, "konsultant", "pl-PL");
        var queued = await onA.WaitForAsync(conversationId, token, list => list.Any(x => Text(x).Contains("w kolejce") || Text(x).Contains("konsultant")));
        await agent.WaitForQueueAsync(q => q.GetProperty("waiting").EnumerateArray().Any(e => e.GetProperty("conversationId").GetString() == conversationId));
        Assert.True(await agent.Hub!.InvokeAsync<bool>("Accept", conversationId));

        // B's agent reaches the customer's WebSocket on A, and A's customer reaches the agent on B.
        await agent.Hub!.InvokeAsync("Send", conversationId, "Dzień dobry, tu Anna z instancji B.");
        await ReceiveUntilAsync(socketA, list => list.Any(x => Text(x) == "Dzień dobry, tu Anna z instancji B."), streamed);
        await onA.SayAsync(conversationId, token, "paczka 12345 nie doszła", "pl-PL");
        await agent.WaitForActivityAsync(x => x.TryGetProperty("text", out var t) && t.GetString() == "paczka 12345 nie doszła");
        var (_, watermark) = await ReceiveUntilAsync(socketA, list => list.Any(x => Text(x) == "paczka 12345 nie doszła"), streamed);

        // A goes away; the customer reconnects to B with its watermark and goes on.
        await a.StopAsync();
        await a.DisposeAsync();
        var onB = new DirectLineClient(b.Http);
        using var reconnect = await onB.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        var resumed = await ReadObjectAsync(reconnect);
        using var socketB = new ClientWebSocket();
        await socketB.ConnectAsync(new Uri(resumed["streamUrl"]!.GetValue<string>()), CancellationToken.None);
        await agent.Hub!.InvokeAsync("Send", conversationId, "Sprawdzam, proszę chwilę poczekać.");
        await onB.SayAsync(conversationId, resumed["token"]!.GetValue<string>(), "dziękuję", "pl-PL");
        await agent.WaitForActivityAsync(x => x.TryGetProperty("text", out var t) && t.GetString() == "dziękuję");
        await ReceiveUntilAsync(socketB, list => list.Any(x => Text(x) == "dziękuję") && list.Any(x => Text(x) == "Sprawdzam, proszę chwilę poczekać."), streamed);

        var (log, _) = await onB.GetActivitiesAsync(conversationId, token);
        var delivered = streamed.Select(x => x["id"]!.GetValue<string>()).ToList();
        Assert.Equal(delivered.Distinct(), delivered);
        Assert.Equal(log.Take(delivered.Count).Select(x => x["id"]!.GetValue<string>()), delivered);
        Assert.Contains(log, x => Text(x) == "Dzień dobry, tu Anna z instancji B." && x["from"]!["name"]!.GetValue<string>() == "Anna");
    }

    private static async Task<string> QueueOnAsync(CxBotServer server, AgentClient agent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agent/queue");
        request.Headers.Add("Cookie", agent.CookieHeader(server.BaseAddress));
        using var response = await server.Http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
            if (await condition()) return;
        throw new TimeoutException("condition never held");
    }

    [Fact]
    public async Task AnAgentSignedInOnOneInstance_IsSignedInOnTheOther()
    {
        await using var a = await CxBotServer.StartAsync(settings: Settings(), secret: Secret);
        await using var b = await CxBotServer.StartAsync(settings: Settings(), secret: Secret);
        var (agent, _) = await AgentClient.SignInAsync(a.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _agent = agent;
        var cookie = agent.CookieHeader(a.BaseAddress);

        using var onB = new HttpClient { BaseAddress = b.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agent/queue");
        request.Headers.Add("Cookie", cookie);
        using var response = await onB.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MessagesOfOneConversation_PostedToBothInstancesAtOnce_AreAllAnswered_AndNoneIsLostFromItsState()
    {
        await using var a = await CxBotServer.StartAsync(settings: Settings(), secret: Secret);
        await using var b = await CxBotServer.StartAsync(settings: Settings(), secret: Secret);
        var (onA, onB) = (new DirectLineClient(a.Http), new DirectLineClient(b.Http));
        var started = await onA.StartAsync(Secret, "en-US");
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());

        // As behind a load balancer without sticky sessions: each pair of messages reaches both instances at the same moment.
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
            ids.AddRange(await Task.WhenAll(onA.SayAsync(conversationId, token, $"how much is delivery {i}"), onB.SayAsync(conversationId, token, $"how do I return an item {i}")));

        await onB.WaitForAsync(conversationId, token, list => ids.All(id => list.Any(x => x["replyToId"]?.GetValue<string>() == id && Type(x) == "message")));
        var (agent, _) = await AgentClient.SignInAsync(b.BaseAddress, "anna", DeskServerFixture.Password);
        await using var _agent = agent;
        using var transcript = System.Text.Json.JsonDocument.Parse(await agent.Http.GetStringAsync($"/api/agent/conversations/{conversationId}"));

        // Every turn read the state the previous one saved: all twenty messages are in it, none overwritten.
        var scored = transcript.RootElement.GetProperty("sentiments").EnumerateArray().Select(x => x.GetProperty("activityId").GetString()!).ToHashSet();
        Assert.Equal(ids.ToHashSet(), scored);
    }
}
