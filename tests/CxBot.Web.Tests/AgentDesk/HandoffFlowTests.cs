using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.AgentDesk;

/// <summary>A customer on Direct Line and an agent on the SignalR .NET client, through the real host.</summary>
public sealed class HandoffFlowTests(DeskServerFixture fixture) : IClassFixture<DeskServerFixture>
{
    private readonly DirectLineClient _customer = fixture.Client;

    [Fact]
    public async Task Customer_AsksForAPerson_AgentTakesOver_BothWays_ThenReturnsToTheBot()
    {
        await using var agent = await SignedInAgentAsync("anna");
        var (conversationId, token) = await StartAsync("pl-PL");

        await _customer.SayAsync(conversationId, token, "czy moge porozmawiac z czlowiekiem", "pl-PL");
        var queued = await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("w kolejce")));
        Assert.Contains(queued, a => Type(a) == "event" && a["name"]!.GetValue<string>() == "handoff.initiate"
            && a["value"]!["reason"]!.GetValue<string>() == "customer-request");
        // Other tests share this server, so the position is whatever the agent's queue says it is.
        var told = System.Text.RegularExpressions.Regex.Match(queued.Select(Text).First(t => t.Contains("w kolejce")), @"\*\*(\d+)\.\*\* w kolejce");
        Assert.True(told.Success);
        var queue = await agent.WaitForQueueAsync(q => q.GetProperty("waiting").EnumerateArray().Any(e => e.GetProperty("conversationId").GetString() == conversationId));
        var position = queue.GetProperty("waiting").EnumerateArray().Select(e => e.GetProperty("conversationId").GetString()).ToList().IndexOf(conversationId) + 1;
        Assert.Equal(position.ToString(System.Globalization.CultureInfo.InvariantCulture), told.Groups[1].Value);

        Assert.True(await agent.Hub!.InvokeAsync<bool>("Accept", conversationId));
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("**Anna** (konsultant)")));
        await agent.Hub!.InvokeAsync("Send", conversationId, "Dzień dobry, tu Anna. W czym pomóc?");
        var withAgent = await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).StartsWith("Dzień dobry, tu Anna")));
        var fromAgent = withAgent.Single(a => Text(a).StartsWith("Dzień dobry, tu Anna"));
        Assert.Equal("Anna", fromAgent["from"]!["name"]!.GetValue<string>());
        Assert.Contains(withAgent, a => Type(a) == "event" && a["name"]!.GetValue<string>() == "handoff.status" && a["value"]!["state"]!.GetValue<string>() == "accepted");

        var botMessagesBefore = withAgent.Count(a => From(a) == "bot" && Type(a) == "message");
        await _customer.SayAsync(conversationId, token, "paczka nie doszła, numer 12345", "pl-PL");
        await agent.WaitForActivityAsync(a => a.TryGetProperty("text", out var t) && t.GetString() == "paczka nie doszła, numer 12345");
        await Task.Delay(300);
        var (stillWithAgent, _) = await _customer.GetActivitiesAsync(conversationId, token);
        Assert.Equal(botMessagesBefore, stillWithAgent.Count(a => From(a) == "bot" && Type(a) == "message"));

        await agent.Hub!.InvokeAsync("ReturnToBot", conversationId);
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Type(a) == "event" && a["value"]?["state"]?.GetValue<string>() == "completed"));
        await _customer.SayAsync(conversationId, token, "ile kosztuje dostawa do paczkomatu", "pl-PL");
        var back = await _customer.WaitForAsync(conversationId, token, list => list.LastOrDefault(a => From(a) == "bot" && Type(a) == "message") is { } last
            && last["channelData"]?["cxbot"]?["action"]?.GetValue<string>() == "answer");
        Assert.Equal("delivery-cost", back.Last(a => From(a) == "bot" && Type(a) == "message")["channelData"]!["cxbot"]!["articleId"]!.GetValue<string>());

        // The agent's part is over: the customer's talk with the bot no longer streams to the desk…
        Assert.DoesNotContain(agent.Received, a => a.TryGetProperty("text", out var t) && t.GetString() == "ile kosztuje dostawa do paczkomatu");
        // …until an agent takes the conversation again.
        await _customer.SayAsync(conversationId, token, "jednak poproszę konsultanta", "pl-PL");
        await agent.WaitForQueueAsync(q => q.GetProperty("waiting").EnumerateArray().Any(e => e.GetProperty("conversationId").GetString() == conversationId));
        Assert.True(await agent.Hub!.InvokeAsync<bool>("Accept", conversationId));
        await _customer.SayAsync(conversationId, token, "to znowu ja", "pl-PL");
        await agent.WaitForActivityAsync(a => a.TryGetProperty("text", out var t) && t.GetString() == "to znowu ja");
        await agent.Hub!.InvokeAsync("End", conversationId);
    }

    [Fact]
    public async Task AgentDisconnects_ConversationGoesBackToTheFrontOfTheQueue_NothingLost()
    {
        var agent = await SignedInAgentAsync("anna");
        var (conversationId, token) = await StartAsync("en-US");
        await _customer.SayAsync(conversationId, token, "I want to talk to a human");
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("in the queue")));
        await agent.Hub!.InvokeAsync<bool>("Accept", conversationId);
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("has joined")));

        await agent.DisposeAsync();
        await _customer.SayAsync(conversationId, token, "hello? are you there?");
        var after = await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("lost their connection")));

        await using var second = await SignedInAgentAsync("lena");
        var queue = await second.WaitForQueueAsync(q => q.GetProperty("waiting").EnumerateArray().Any(e => e.GetProperty("conversationId").GetString() == conversationId));
        var first = queue.GetProperty("waiting")[0];
        Assert.Equal(conversationId, first.GetProperty("conversationId").GetString());
        Assert.True(first.GetProperty("returned").GetBoolean());
        Assert.Contains(after, a => Text(a) == "hello? are you there?");

        Assert.True(await second.Hub!.InvokeAsync<bool>("Accept", conversationId));
        using var transcript = await second.Http.GetAsync($"/api/agent/conversations/{conversationId}");
        var body = JsonDocument.Parse(await transcript.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(body.GetProperty("activities").EnumerateArray(), a => a.TryGetProperty("text", out var t) && t.GetString() == "hello? are you there?");
        Assert.Contains(body.GetProperty("activities").EnumerateArray(), a => a.TryGetProperty("text", out var t) && t.GetString() == "I want to talk to a human");
        Assert.True(body.GetProperty("sentiments").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task NoAgentOnline_TheCustomerIsToldHonestly_AndCanLeaveATicket()
    {
        await using var server = await CxBotServer.StartAsync(settings: DeskServerFixture.Settings());
        var customer = new DirectLineClient(server.Http);
        var started = await customer.StartAsync(server.Secret, "en-US");
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());

        await customer.SayAsync(conversationId, token, "real person");
        var told = await customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("no consultant is available")));
        Assert.Contains(told, a => Type(a) == "event" && a["name"]!.GetValue<string>() == "handoff.status" && a["value"]!["state"]!.GetValue<string>() == "failed");
        await customer.SayAsync(conversationId, token, "My order 555 never came. Call me at +48 600 100 200");
        await customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("ticket T-")));

        // A second customer, later, with a protected situation: their request is urgent and comes first in the desk.
        var other = await customer.StartAsync(server.Secret, "en-US");
        var (otherId, otherToken) = (other["conversationId"]!.GetValue<string>(), other["token"]!.GetValue<string>());
        await customer.SayAsync(otherId, otherToken, "the heater I bought from you caught fire last night, the wall is burnt");
        await customer.WaitForAsync(otherId, otherToken, list => list.Any(a => Text(a).Contains("urgent request T-")));

        var (agent, _) = await AgentClient.SignInAsync(server.BaseAddress, "anna", DeskServerFixture.Password);
        await using (agent)
        {
            var queue = JsonDocument.Parse(await agent.Http.GetStringAsync("/api/agent/queue")).RootElement;
            var tickets = queue.GetProperty("tickets").EnumerateArray().ToList();
            Assert.Equal(2, tickets.Count);
            Assert.True(tickets[0].GetProperty("urgent").GetBoolean());
            Assert.Equal("safety", tickets[0].GetProperty("reason").GetString());
            Assert.Contains("order 555", tickets[1].GetProperty("message").GetString());
            Assert.False(tickets[1].GetProperty("urgent").GetBoolean());
        }
    }

    [Fact]
    public async Task Desk_RequiresSignIn_AndLocksOutAfterRepeatedFailures()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/agent/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/hubs/agent/negotiate?negotiateVersion=1", null)).StatusCode);
        var page = await anonymous.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"password\"", await page.Content.ReadAsStringAsync());

        for (var i = 0; i < 3; i++) await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", "wrong password");
        var (locked, response) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", DeskServerFixture.Password);
        await using (locked)
        {
            Assert.Contains("Too%20many", response.Headers.Location!.ToString());
            Assert.Equal(HttpStatusCode.Unauthorized, (await locked.Http.GetAsync("/api/agent/queue")).StatusCode);
        }
    }

    private async Task<AgentClient> SignedInAgentAsync(string userName)
    {
        var (agent, response) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, userName, DeskServerFixture.Password);
        Assert.Equal("/agent", response.Headers.Location?.ToString());
        await agent.ConnectAsync();
        return agent;
    }

    private async Task<(string ConversationId, string Token)> StartAsync(string locale)
    {
        var started = await _customer.StartAsync(fixture.Server.Secret, locale);
        return (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
    }
}
