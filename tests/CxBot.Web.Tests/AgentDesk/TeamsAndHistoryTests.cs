using System.Text.Json;
using CxBot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.AgentDesk;

/// <summary>Teams in the queue and a returning customer's history, through the real host, Direct Line and the desk's hub.</summary>
public sealed class TeamsAndHistoryTests(TeamDeskFixture fixture) : IClassFixture<TeamDeskFixture>
{
    private readonly DirectLineClient _customer = fixture.Client;

    [Fact]
    public async Task TeamConversation_IsOfferedToItsTeamFirst_OthersCannotTakeIt_AndCanBeTransferredToAnotherTeam()
    {
        await using var anna = await ConnectedAsync("anna");
        await using var kasia = await ConnectedAsync("kasia");
        await using var lena = await ConnectedAsync("lena");
        var (conversationId, token) = await StartAsync();
        await _customer.SayAsync(conversationId, token, "Do you have a business account with volume discounts for company purchases?");
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => a["channelData"]?["cxbot"]?["articleId"]?.GetValue<string>() == "b2b"));
        await _customer.SayAsync(conversationId, token, "I want to talk to a real person");

        var entry = await EntryAsync(anna, conversationId, e => true);
        Assert.Equal("b2b", entry.GetProperty("team").GetString());
        Assert.True(entry.GetProperty("restricted").GetBoolean());
        Assert.Equal(["kasia"], entry.GetProperty("offeredTo").EnumerateArray().Select(a => a.GetString()));

        var refused = await Assert.ThrowsAsync<HubException>(() => anna.Hub!.InvokeAsync<bool>("Accept", conversationId));
        Assert.Contains("offered to the b2b agents first", refused.Message);
        Assert.True(await kasia.Hub!.InvokeAsync<bool>("Accept", conversationId));

        var noTeam = await Assert.ThrowsAsync<HubException>(() => kasia.Hub!.InvokeAsync("TransferToTeam", conversationId, "payments"));
        Assert.Contains("There is no team 'payments'", noTeam.Message);
        await kasia.Hub!.InvokeAsync("TransferToTeam", conversationId, "complaints");
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("transferring you to another consultant")));

        var transferred = await EntryAsync(anna, conversationId, e => e.GetProperty("team").GetString() == "complaints");
        Assert.True(transferred.GetProperty("returned").GetBoolean());
        Assert.Equal(["lena"], transferred.GetProperty("offeredTo").EnumerateArray().Select(a => a.GetString()));
        await Assert.ThrowsAsync<HubException>(() => kasia.Hub!.InvokeAsync<bool>("Accept", conversationId));
        Assert.True(await lena.Hub!.InvokeAsync<bool>("Accept", conversationId));
        var transcript = JsonDocument.Parse(await lena.Http.GetStringAsync($"/api/agent/conversations/{conversationId}")).RootElement;
        Assert.Equal("complaints", transcript.GetProperty("team").GetString());
        await lena.Hub!.InvokeAsync("End", conversationId);

        // The customer rates it; the dashboard's figures per team count it under complaints (the team that took it).
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("How satisfied are you")));
        await _customer.SayAsync(conversationId, token, "5");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement complaints;
        while (true)
        {
            var teams = JsonDocument.Parse(await lena.Http.GetStringAsync("/api/cx/teams")).RootElement;
            complaints = teams.EnumerateArray().FirstOrDefault(t => t.GetProperty("team").GetString() == "complaints");
            if (complaints.ValueKind == JsonValueKind.Object && complaints.GetProperty("rated").GetInt32() >= 1) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No complaints team in the dashboard's figures: " + teams);
            await Task.Delay(200);
        }

        Assert.Equal(5, complaints.GetProperty("mean").GetDouble());
        Assert.True(complaints.GetProperty("waited").GetInt32() >= 1);

        // The desk offers every team and every colleague to transfer to.
        var me = JsonDocument.Parse(await anna.Http.GetStringAsync("/api/agent/me")).RootElement;
        Assert.Equal(["b2b", "complaints"], me.GetProperty("transferTeams").EnumerateArray().Select(t => t.GetString()));
        var kasiaMe = JsonDocument.Parse(await kasia.Http.GetStringAsync("/api/agent/me")).RootElement;
        Assert.Equal(["b2b"], kasiaMe.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["en"], kasiaMe.GetProperty("languages").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task ReturningCustomer_TheDeskShowsTheirEarlierConversations_AndTheQueueSaysSo_AnonymousVisitorsGetNone()
    {
        await using var anna = await ConnectedAsync("anna");
        var customerId = "shop-customer-" + Guid.NewGuid().ToString("N");

        // Yesterday's conversation (well: an earlier one), bound to the customer by the website's backend (the secret).
        var first = await _customer.StartAsync(fixture.Server.Secret, "en-US", customerId);
        var (firstId, firstToken) = (first["conversationId"]!.GetValue<string>(), first["token"]!.GetValue<string>());
        await _customer.SayAsync(firstId, firstToken, "How do I return an item I bought?");
        await _customer.WaitForAsync(firstId, firstToken, list => list.Any(a => a["channelData"]?["cxbot"]?["articleId"]?.GetValue<string>() == "returns"));

        var second = await _customer.StartAsync(fixture.Server.Secret, "en-US", customerId);
        var (secondId, secondToken) = (second["conversationId"]!.GetValue<string>(), second["token"]!.GetValue<string>());
        await _customer.SayAsync(secondId, secondToken, "I want to talk to a real person");
        var entry = await EntryAsync(anna, secondId, e => true);
        Assert.StartsWith("returning customer: 1 conversation in 30 days, last about returning products", entry.GetProperty("summary").GetString());

        var history = JsonDocument.Parse(await anna.Http.GetStringAsync($"/api/agent/conversations/{secondId}/history")).RootElement;
        Assert.True(history.GetProperty("known").GetBoolean());
        Assert.Equal(customerId, history.GetProperty("customer").GetString());
        var past = Assert.Single(history.GetProperty("conversations").EnumerateArray());
        Assert.Equal(firstId, past.GetProperty("conversationId").GetString());
        Assert.Contains(past.GetProperty("articles").EnumerateArray(), a => a.GetProperty("id").GetString() == "returns" && a.GetProperty("title").GetString() == "Returning products");
        Assert.Equal("en", past.GetProperty("language").GetString());
        // Its transcript is a click away.
        Assert.Contains("How do I return an item I bought?", await anna.Http.GetStringAsync($"/api/agent/conversations/{firstId}"));

        // A browser claiming the same id (Web Chat's own user id, no backend) is an anonymous visitor: no history, no summary line.
        using var issued = await fixture.Server.Http.PostAsync("/api/webchat/token", null);
        var issuedBody = await issued.Content.ReadAsStringAsync();
        Assert.True(issued.IsSuccessStatusCode, $"{(int)issued.StatusCode} {issuedBody}");
        var browserToken = JsonDocument.Parse(issuedBody).RootElement.GetProperty("token").GetString()!;
        var anonymous = await _customer.StartAsync(browserToken, "en-US", customerId);
        var (anonymousId, anonymousToken) = (anonymous["conversationId"]!.GetValue<string>(), anonymous["token"]!.GetValue<string>());
        await _customer.SayAsync(anonymousId, anonymousToken, "I want to talk to a real person");
        var anonymousEntry = await EntryAsync(anna, anonymousId, e => true);
        Assert.DoesNotContain("returning customer", anonymousEntry.GetProperty("summary").GetString());
        var none = JsonDocument.Parse(await anna.Http.GetStringAsync($"/api/agent/conversations/{anonymousId}/history")).RootElement;
        Assert.False(none.GetProperty("known").GetBoolean());
        Assert.False(none.TryGetProperty("customer", out var who) && who.ValueKind != JsonValueKind.Null);
        Assert.Equal(0, none.GetProperty("conversations").GetArrayLength());
    }

    private async Task<AgentClient> ConnectedAsync(string userName)
    {
        var (agent, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, userName, DeskServerFixture.Password);
        await agent.ConnectAsync();
        return agent;
    }

    private async Task<(string ConversationId, string Token)> StartAsync()
    {
        var token = (await _customer.GenerateTokenAsync(fixture.Server.Secret))["token"]!.GetValue<string>();
        var started = await _customer.StartAsync(token, "en-US");
        return (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
    }

    /// <summary>The conversation's entry in the queue as the desk's API shows it, once it matches.</summary>
    private static async Task<JsonElement> EntryAsync(AgentClient agent, string conversationId, Func<JsonElement, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var queue = JsonDocument.Parse(await agent.Http.GetStringAsync("/api/agent/queue")).RootElement;
            var entry = queue.GetProperty("waiting").EnumerateArray().FirstOrDefault(e => e.GetProperty("conversationId").GetString() == conversationId);
            if (entry.ValueKind == JsonValueKind.Object && predicate(entry)) return entry;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{conversationId} never matched in the queue: {queue}");
            await Task.Delay(100);
        }
    }
}
