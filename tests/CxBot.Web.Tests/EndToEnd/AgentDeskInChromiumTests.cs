using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.EndToEnd;

/// <summary>Microsoft's Web Chat and the agent desk side by side in headless Chromium, through a whole handoff, its grade and the lead's view of it.</summary>
public sealed class AgentDeskInChromiumTests(DeskServerFixture fixture) : IClassFixture<DeskServerFixture>
{
    [Fact]
    public async Task CustomerInWebChat_AndAgentInTheDesk_TalkBothWays_TheAgentGradesTheHandoff_AndTheLeadSeesTheRate()
    {
        var result = await NodeScript.RunAsync("desk.js", fixture.Server.BaseAddress.ToString().TrimEnd('/'), "anna", DeskServerFixture.Password,
            NodeScript.ArtifactPath("handoff-webchat.png"), NodeScript.ArtifactPath("handoff-desk.png"),
            "lena", DeskServerFixture.Password, NodeScript.ArtifactPath("handoff-judgement.png"));

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

        // One click graded the handoff in the conversation; a click in "Recently handled" changed it, and it was stored.
        Assert.Contains("Should have come sooner", result.GetProperty("gradeBar").GetString());
        Assert.Equal("not-needed", result.GetProperty("storedGrade").GetString());
        Assert.Equal(["Not needed"], result.GetProperty("pressedAfterReload").EnumerateArray().Select(e => e.GetString()));

        // This server's only handoff, graded "not needed": the lead reads 100 % unnecessary, none late, all graded.
        var judgement = result.GetProperty("judgement");
        Assert.Equal("100%", judgement.GetProperty("not-needed-rate").GetString());
        Assert.Equal("1 of 1 graded", judgement.GetProperty("not-needed-count").GetString());
        Assert.Equal("0%", judgement.GetProperty("too-late-rate").GetString());
        Assert.Equal("1 of 1 handoffs", judgement.GetProperty("graded-count").GetString());
        Assert.Matches(@"customer-request\s+1\s+1\s+100%\s+0%", judgement.GetProperty("judgement-reasons").GetString());
        Assert.Matches(@"not needed\s+customer-request\s+en\s+Anna", judgement.GetProperty("judgement-latest").GetString());
        var notNeeded = result.GetProperty("judgementChart").EnumerateArray().Single(d => d.GetProperty("label").GetString() == "not needed %");
        Assert.Equal([100.0], notNeeded.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
    }
}
