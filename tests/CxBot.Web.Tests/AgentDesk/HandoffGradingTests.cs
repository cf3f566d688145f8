using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.AgentDesk;

/// <summary>
/// Agents grade the handoffs they took over through the real host: a customer on Direct Line asks for a person, an agent
/// accepts on the SignalR hub, grades over HTTP with the antiforgery token, and a lead reads the rates on the dashboard's API.
/// </summary>
public sealed class HandoffGradingTests(DeskServerFixture fixture) : IClassFixture<DeskServerFixture>
{
    private readonly DirectLineClient _customer = fixture.Client;

    [Fact]
    public async Task Agent_GradesAHandoffTheyTookOver_ChangesTheGrade_AndTheLeadSeesTheRates()
    {
        await using var anna = await SignedInAsync("anna");
        await using var lead = await SignedInAsync("lena", connect: false);
        var before = await FiguresAsync(lead, "?lang=en");
        var conversationId = await HandedOverToAsync(anna, "I want to talk to a human", "en-US");

        var handled = await HandledAsync(anna, conversationId);
        using var first = await GradeAsync(anna, conversationId, "too-late");
        using var changed = await GradeAsync(anna, conversationId, "not-needed");
        var graded = await HandledAsync(anna, conversationId);
        await anna.Hub!.InvokeAsync("End", conversationId);

        Assert.Equal(("en", "customer-request", JsonValueKind.Undefined), (handled.GetProperty("language").GetString(), handled.GetProperty("reason").GetString(),
            handled.TryGetProperty("grade", out var none) ? none.ValueKind : JsonValueKind.Undefined));
        Assert.True(DateTimeOffset.UtcNow - handled.GetProperty("handedOverAt").GetDateTimeOffset() < TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(("not-needed", "Anna", "anna"), (graded.GetProperty("grade").GetString(), graded.GetProperty("agentName").GetString(), graded.GetProperty("agentId").GetString()));
        Assert.True(graded.GetProperty("gradedAt").GetDateTimeOffset() >= handled.GetProperty("acceptedAt").GetDateTimeOffset());

        // The lead's figures count the handoff once, with its latest grade: one more unnecessary handoff, none more too late.
        var after = await FiguresAsync(lead, "?lang=en");
        var total = (Before: before.GetProperty("total"), After: after.GetProperty("total"));
        Assert.Equal(Count(total.Before, "handoffs") + 1, Count(total.After, "handoffs"));
        Assert.Equal(Count(total.Before, "graded") + 1, Count(total.After, "graded"));
        Assert.Equal(Count(total.Before, "notNeeded") + 1, Count(total.After, "notNeeded"));
        Assert.Equal(Count(total.Before, "tooLate"), Count(total.After, "tooLate"));
        Assert.Equal((double)Count(total.After, "notNeeded") / Count(total.After, "graded"), total.After.GetProperty("notNeededRate").GetDouble(), 6);
        var reason = after.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "customer-request");
        Assert.True(Count(reason, "notNeeded") >= 1);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(after.GetProperty("trend").EnumerateArray(), s => s.GetProperty("key").GetString() == today && Count(s, "notNeeded") >= 1);
        var latest = after.GetProperty("latest")[0];
        Assert.Equal((conversationId, "not-needed"), (latest.GetProperty("conversationId").GetString(), latest.GetProperty("grade").GetString()));

        // Polish only: this English handoff is not there; the export has it as stored.
        var polish = await FiguresAsync(lead, "?lang=pl");
        Assert.DoesNotContain(polish.GetProperty("latest").EnumerateArray(), h => h.GetProperty("conversationId").GetString() == conversationId);
        var csv = await lead.Http.GetStringAsync("/api/cx/export/handoff-grades.csv");
        Assert.Contains($"\"{conversationId}\",", csv);
        Assert.Contains("\"customer-request\",\"anna\",\"Anna\"", csv);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.Http.GetAsync("/api/cx/handoff-grades?from=yesterday")).StatusCode);
    }

    [Fact]
    public async Task Agents_GradeOnlyTheHandoffsTheyTookOver()
    {
        await using var anna = await SignedInAsync("anna");
        await using var lena = await SignedInAsync("lena");
        var annas = await HandedOverToAsync(anna, "czy mogę porozmawiać z konsultantem", "pl-PL");
        var started = await _customer.StartAsync(fixture.Server.Secret, "pl-PL");
        var withTheBotOnly = started["conversationId"]!.GetValue<string>();

        using var byAnotherAgent = await GradeAsync(lena, annas, "not-needed");
        using var neverHandedOver = await GradeAsync(anna, withTheBotOnly, "not-needed");
        using var unknown = await GradeAsync(anna, "no-such-conversation", "not-needed");
        var lenasList = await lena.Http.GetFromJsonAsync<JsonElement>("/api/agent/handled");
        var stillUngraded = await HandledAsync(anna, annas);
        await anna.Hub!.InvokeAsync("End", annas);

        Assert.Equal(HttpStatusCode.Forbidden, byAnotherAgent.StatusCode);
        Assert.Contains("only handoffs you took over", await byAnotherAgent.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, neverHandedOver.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(lenasList.EnumerateArray(), h => h.GetProperty("conversationId").GetString() == annas);
        Assert.False(stillUngraded.TryGetProperty("grade", out _));
    }

    [Fact]
    public async Task Grading_NeedsTheDeskRole_TheAntiforgeryToken_AndAValidGrade_AndBadInputChangesNothing()
    {
        await using var anna = await SignedInAsync("anna");
        await using var lena = await SignedInAsync("lena", connect: false);
        var conversationId = await HandedOverToAsync(anna, "I'd like to speak to an agent", "en-US");
        using var graded = await GradeAsync(anna, conversationId, "right-call");
        var path = $"/api/agent/conversations/{conversationId}/grade";
        var lenasToken = await lena.Http.GetFromJsonAsync<JsonElement>("/api/agent/antiforgery");

        using var anonymous = await fixture.Server.Http.PutAsync(path, Json("{\"grade\":\"not-needed\"}"));
        using var customer = await _customer.SendAsync(HttpMethod.Put, path, fixture.Server.Secret, JsonSerializer.SerializeToNode(new { grade = "not-needed" }));
        using var noToken = await anna.Http.PutAsync(path, Json("{\"grade\":\"not-needed\"}"));
        using var someoneElsesToken = await SendGradeAsync(anna, path, "{\"grade\":\"not-needed\"}", lenasToken);
        var bad = new List<HttpResponseMessage>();
        foreach (var body in new[] { "{\"grade\":\"meh\"}", "{}", "[1]", "{\"grade\":5}", "not json", "" })
            bad.Add(await SendGradeAsync(anna, path, body));
        var after = await HandledAsync(anna, conversationId);
        await anna.Hub!.InvokeAsync("End", conversationId);

        Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, customer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", await noToken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, someoneElsesToken.StatusCode);
        foreach (var response in bad)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("right-call, not-needed, too-late", await response.Content.ReadAsStringAsync());
            response.Dispose();
        }

        Assert.Equal("right-call", after.GetProperty("grade").GetString());
    }

    private async Task<AgentClient> SignedInAsync(string userName, bool connect = true)
    {
        var (agent, response) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, userName, DeskServerFixture.Password);
        Assert.Equal("/agent", response.Headers.Location?.ToString());
        if (connect) await agent.ConnectAsync();
        return agent;
    }

    /// <summary>A customer asks for a person and the agent takes the conversation from the queue.</summary>
    private async Task<string> HandedOverToAsync(AgentClient agent, string text, string locale)
    {
        var started = await _customer.StartAsync(fixture.Server.Secret, locale);
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        await _customer.SayAsync(conversationId, token, text, locale);
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Type(a) == "event" && a["name"]!.GetValue<string>() == "handoff.initiate"));
        await agent.WaitForQueueAsync(q => q.GetProperty("waiting").EnumerateArray().Any(e => e.GetProperty("conversationId").GetString() == conversationId));
        Assert.True(await agent.Hub!.InvokeAsync<bool>("Accept", conversationId));
        return conversationId;
    }

    private static async Task<JsonElement> HandledAsync(AgentClient agent, string conversationId) =>
        (await agent.Http.GetFromJsonAsync<JsonElement>("/api/agent/handled")).EnumerateArray().Single(h => h.GetProperty("conversationId").GetString() == conversationId);

    private static Task<HttpResponseMessage> GradeAsync(AgentClient agent, string conversationId, string grade) =>
        SendGradeAsync(agent, $"/api/agent/conversations/{conversationId}/grade", JsonSerializer.Serialize(new { grade }));

    /// <summary>A PUT with the antiforgery header, as the desk sends it: the agent's own token unless another is given.</summary>
    private static async Task<HttpResponseMessage> SendGradeAsync(AgentClient agent, string path, string body, JsonElement? token = null)
    {
        var antiforgery = token ?? await agent.Http.GetFromJsonAsync<JsonElement>("/api/agent/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = Json(body) };
        request.Headers.Add(antiforgery.GetProperty("header").GetString()!, antiforgery.GetProperty("token").GetString());
        return await agent.Http.SendAsync(request);
    }

    private static async Task<JsonElement> FiguresAsync(AgentClient lead, string query) =>
        await lead.Http.GetFromJsonAsync<JsonElement>("/api/cx/handoff-grades" + query);

    private static int Count(JsonElement slice, string name) => slice.GetProperty(name).GetInt32();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
