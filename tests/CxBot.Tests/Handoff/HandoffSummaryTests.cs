using System.Net;
using CxBot.Handoff;
using CxBot.Tests.Knowledge;

namespace CxBot.Tests.Handoff;

/// <summary>
/// The queue tells the agent what the customer wants: with an LLM configured, a sentence Semantic Kernel's
/// OpenAI connector gets written from the customer's messages (here by <see cref="FakeOpenAiServer"/>);
/// without one, or when it fails, the articles tried and the last message.
/// </summary>
public sealed class HandoffSummaryTests : IAsyncLifetime
{
    private const string Written = "Wants to exchange the jacket from order 48213 for a larger size.";
    private readonly FakeOpenAiServer _llm = new();
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(new Dictionary<string, string?>
        {
            ["Knowledge:Llm:Endpoint"] = _llm.Endpoint,
            ["Knowledge:Llm:Model"] = "test-model",
            ["Knowledge:Llm:ApiKey"] = "sk-test",
        });
        _bot.Get<AgentRegistry>().Connected("anna", "Anna", 3);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _llm.DisposeAsync();
    }

    [Fact]
    public async Task WithAnLlm_TheQueueShowsItsSummaryOfTheCustomersMessages()
    {
        _llm.ReplyWith(Written);
        var conversation = await _bot.StartAsync("en-US");
        await _bot.SayAsync(conversation, "I ordered a jacket on Monday, order 48213, and it is too small");
        await _bot.SayAsync(conversation, "agent please");

        var entry = Assert.Single(await _bot.Get<HandoffQueue>().SnapshotAsync(default));
        Assert.Equal(Written, entry.Summary);
        var asked = _llm.Requests[^1].Body;
        Assert.Contains("order 48213, and it is too small", asked);
        Assert.Contains("agent please", asked);
    }

    [Fact]
    public async Task WhenTheLlmFails_TheQueueShowsTheLastMessage()
    {
        _llm.FailWith(HttpStatusCode.InternalServerError);
        var conversation = await _bot.StartAsync("en-US");
        await _bot.SayAsync(conversation, "can I talk to a real person about my refund");

        var entry = Assert.Single(await _bot.Get<HandoffQueue>().SnapshotAsync(default));
        Assert.Contains("can I talk to a real person about my refund", entry.Summary);
    }
}
