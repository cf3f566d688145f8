using System.Net;
using CxBot.Tests.Storage;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.Storage;

/// <summary>The data-protection key ring (staff sign-in cookies, antiforgery tokens) is kept in the store, so a restart signs no one out.</summary>
public sealed class KeyRingTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Redis")]
    public async Task AStaffCookie_StillWorks_AfterARestart(string provider)
    {
        var settings = new Dictionary<string, string>(DeskServerFixture.Settings()) { ["Storage:Provider"] = provider };
        if (provider == "Redis") settings["Storage:Redis"] = redis.Configuration;
        await using var first = await CxBotServer.StartAsync(settings: settings);
        var (lead, _) = await AgentClient.SignInAsync(first.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _lead = lead;
        Assert.Equal(HttpStatusCode.OK, (await lead.Http.GetAsync("/api/cx/summary")).StatusCode);
        var cookie = lead.CookieHeader(first.BaseAddress);

        await first.StopAsync();
        await using var second = await first.RestartedAsync(settings);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cx/summary");
        request.Headers.Add("Cookie", cookie);
        using var response = await second.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("is damaged and was skipped", second.Output);
    }
}
