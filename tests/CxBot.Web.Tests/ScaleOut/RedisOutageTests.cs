using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CxBot.Tests.Storage;
using CxBot.Web.Tests.Infrastructure;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.ScaleOut;

/// <summary>
/// Redis goes away under a running CxBot and comes back: health turns red, requests get a clear 503
/// instead of hanging, the process stays up, and once Redis returns the service recovers by itself
/// with everything acknowledged before the outage still there.
/// </summary>
public sealed class RedisOutageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Secret = "outage-secret-0123456789";

    private Dictionary<string, string> Settings() => new() { ["Storage:Provider"] = "Redis", ["Storage:Redis"] = redis.Configuration };

    [Fact]
    public async Task RedisOutage_FailsClearlyAndFast_ThenRecoversByItself_LosingNothing()
    {
        await using var server = await CxBotServer.StartAsync(settings: Settings(), secret: Secret);
        var client = new DirectLineClient(server.Http);
        var started = await client.StartAsync(Secret, "en-US");
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        var before = await client.SayAsync(conversationId, token, "How much does delivery cost?");
        await client.WaitForAsync(conversationId, token, list => list.Any(x => ReplyTo(x) == before));

        await redis.KillAsync();
        try
        {
            await WaitUntilAsync(async () => (await server.Http.GetAsync("/healthz")).StatusCode == HttpStatusCode.ServiceUnavailable);

            // Requests fail with a Bot Framework error body and Retry-After, well before a client would give up.
            var clock = Stopwatch.StartNew();
            using var post = await client.PostAsync(conversationId, token, new JsonObject { ["type"] = "message", ["text"] = "are you there?" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the request took {clock.Elapsed}");
            Assert.NotNull(post.Headers.RetryAfter);
            var error = await ReadObjectAsync(post);
            Assert.Equal("ServiceUnavailable", error["error"]!["code"]!.GetValue<string>());
            using var read = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
            using var fresh = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
            {
                Headers = { { "Authorization", $"Bearer {Secret}" } },
            });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, fresh.StatusCode);

            // No crash loop: the same process is still serving a while later.
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Http.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await redis.RestartAsync();
        }

        await WaitUntilAsync(async () => (await server.Http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK);
        var after = await client.SayAsync(conversationId, token, "And how long do returns take?");
        var log = await client.WaitForAsync(conversationId, token, list => list.Any(x => ReplyTo(x) == after));
        var ids = log.Select(x => x["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.Contains(log, x => x["id"]!.GetValue<string>() == before);
        Assert.Contains(log, x => ReplyTo(x) == before);
        Assert.DoesNotContain(log, x => Text(x) == "are you there?");
    }

    [Fact]
    public async Task StartedWhileRedisIsDown_ItStaysUpAnswering503_AndServesOnceRedisComes()
    {
        await redis.KillAsync();
        CxBotServer server;
        try
        {
            server = await CxBotServer.StartAsync(settings: Settings(), secret: Secret, waitUntilHealthy: false);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Http.GetAsync("/healthz")).StatusCode);
            using var start = await new DirectLineClient(server.Http).SendAsync(HttpMethod.Post, "/v3/directline/conversations", Secret);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, start.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/")).StatusCode);
        }
        finally
        {
            await redis.RestartAsync();
        }

        await using var _ = server;
        await WaitUntilAsync(async () => (await server.Http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK);
        var client = new DirectLineClient(server.Http);
        var started = await client.StartAsync(Secret, "pl-PL");
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        var asked = await client.SayAsync(conversationId, token, "ile kosztuje dostawa", "pl-PL");
        await client.WaitForAsync(conversationId, token, list => list.Any(x => ReplyTo(x) == asked));
    }

    private static string? ReplyTo(JsonObject activity) => activity["replyToId"]?.GetValue<string>();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in 30 s");
            await Task.Delay(200);
        }
    }
}
