using CxBot.Tests.Storage;

namespace CxBot.Web.Tests.Cli;

/// <summary>
/// <c>perf history</c>, which measures a returning customer's history (docs/PERFORMANCE.md), works on both stores: it finds
/// exactly the customer's earlier conversations among others' and leaves a shared Redis as it found it. Its timings are
/// reported, not asserted.
/// </summary>
public sealed class PerfHistoryCommandTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Embedded_FindsExactlyTheCustomersEarlierConversations()
    {
        var run = await CliProcess.RunAsync("", "perf", "history", "--conversations", "12", "--others", "40", "--runs", "3");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("history (Sqlite): 12 earlier conversations shown of a customer with 12, among 40 other conversations", run.Output);
        Assert.Contains("\"returning customer: 12 conversations in 30 days, last about", run.Output);
    }

    [Fact]
    public async Task Redis_FindsExactlyTheCustomersEarlierConversations_AndCleansUp()
    {
        var keysBefore = (long)await redis.Connection.GetDatabase().ExecuteAsync("DBSIZE");
        var run = await CliProcess.RunAsync("", "perf", "history", "--provider", "Redis", "--redis", redis.Configuration,
            "--conversations", "12", "--others", "40", "--runs", "3");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("history (Redis): 12 earlier conversations shown of a customer with 12, among 40 other conversations", run.Output);
        Assert.Equal(keysBefore, (long)await redis.Connection.GetDatabase().ExecuteAsync("DBSIZE"));
    }
}
