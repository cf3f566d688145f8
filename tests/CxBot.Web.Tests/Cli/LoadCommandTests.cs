using System.Globalization;
using System.Text.RegularExpressions;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.Cli;

/// <summary>
/// The load command's open loop against the real host: messages offered at a rate over many conversations with
/// think time, every reply accounted for, and the capacity search stepping the rate up. Only that it works and
/// counts right is checked here; the figures it measures belong in docs/PERFORMANCE.md, not in a test.
/// </summary>
public sealed partial class LoadCommandTests(LoadCommandTests.LoadServer fixture) : IClassFixture<LoadCommandTests.LoadServer>
{
    /// <summary>A host whose per-IP limits allow a load test from one address, as docs/PERFORMANCE.md sets them.</summary>
    public sealed class LoadServer : IAsyncLifetime
    {
        public CxBotServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await CxBotServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["DirectLine:RequestsPerMinutePerIp"] = "1000000",
            ["DirectLine:ActivitiesPerMinutePerConversation"] = "100000",
        });

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    [Fact]
    public async Task OpenLoop_OffersItsRateOverTheConversations_AndAccountsForEveryReply()
    {
        var server = fixture.Server;

        var run = await CliProcess.RunAsync("", "load", "--url", server.BaseAddress.ToString(), "--secret", server.Secret,
            "--rate", "20", "--conversations", "30", "--duration", "5", "--warmup", "1", "--min-think", "1");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("20 messages/s offered over 30 conversations", run.Output);
        var counts = Counts().Match(run.Output);
        Assert.True(counts.Success, run.Output);
        var (offered, sent, replies) = (Number(counts, "offered"), Number(counts, "sent"), Number(counts, "replies"));
        Assert.True(offered > 0 && sent > 0, run.Output);
        Assert.Equal(sent, replies);
        Assert.Equal(0, Number(counts, "errors"));
        Assert.Matches(@"reply latency ms: p50 \d+\.\d, p90 \d+\.\d, p99 \d+\.\d", run.Output);
        Assert.Contains("lost activities 0, duplicated activities 0", run.Output);

        // The server saw those turns too.
        var metrics = await PrometheusText.ScrapeAsync(server.Http);
        Assert.True(metrics.Value("cxbot_reply_latency_seconds_count") >= replies, metrics.Value("cxbot_reply_latency_seconds_count").ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task FindCapacity_StepsTheRateUp_AndReportsTheLastThatMetTheTarget()
    {
        var server = fixture.Server;

        var run = await CliProcess.RunAsync("", "load", "--url", server.BaseAddress.ToString(), "--secret", server.Secret, "--find-capacity",
            "--start-rate", "4", "--step", "4", "--max-rate", "8", "--step-seconds", "3", "--warmup", "1", "--message-every", "4", "--min-think", "1",
            "--target-p99-ms", "5000");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Matches(@"\n\s+4\s+16\s", run.Output);
        Assert.Matches(@"\n\s+8\s+32\s", run.Output);
        Assert.Contains("capacity: 8 messages/s = 32 concurrent chats at one message per 4 s", run.Output);
        Assert.Contains("(stopped at --max-rate 8)", run.Output);
    }

    private static long Number(Match match, string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"offered (?<offered>\d+) \(.*?\), sent (?<sent>\d+) \(.*?\), replies (?<replies>\d+), no customer free \d+, errors (?<errors>\d+)")]
    private static partial Regex Counts();
}
