using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.EndToEnd;

/// <summary>Microsoft's Web Chat and the agent desk side by side in headless Chromium, through a whole handoff.</summary>
public sealed class AgentDeskInChromiumTests(DeskServerFixture fixture) : IClassFixture<DeskServerFixture>
{
    [Fact]
    public async Task CustomerInWebChat_AndAgentInTheDesk_TalkBothWays_AndTheCustomerIsSurveyedAtTheEnd()
    {
        var result = await NodeScript.RunAsync("desk.js", fixture.Server.BaseAddress.ToString().TrimEnd('/'), "anna", DeskServerFixture.Password,
            NodeScript.ArtifactPath("handoff-webchat.png"), NodeScript.ArtifactPath("handoff-desk.png"));

        Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
        Assert.Contains("customer-request", result.GetProperty("queueItem").GetString());

        // The agent sees everything the customer said to the bot, markup as plain text, and it never runs.
        var transcript = result.GetProperty("deskTranscript").GetString()!;
        Assert.Contains("How much does delivery cost?", transcript);
        Assert.Contains("I want to talk to a real person", transcript);
        Assert.Contains("<b>bold</b>", transcript);
        Assert.False(result.GetProperty("deskXss").GetBoolean());
        // The bot's Markdown is rendered (the queue message's **#1**), never shown raw; the customer typed no Markdown.
        Assert.True(result.GetProperty("deskBold").GetInt32() >= 1);
        Assert.DoesNotContain("**", transcript);
        // Web Chat's own user id is no proof of who the customer is: no history for an anonymous visitor.
        Assert.Equal("Anonymous visitor: no history.", result.GetProperty("historyNote").GetString());
        Assert.False(result.GetProperty("webchatXss").GetBoolean());

        Assert.True(result.GetProperty("agentTypingShown").GetBoolean(), "Web Chat did not show the agent typing");
        Assert.True(result.GetProperty("customerTypingShown").GetBoolean(), "the desk did not show the customer typing");
        var webchat = result.GetProperty("webchat").GetString()!;
        Assert.Contains("Anna", webchat);
        Assert.Contains("Anna here. I can see your question about delivery.", webchat);
        Assert.Equal(1, result.GetProperty("surveyQuestions").GetInt32());
        Assert.DoesNotContain("My order number is 4711", result.GetProperty("deskAfterEnd").GetString());
    }
}
