namespace CxBot.Turns;

/// <summary>
/// Runs work for one key strictly in the order it was queued, and work for different keys in parallel.
/// Each key keeps only the tail task of its chain; the entry goes away when the chain drains.
/// </summary>
public sealed class SerialQueue
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    public Task<T> RunAsync<T>(string key, Func<Task<T>> work)
    {
        Task<T> task;
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            task = RunAfter(previous, work);
            _tails[key] = task;
        }

        _ = task.ContinueWith(
            finished =>
            {
                lock (_tails)
                {
                    if (_tails.TryGetValue(key, out var tail) && tail == finished) _tails.Remove(key);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    public Task RunAsync(string key, Func<Task> work) =>
        RunAsync(key, async () =>
        {
            await work();
            return true;
        });

    /// <summary>Keys with queued or running work.</summary>
    public int ActiveKeys
    {
        get { lock (_tails) return _tails.Count; }
    }

    private static async Task<T> RunAfter<T>(Task previous, Func<Task<T>> work)
    {
        try { await previous.ConfigureAwait(false); }
        catch { /* the previous item's failure belongs to its own caller */ }
        return await work().ConfigureAwait(false);
    }
}
