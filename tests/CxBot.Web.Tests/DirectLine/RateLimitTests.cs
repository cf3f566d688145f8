using System.Net;
using CxBot.Web.Tests.Infrastructure;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.DirectLine;

public sealed class RateLimitTests : IAsyncLifetime
{
    private CxBotServer _server = null!;
    private DirectLineClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await CxBotServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["DirectLine:ActivitiesPerMinutePerConversation"] = "3",
            ["DirectLine:ConversationsPerMinutePerIp"] = "6",
        });
        _client = new DirectLineClient(_server.Http);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TooManyActivities_Is429WithRetryAfter_OnlyForThatConversation()
    {
        var flooding = await _client.StartAsync(_server.Secret);
        var quiet = await _client.StartAsync(_server.Secret);
        var (floodId, floodToken) = (flooding["conversationId"]!.GetValue<string>(), flooding["token"]!.GetValue<string>());

        for (var i = 0; i < 3; i++) await _client.SayAsync(floodId, floodToken, $"m{i}");
        var rejected = await _client.PostAsync(floodId, floodToken, Message("one too many"));

        await DirectLineErrorTests.AssertErrorAsync(rejected, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await _client.SayAsync(quiet["conversationId"]!.GetValue<string>(), quiet["token"]!.GetValue<string>(), "I still get through");
        var (stored, _) = await _client.GetActivitiesAsync(floodId, floodToken);
        Assert.Equal(["m0", "m1", "m2"], stored.Where(a => From(a) == "user").Select(Text));
    }

    [Fact]
    public async Task TooManyConversationsFromOneIp_Is429()
    {
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++) last = await _server.Http.PostAsync("/api/webchat/token", null);

        await DirectLineErrorTests.AssertErrorAsync(last!, HttpStatusCode.TooManyRequests, "TooManyRequests");
    }
}
