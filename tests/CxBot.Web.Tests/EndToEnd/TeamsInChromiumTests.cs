using CxBot.Web.Tests.Infrastructure;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.EndToEnd;

/// <summary>Two agents' desks in Chromium: a returning customer's B2B conversation, offered to the team first, with the history.</summary>
public sealed class TeamsInChromiumTests(TeamDeskFixture fixture) : IClassFixture<TeamDeskFixture>
{
    [Fact]
    public async Task GeneralistWaitsForTheTeam_TeamAgentAcceptsAndReadsTheCustomersEarlierConversation()
    {
        // Someone is online (Lena, complaints), so the customer is queued rather than offered a ticket.
        var (lena, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _lena = lena;
        await lena.ConnectAsync();
        var customer = fixture.Client;
        var customerId = "shop-customer-" + Guid.NewGuid().ToString("N");
        var first = await customer.StartAsync(fixture.Server.Secret, "en-US", customerId);
        var (firstId, firstToken) = (first["conversationId"]!.GetValue<string>(), first["token"]!.GetValue<string>());
        await customer.SayAsync(firstId, firstToken, "How do I return an item I bought?");
        await customer.WaitForAsync(firstId, firstToken, list => list.Any(a => a["channelData"]?["cxbot"]?["articleId"]?.GetValue<string>() == "returns"));
        var second = await customer.StartAsync(fixture.Server.Secret, "en-US", customerId);
        var (secondId, secondToken) = (second["conversationId"]!.GetValue<string>(), second["token"]!.GetValue<string>());
        await customer.SayAsync(secondId, secondToken, "Do you have a business account with volume discounts for company purchases?");
        await customer.WaitForAsync(secondId, secondToken, list => list.Any(a => a["channelData"]?["cxbot"]?["articleId"]?.GetValue<string>() == "b2b"));
        await customer.SayAsync(secondId, secondToken, "I want to talk to a real person");
        await customer.WaitForAsync(secondId, secondToken, list => list.Any(a => Text(a).Contains("in the queue")));

        var result = await NodeScript.RunAsync("desk-teams.js", fixture.Server.BaseAddress.ToString().TrimEnd('/'), secondId, DeskServerFixture.Password,
            NodeScript.ArtifactPath("teams-generalist.png"), NodeScript.ArtifactPath("teams-b2b-agent.png"), NodeScript.ArtifactPath("teams-history.png"));

        Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
        Assert.Contains("team b2b", result.GetProperty("generalistItem").GetString());
        Assert.Contains("for b2b agents first · open to all in", result.GetProperty("generalistItem").GetString());
        Assert.True(result.GetProperty("generalistNotYet").GetBoolean());
        Assert.True(result.GetProperty("generalistAcceptDisabled").GetBoolean());
        Assert.Contains("for you (b2b) first", result.GetProperty("teamItem").GetString());
        Assert.Contains("returning customer: 1 conversation in 30 days, last about returning products", result.GetProperty("teamItem").GetString());
        Assert.False(result.GetProperty("teamAcceptDisabled").GetBoolean());

        Assert.Equal("1 earlier conversation(s).", result.GetProperty("historyNote").GetString());
        Assert.Contains("Returning products", result.GetProperty("history").GetString());
        Assert.Contains("team b2b", result.GetProperty("header").GetString());
        Assert.Contains("team complaints", result.GetProperty("transferOptions").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains("How do I return an item I bought?", result.GetProperty("pastTranscript").GetString());
    }
}
