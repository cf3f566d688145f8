using System.Net;
using System.Text.Json;
using CxBot.Tests.Storage;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.Hosting;

/// <summary>
/// Liveness and readiness of the real host: while Redis is down an instance is alive (do not restart it) but
/// not ready (route no one to it), and it becomes ready again by itself when Redis returns.
/// </summary>
public sealed class HealthTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Readiness_FailsWhileRedisIsDown_LivenessHolds_AndReadinessRecovers()
    {
        await using var server = await CxBotServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Redis", ["Storage:Redis"] = redis.Configuration,
        });
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/healthz/live")).StatusCode);

        await redis.KillAsync();
        try
        {
            await WaitUntilAsync(server, "/healthz/ready", HttpStatusCode.ServiceUnavailable);
            using var ready = await server.Http.GetAsync("/healthz/ready");
            var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
            Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("knowledge-and-models").GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Http.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/healthz/live")).StatusCode);
        }
        finally
        {
            await redis.RestartAsync();
        }

        await WaitUntilAsync(server, "/healthz/ready", HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/healthz/live")).StatusCode);
    }

    private static async Task WaitUntilAsync(CxBotServer server, string path, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await server.Http.GetAsync(path)).StatusCode != status)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} never answered {status}");
            await Task.Delay(200);
        }
    }
}
