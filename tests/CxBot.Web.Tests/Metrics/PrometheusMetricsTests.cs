using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using CxBot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.Metrics;

/// <summary>
/// <c>/metrics</c> of the real host after scripted conversations: the values move as the conversations did,
/// read from the Prometheus text a scraper would read, with nothing identifying a customer in any label.
/// Each test has its own host, so every count starts at zero.
/// </summary>
public sealed class PrometheusMetricsTests
{
    [Fact]
    public async Task AfterAHandoffAndASurvey_TheMetricsShowWhatHappened()
    {
        await using var server = await CxBotServer.StartAsync(settings: DeskServerFixture.Settings());
        var customer = new DirectLineClient(server.Http);

        // Nobody online yet: the handoff fails and the customer leaves a ticket.
        var (first, firstToken) = await StartAsync(customer, server);
        await customer.SayAsync(first, firstToken, "real person");
        await customer.WaitForAsync(first, firstToken, list => list.Any(a => Text(a).Contains("no consultant is available")));
        await customer.SayAsync(first, firstToken, "Please call me about order 555");
        await customer.WaitForAsync(first, firstToken, list => list.Any(a => Text(a).Contains("ticket T-")));

        // An agent online: queued (the stream is open meanwhile), accepted, ended by the agent, then the survey.
        var (agent, _) = await AgentClient.SignInAsync(server.BaseAddress, "anna", DeskServerFixture.Password);
        await using var _ = agent;
        await agent.ConnectAsync();
        var (second, secondToken) = await StartAsync(customer, server);
        using var stream = new ClientWebSocket();
        await stream.ConnectAsync(new Uri($"ws://{server.BaseAddress.Authority}/v3/directline/conversations/{second}/stream?t={secondToken}"), default);
        var question = await customer.SayAsync(second, secondToken, "How much does delivery cost?");
        await customer.WaitForAsync(second, secondToken, list => list.Any(a => a["replyToId"]?.GetValue<string>() == question && From(a) == "bot"));
        await customer.SayAsync(second, secondToken, "I want to talk to a human");
        await customer.WaitForAsync(second, secondToken, list => list.Any(a => Text(a).Contains("in the queue")));
        var queued = await PrometheusText.WaitForAsync(server.Http, m => m.Value("cxbot_queue_length") == 1, "one conversation in the queue");
        Assert.Equal(1, queued.Value("cxbot_websocket_streams"));
        Assert.Equal(1, queued.Value("cxbot_agents", "presence=online"));

        Assert.True(await agent.Hub!.InvokeAsync<bool>("Accept", second));
        await customer.WaitForAsync(second, secondToken, list => list.Any(a => Text(a).Contains("has joined")));
        await PrometheusText.WaitForAsync(server.Http, m => m.Value("cxbot_agent_conversations") == 1 && m.Value("cxbot_queue_length") == 0, "the agent holding it");
        await customer.SayAsync(second, secondToken, "my parcel never came");
        await agent.WaitForActivityAsync(a => a.TryGetProperty("text", out var t) && t.GetString() == "my parcel never came");
        await agent.Hub!.InvokeAsync("End", second);
        await customer.WaitForAsync(second, secondToken, list => list.Any(a => Text(a).Contains("How satisfied")));
        await customer.SayAsync(second, secondToken, "5");
        await customer.WaitForAsync(second, secondToken, list => list.Any(a => Text(a).Contains("How easy")));
        await customer.SayAsync(second, secondToken, "4");
        await customer.WaitForAsync(second, secondToken, list => list.Any(a => Text(a).Contains("Anything you'd like to add")));
        await stream.CloseAsync(WebSocketCloseStatus.NormalClosure, null, default);

        var m = await PrometheusText.WaitForAsync(server.Http, m => m.Value("cxbot_effort_answers_total") == 1 && m.Value("cxbot_websocket_streams") == 0,
            "the effort answer and the stream closed");
        Assert.Equal(2, m.Value("cxbot_conversations_started_total"));
        Assert.Equal(1, m.Value("cxbot_handoffs_total", "reason=customer-request", "outcome=failed"));
        Assert.Equal(2, m.Value("cxbot_handoffs_total", "reason=customer-request", "outcome=initiated"));
        Assert.Equal(1, m.Value("cxbot_handoffs_total", "reason=customer-request", "outcome=accepted"));
        Assert.Equal(1, m.Value("cxbot_handoffs_total", "reason=customer-request", "outcome=completed"));
        Assert.Equal(1, m.Value("cxbot_tickets_created_total", "reason=customer-request"));
        Assert.Equal(1, m.Value("cxbot_queue_wait_seconds_count"));
        Assert.Equal(1, m.Value("cxbot_conversations_ended_total", "ended_by=agent"));
        Assert.Equal(1, m.Value("cxbot_csat_answers_total", "score=5", "handled_by=agent"));
        Assert.Equal(1, m.Value("cxbot_csat_answers_total"));
        Assert.Equal(1, m.Value("cxbot_effort_answers_total", "score=4"));
        Assert.Equal(1, m.Value("cxbot_websocket_streams_opened_total"));
        Assert.Equal(0, m.Value("cxbot_agent_conversations"));

        // Seven customer messages: every one a turn, every one scored, and all but the one to the agent answered by the bot.
        Assert.Equal(7, m.Value("cxbot_turns_total", "kind=message", "outcome=ok"));
        Assert.Equal(2, m.Value("cxbot_turns_total", "kind=conversation_update"));
        Assert.True(m.Value("cxbot_turns_total", "kind=internal") >= 2, "accept and end are turns too");
        Assert.Equal(0, m.Value("cxbot_turns_total", "outcome=failed"));
        Assert.Equal(7, m.Value("cxbot_customer_messages_total"));
        Assert.Equal(6, m.Value("cxbot_reply_latency_seconds_count"));
        Assert.Equal(6, m.Value("cxbot_reply_latency_seconds_bucket", "le=+Inf"));
        Assert.True(m.Value("cxbot_reply_latency_seconds_sum") > 0);
        Assert.True(m.Value("cxbot_answers_total", "action=answer", "language=en") >= 1, "the bot's answer carries its decision");
        Assert.True(m.Value("cxbot_store_duration_seconds_count", "operation=append") >= 20);
        Assert.Equal(0, m.Value("cxbot_store_errors_total"));

        // Nothing that identifies a conversation, a customer or what they wrote.
        foreach (var secret in new[] { first, second, "dl_test", "parcel", "anna", "Anna" })
            Assert.DoesNotContain(secret, m.Text);
    }

    [Fact]
    public async Task ManagementUrl_ServesMetricsAndHealthThere_AndNothingElse()
    {
        var port = FreePort();
        await using var server = await CxBotServer.StartAsync(settings: new Dictionary<string, string> { ["Metrics:ManagementUrl"] = $"http://127.0.0.1:{port}" });
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await server.Http.GetAsync("/");

        var scrape = await PrometheusText.WaitForAsync(management, m => m.Has("http_server_request_duration_seconds_count"), "ASP.NET Core's request metrics");
        Assert.True(scrape.Has("cxbot_queue_length"));
        Assert.True(scrape.Has("dotnet_gc_collections_total"), "runtime metrics beside CxBot's");
        Assert.True(scrape.Has("kestrel_active_connections"));
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.PostAsync("/api/webchat/token", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/")).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(string ConversationId, string Token)> StartAsync(DirectLineClient customer, CxBotServer server)
    {
        var started = await customer.StartAsync(server.Secret, "en-US");
        return (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
    }
}
