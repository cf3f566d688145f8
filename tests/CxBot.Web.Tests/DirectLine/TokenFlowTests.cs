using System.Net;
using System.Text.Json.Nodes;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.DirectLine;

/// <summary>
/// The standard Direct Line way for a website: its backend, from one address, exchanges the secret for a token
/// per visitor. The secret holder gets its own generous limit; the browser's own token path stays limited per IP.
/// </summary>
public sealed class TokenFlowTests(TokenFlowTests.DefaultServer fixture) : IClassFixture<TokenFlowTests.DefaultServer>
{
    /// <summary>A host with the limits as shipped; the tests on it count exactly, so nothing else shares it.</summary>
    public sealed class DefaultServer : IAsyncLifetime
    {
        public CxBotServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await CxBotServer.StartAsync();

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    [Fact]
    public async Task ABackendMints120TokensInAMinuteFromOneAddress_AllGranted_WhileTheBrowserPathStaysLimited()
    {
        var server = fixture.Server;
        var client = new DirectLineClient(server.Http);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 120; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", server.Secret,
                new JsonObject { ["user"] = new JsonObject { ["id"] = $"dl_visitor-{i}" } });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        // Starting conversations with the secret counts against the same generous limit.
        for (var i = 0; i < 40; i++) await client.StartAsync(server.Secret, userId: $"dl_visitor-{i}");

        var browser = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++) browser.Add((await server.Http.PostAsync("/api/webchat/token", null)).StatusCode);
        Assert.All(browser.Take(30), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, browser[^1]);

        var metrics = await PrometheusText.WaitForAsync(server.Http, m => m.Value("cxbot_requests_rate_limited_total") >= 1, "the rejected browser call");
        Assert.Equal(120, metrics.Value("cxbot_tokens_issued_total", "via=secret"));
        Assert.Equal(30, metrics.Value("cxbot_tokens_issued_total", "via=webchat"));
        Assert.Equal(1, metrics.Value("cxbot_requests_rate_limited_total", "limit=conversations-per-ip"));
        Assert.Equal(0, metrics.Value("cxbot_requests_rate_limited_total", "limit=secret"));
    }

    [Fact]
    public async Task TheSecretsLimit_IsItsOwn_AndEnforced()
    {
        await using var server = await CxBotServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["DirectLine:SecretRequestsPerMinute"] = "5",
            ["DirectLine:ConversationsPerMinutePerIp"] = "2",
        });
        var client = new DirectLineClient(server.Http);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", server.Secret)).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        // The browser path has its own budget, untouched by the secret's.
        Assert.Equal(HttpStatusCode.OK, (await server.Http.PostAsync("/api/webchat/token", null)).StatusCode);
        // A wrong secret is a stranger: the per-IP limits apply to it.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "not-the-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "not-the-secret")).StatusCode);
        var metrics = await PrometheusText.WaitForAsync(server.Http, m => m.Value("cxbot_requests_rate_limited_total", "limit=secret") == 1, "the secret's rejection");
        Assert.Equal(1, metrics.Value("cxbot_requests_rate_limited_total", "limit=conversations-per-ip"));
    }

    [Fact]
    public async Task AWebsiteOnAnotherOrigin_MayCallDirectLine_ButNotTheBrowserTokenEndpoint()
    {
        var server = fixture.Server;
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations")
        {
            Headers =
            {
                { "Origin", "https://shop.example.com" },
                { "Access-Control-Request-Method", "POST" },
                { "Access-Control-Request-Headers", "authorization,content-type" },
            },
        };
        using var answer = await server.Http.SendAsync(preflight);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));

        // The browser token endpoint stays same-origin (a preflight, so no token is spent on it).
        using var tokenPreflight = new HttpRequestMessage(HttpMethod.Options, "/api/webchat/token")
        {
            Headers = { { "Origin", "https://elsewhere.example" }, { "Access-Control-Request-Method", "POST" } },
        };
        using var token = await server.Http.SendAsync(tokenPreflight);
        Assert.False(token.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
