using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using CxBot.Web.Tests.Infrastructure;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.DirectLine;

public sealed class DirectLineFlowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly DirectLineClient _client = fixture.Client;
    private readonly CxBotServer _server = fixture.Server;

    [Fact]
    public async Task CurlFlow_TokenStartPostRead_ShowsGreetingEchoAndReply()
    {
        var generated = await _client.GenerateTokenAsync(_server.Secret);
        var token = generated["token"]!.GetValue<string>();
        var started = await _client.StartAsync(token);
        var conversationId = started["conversationId"]!.GetValue<string>();
        Assert.Equal(generated["conversationId"]!.GetValue<string>(), conversationId);
        Assert.True(started["expires_in"]!.GetValue<int>() > 0);
        Assert.StartsWith("ws://127.0.0.1:", started["streamUrl"]!.GetValue<string>());

        var id = await _client.SayAsync(conversationId, token, "hello");
        var activities = await _client.WaitForAsync(conversationId, token, list => list.Count(a => From(a) == "bot" && Type(a) == "message") >= 2);

        Assert.Equal($"{conversationId}|0000002", id);
        var greeting = activities[0];
        Assert.Equal("bot", From(greeting));
        Assert.Contains("bot", Text(greeting));
        var echo = activities.Single(a => a["id"]!.GetValue<string>() == id);
        Assert.Equal("hello", Text(echo));
        Assert.Equal("client-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.All(activities, a => Assert.EndsWith("Z", a["timestamp"]!.GetValue<string>()));
        var typing = activities.Single(a => Type(a) == "typing");
        Assert.Equal("CxBot", typing["from"]!["name"]!.GetValue<string>());
        var reply = activities.Last();
        Assert.Equal(id, reply["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_ReturnsTheIdAtOnce_With200()
    {
        var (conversationId, token) = await StartAsync();

        using var response = await _client.PostAsync(conversationId, token, Message("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(conversationId + "|", (await ReadObjectAsync(response))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownFields_SurviveTheRoundTrip()
    {
        var (conversationId, token) = await StartAsync();
        var activity = Message("with extras");
        activity["customField"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };

        using var response = await _client.PostAsync(conversationId, token, activity);
        var id = (await ReadObjectAsync(response))["id"]!.GetValue<string>();
        var (activities, _) = await _client.GetActivitiesAsync(conversationId, token);

        var echo = activities.Single(a => a["id"]!.GetValue<string>() == id);
        Assert.Equal("[1,2,3]", echo["customField"]!["nested"]!.ToJsonString());
    }

    [Fact]
    public async Task Stream_ReplaysWhatCameBeforeIt_ThenPushesNewActivities_AndSendsEmptyHeartbeats()
    {
        var (conversationId, token, streamUrl) = await StartWithStreamAsync();
        await _client.WaitForAsync(conversationId, token, list => list.Count >= 1);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);

        var (replayed, _) = await ReceiveUntilAsync(socket, list => list.Count >= 1);
        Assert.Contains("bot", Text(replayed[0]));

        await _client.SayAsync(conversationId, token, "hello");
        var (all, watermark) = await ReceiveUntilAsync(socket, list => list.Count(a => Type(a) == "message") >= 3, replayed);
        Assert.Equal(all.Count, all.Select(a => a["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(all.Count.ToString(), watermark);

        Assert.Equal("", await ReceiveFrameAsync(socket, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Reconnect_WithWatermark_GivesTokenAndStreamThatResumeAfterIt()
    {
        var (conversationId, token) = await StartAsync();
        await _client.SayAsync(conversationId, token, "first");
        var before = await _client.WaitForAsync(conversationId, token, list => list.Count(a => From(a) == "bot" && Type(a) == "message") >= 2);
        var watermark = before.Count.ToString();

        using var response = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        var body = await ReadObjectAsync(response);
        Assert.Equal(conversationId, body["conversationId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
        var streamUrl = body["streamUrl"]!.GetValue<string>();
        Assert.Contains($"watermark={watermark}", streamUrl);

        await _client.SayAsync(conversationId, body["token"]!.GetValue<string>(), "second");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var (after, _) = await ReceiveUntilAsync(socket, list => list.Any(a => From(a) == "bot" && Type(a) == "message"));

        Assert.Equal("second", Text(after[0]));
        Assert.DoesNotContain(after, a => before.Any(b => b["id"]!.ToString() == a["id"]!.ToString()));
    }

    [Fact]
    public async Task Refresh_GivesANewTokenForTheSameConversation()
    {
        var (conversationId, token) = await StartAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        var body = await ReadObjectAsync(response);
        var refreshed = body["token"]!.GetValue<string>();

        Assert.Equal(conversationId, body["conversationId"]!.GetValue<string>());
        Assert.NotEqual(token, refreshed);
        await _client.SayAsync(conversationId, refreshed, "still me");
    }

    [Fact]
    public async Task SecondStart_WithTheSameToken_DoesNotGreetTwice()
    {
        var (conversationId, token) = await StartAsync();
        await _client.WaitForAsync(conversationId, token, list => list.Count >= 1);

        using var again = await _client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        await Task.Delay(300);
        var (activities, _) = await _client.GetActivitiesAsync(conversationId, token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(activities);
    }

    private async Task<(string ConversationId, string Token)> StartAsync()
    {
        var (conversationId, token, _) = await StartWithStreamAsync();
        return (conversationId, token);
    }

    private async Task<(string ConversationId, string Token, string StreamUrl)> StartWithStreamAsync()
    {
        var started = await _client.StartAsync(_server.Secret);
        return (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>(), started["streamUrl"]!.GetValue<string>());
    }
}
