using System.Net;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.Website;

public sealed class WebsiteTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly CxBotServer _server = fixture.Server;

    [Fact]
    public async Task StorePage_LoadsWebChatFromCxBotItself()
    {
        var page = await _server.Http.GetStringAsync("/");
        using var bundle = await _server.Http.GetAsync("/lib/webchat/webchat.js");

        Assert.Contains("Wrzos", page);
        Assert.Contains("src=\"/lib/webchat/webchat.js\"", page);
        Assert.DoesNotContain("cdn.botframework.com", page);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000);
    }

    [Fact]
    public async Task TheSecret_NeverReachesTheBrowser()
    {
        var page = await _server.Http.GetStringAsync("/");
        var script = await _server.Http.GetStringAsync("/js/store.js");
        using var token = await _server.Http.PostAsync("/api/webchat/token", null);
        var body = await token.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Contains("\"token\"", body);
        foreach (var text in new[] { page, script, body }) Assert.DoesNotContain(_server.Secret, text);
    }

    [Fact]
    public async Task PrivacyNote_IsThereInBothLanguages()
    {
        var page = await _server.Http.GetStringAsync("/privacy.html");

        Assert.Contains("id=\"pl\"", page);
        Assert.Contains("id=\"en\"", page);
        Assert.Contains("RODO", page);
        Assert.Contains("GDPR", page);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/agent/login")]
    [InlineData("/cx")]
    [InlineData("/v3/directline/conversations/none/activities")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var response = await _server.Http.GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", string.Join(' ', response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join(' ', response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrStyleAttributes_SoTheStrictPolicyHolds()
    {
        foreach (var path in new[] { "/", "/privacy.html", "/agent/login" })
        {
            var page = await _server.Http.GetStringAsync(path);
            Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", page);
            Assert.DoesNotMatch(@"\son[a-z]+\s*=", page);
        }
    }

    [Fact]
    public async Task Healthz_IsHealthy()
    {
        Assert.Equal("Healthy", await _server.Http.GetStringAsync("/healthz"));
    }
}
