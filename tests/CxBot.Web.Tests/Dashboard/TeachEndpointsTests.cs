using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.Dashboard;

/// <summary>Teaching over HTTP as the dashboard does it: antiforgery, validation, the list, the log, revoking.</summary>
public sealed class TeachEndpointsTests(DeskServerFixture fixture) : IClassFixture<DeskServerFixture>
{
    [Fact]
    public async Task Lead_Teaches_SeesItListedAndLogged_ThenRevokes()
    {
        var (lead, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _lead = lead;
        var body = new { articleId = "gift-card", questions = new[] { new { text = "czy bon mogę dać babci, mail babcia@example.com", language = "pl" } } };

        using (var forged = await lead.Http.PostAsJsonAsync("/api/cx/taught", body))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var taught = await SendAsync(lead, HttpMethod.Post, "/api/cx/taught", body);
        Assert.Equal(HttpStatusCode.OK, taught.StatusCode);

        var listed = Assert.Single((await lead.Http.GetFromJsonAsync<JsonElement>("/api/cx/taught")).EnumerateArray(),
            q => q.GetProperty("articleId").GetString() == "gift-card");
        // Taught questions outlive conversations, so they keep no personal data.
        Assert.Equal("czy bon mogę dać babci, mail [email]", listed.GetProperty("text").GetString());
        Assert.Equal("lena", listed.GetProperty("taughtBy").GetString());
        Assert.True(listed.GetProperty("active").GetBoolean());
        Assert.Contains((await lead.Http.GetFromJsonAsync<JsonElement>("/api/cx/articles")).EnumerateArray(), a => a.GetProperty("id").GetString() == "gift-card");

        using var revoked = await SendAsync(lead, HttpMethod.Delete, $"/api/cx/taught/{listed.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        using var again = await SendAsync(lead, HttpMethod.Delete, $"/api/cx/taught/{listed.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var log = (await lead.Http.GetFromJsonAsync<JsonElement>("/api/cx/teach-log")).EnumerateArray()
            .Where(e => e.GetProperty("questionId").GetString() == listed.GetProperty("id").GetString()).ToList();
        Assert.Equal(["revoked", "taught"], log.Select(e => e.GetProperty("action").GetString()));
        Assert.All(log, e => Assert.Equal("lena", e.GetProperty("by").GetString()));
    }

    [Theory]
    [InlineData("{\"articleId\":\"no-such-article\",\"questions\":[{\"text\":\"x\",\"language\":\"pl\"}]}", "no article")]
    [InlineData("{\"articleId\":\"returns\",\"questions\":[]}", "at least one")]
    [InlineData("{\"articleId\":\"returns\",\"questions\":[{\"text\":\"x\",\"language\":\"de\"}]}", "language")]
    [InlineData("{\"questions\":[{\"text\":\"x\",\"language\":\"pl\"}]}", "articleId")]
    public async Task BadTeaching_Gets400_WithAClearMessage(string json, string expected)
    {
        var (lead, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _lead = lead;

        using var response = await SendAsync(lead, HttpMethod.Post, "/api/cx/taught", JsonDocument.Parse(json).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Replay_RejectsBadDates_AndReportsAsJson()
    {
        var (lead, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _lead = lead;

        Assert.Equal(HttpStatusCode.BadRequest, (await lead.Http.GetAsync("/api/cx/replay?from=yesterday")).StatusCode);
        var report = await lead.Http.GetFromJsonAsync<JsonElement>("/api/cx/replay?from=2020-01-01");
        Assert.True(report.GetProperty("total").GetInt32() >= 0);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("items").ValueKind);
    }

    private static async Task<HttpResponseMessage> SendAsync<T>(AgentClient lead, HttpMethod method, string path, T body)
    {
        var antiforgery = await lead.Http.GetFromJsonAsync<JsonElement>("/api/cx/antiforgery");
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(antiforgery.GetProperty("header").GetString()!, antiforgery.GetProperty("token").GetString());
        return await lead.Http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendAsync(AgentClient lead, HttpMethod method, string path) =>
        SendAsync<object?>(lead, method, path, null);
}
