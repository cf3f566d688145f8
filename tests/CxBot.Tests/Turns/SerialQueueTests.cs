using CxBot.Turns;

namespace CxBot.Tests.Turns;

public sealed class SerialQueueTests
{
    [Fact]
    public async Task SameKey_RunsInQueueOrder_OneAtATime()
    {
        var sut = new SerialQueue();
        var order = new List<int>();
        var running = 0;
        var maxRunning = 0;

        var tasks = Enumerable.Range(0, 50).Select(i => sut.RunAsync("c1", async () =>
        {
            var now = Interlocked.Increment(ref running);
            lock (order) { maxRunning = Math.Max(maxRunning, now); order.Add(i); }
            await Task.Delay(i % 3);
            Interlocked.Decrement(ref running);
        })).ToArray();
        await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(0, 50), order);
        Assert.Equal(1, maxRunning);
        Assert.Equal(0, sut.ActiveKeys);
    }

    [Fact]
    public async Task DifferentKeys_RunInParallel()
    {
        var sut = new SerialQueue();
        var first = new TaskCompletionSource();

        var blocked = sut.RunAsync("c1", () => first.Task);
        var other = sut.RunAsync("c2", () => Task.CompletedTask);

        await other.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(blocked.IsCompleted);
        first.SetResult();
        await blocked;
    }

    [Fact]
    public async Task AFailure_DoesNotStopTheQueue()
    {
        var sut = new SerialQueue();

        var failing = sut.RunAsync("c1", () => Task.FromException(new InvalidOperationException("boom")));
        var next = sut.RunAsync("c1", () => Task.FromResult(42));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(42, await next);
    }
}
