using System.Net.WebSockets;
using CxBot.Web.Tests.Infrastructure;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.DirectLine;

/// <summary>The embedded store keeps everything across a restart, and a client resuming with its watermark gets each activity exactly once.</summary>
public sealed class RestartTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AfterRestart_ReconnectWithWatermark_LosesAndDuplicatesNothing(bool crash)
    {
        var first = await CxBotServer.StartAsync();
        var client = new DirectLineClient(first.Http);
        var started = await client.StartAsync(first.Secret);
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        await client.SayAsync(conversationId, token, "before restart");
        var seen = await client.WaitForAsync(conversationId, token, list => list.Count(a => From(a) == "bot" && Type(a) == "message") >= 2);
        var watermark = seen.Count.ToString();

        if (crash) await first.CrashAsync();
        else await first.StopAsync();
        await using var second = await first.RestartedAsync();
        var resumed = new DirectLineClient(second.Http);

        using var reconnect = await resumed.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        var body = await ReadObjectAsync(reconnect);
        await resumed.SayAsync(conversationId, body["token"]!.GetValue<string>(), "after restart");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(body["streamUrl"]!.GetValue<string>()), CancellationToken.None);
        var (after, _) = await ReceiveUntilAsync(socket, list => list.Count(a => From(a) == "bot" && Type(a) == "message") >= 1);
        var (all, _) = await resumed.GetActivitiesAsync(conversationId, token);

        Assert.Equal(seen.Select(a => a.ToJsonString()), all.Take(seen.Count).Select(a => a.ToJsonString()));
        Assert.Equal("after restart", Text(after[0]));
        var delivered = seen.Concat(after).Select(a => a["id"]!.GetValue<string>()).ToList();
        Assert.Equal(delivered.Distinct(), delivered);
        Assert.Equal(all.Take(delivered.Count).Select(a => a["id"]!.GetValue<string>()), delivered);
        await first.DisposeAsync();
    }
}
