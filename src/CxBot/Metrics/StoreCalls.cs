using System.Diagnostics;
using CxBot.Conversations;
using CxBot.Storage;

namespace CxBot.Metrics;

/// <summary>
/// Times a store call and counts its failures, for the measured store decorators. The caller takes the start
/// time and passes the call's task, so nothing is allocated for a call, and one that completed at once (the
/// embedded store's reads) is recorded without an extra await.
/// </summary>
internal static class StoreCalls
{
    public static Task<T> Track<T>(CxBotMetrics metrics, string operation, long started, Task<T> task)
    {
        if (!task.IsCompletedSuccessfully) return AwaitAsync(metrics, operation, started, task);
        metrics.StoreCall(operation, Stopwatch.GetElapsedTime(started));
        return task;
    }

    public static Task Track(CxBotMetrics metrics, string operation, long started, Task task)
    {
        if (!task.IsCompletedSuccessfully) return AwaitAsync(metrics, operation, started, task);
        metrics.StoreCall(operation, Stopwatch.GetElapsedTime(started));
        return task;
    }

    /// <summary>For a call that threw before it returned a task.</summary>
    public static void Failed(CxBotMetrics metrics, string operation, long started, Exception e)
    {
        metrics.StoreCall(operation, Stopwatch.GetElapsedTime(started));
        // "No such conversation" is an answer, not a failure of the store.
        if (e is ConversationNotFoundException or OperationCanceledException) return;
        metrics.StoreFailed(operation, StoreFailures.IsUnavailable(e) ? "unavailable" : "other");
    }

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

    private static async Task AwaitAsync(CxBotMetrics metrics, string operation, long started, Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
            metrics.StoreCall(operation, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            Failed(metrics, operation, started, e);
            throw;
        }
    }
}
