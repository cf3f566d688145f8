using System.Diagnostics;
using CxBot.Conversations;
using CxBot.Storage;

namespace CxBot.Metrics;

/// <summary>
/// Times a store call and counts its failures, for the measured store decorators. A call that completed at once
/// (the embedded store's reads) is recorded without an extra await.
/// </summary>
internal static class StoreCalls
{
    public static Task<T> Measure<T>(CxBotMetrics metrics, string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        Task<T> task;
        try
        {
            task = call();
        }
        catch (Exception e)
        {
            Failed(metrics, operation, started, e);
            throw;
        }

        if (task.IsCompletedSuccessfully)
        {
            metrics.StoreCall(operation, Stopwatch.GetElapsedTime(started));
            return task;
        }

        return AwaitAsync(metrics, operation, started, task);
    }

    public static Task Measure(CxBotMetrics metrics, string operation, Func<Task> call) =>
        Measure(metrics, operation, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    private static async Task<T> AwaitAsync<T>(CxBotMetrics metrics, string operation, long started, Task<T> task)
    {
        try
        {
            var result = await task.ConfigureAwait(false);
            metrics.StoreCall(operation, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception e)
        {
            Failed(metrics, operation, started, e);
            throw;
        }
    }

    private static void Failed(CxBotMetrics metrics, string operation, long started, Exception e)
    {
        metrics.StoreCall(operation, Stopwatch.GetElapsedTime(started));
        // "No such conversation" is an answer, not a failure of the store.
        if (e is ConversationNotFoundException or OperationCanceledException) return;
        metrics.StoreFailed(operation, StoreFailures.IsUnavailable(e) ? "unavailable" : "other");
    }
}
