using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// The database's one writer. Writes queue here from any thread; a dedicated thread takes everything queued,
/// runs it in one transaction and commits it (group commit), then completes each write's task. So a write is
/// committed before its caller continues, and many conversations share one commit. A write that throws before
/// changing anything (an unknown conversation) fails alone; a database error (full disk, I/O) rolls the whole
/// group back and fails every write in it, so nothing is acknowledged that was not written.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private const int MaxGroup = 2048;

    private readonly SqliteConnection _connection;
    private readonly ConcurrentQueue<Job> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Task _loop;
    private readonly SqliteCommand _begin, _commit, _rollback;
    private volatile bool _stopping;

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        _begin = Command("BEGIN IMMEDIATE");
        _commit = Command("COMMIT");
        _rollback = Command("ROLLBACK");
        // A loop on the thread pool rather than a thread of its own: a pool thread picks up the next write in
        // microseconds, where waking a sleeping thread costs tens of them per write.
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The last database error a commit met, until a commit succeeds again (for <c>/healthz</c>).</summary>
    public string? Fault { get; private set; }

    /// <summary>When a commit last failed (Stopwatch timestamp).</summary>
    public long LastFailure { get; private set; }

    /// <summary>
    /// A write failed for want of room (SQLITE_FULL: the disk or <c>Storage:MaxDatabaseMegabytes</c>). Unlike
    /// <see cref="Fault"/>, a later small write that fits in a page does not clear it: only <see cref="RoomFound"/> does,
    /// once a probe has made the file grow.
    /// </summary>
    public bool OutOfRoom { get; private set; }

    /// <summary>A probe made the file grow: there is room again.</summary>
    public void RoomFound() => OutOfRoom = false;

    /// <summary>A command on the writer's connection, to prepare once and reuse inside writes.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public SqliteConnection Connection => _connection;

    /// <summary>Raised on the writer thread when a group was rolled back, so writer-side caches start again from the database.</summary>
    public event Action? RolledBack;

    /// <summary>Runs <paramref name="work"/> inside the next group's transaction; <paramref name="committed"/> runs after the commit, before the task completes.</summary>
    public Task<T> WriteAsync<T>(Func<T> work, Action<T>? committed = null)
    {
        var job = new Job<T>(work, committed);
        if (_stopping) return Task.FromException<T>(new ObjectDisposedException(nameof(SqliteWriter)));
        _queue.Enqueue(job);
        _signal.Release();
        return job.Task;
    }

    /// <summary>Runs <paramref name="work"/> alone, outside any transaction (checkpoints, vacuum, backup).</summary>
    public Task<T> ExclusiveAsync<T>(Func<T> work)
    {
        var job = new Job<T>(work, null) { Exclusive = true };
        if (_stopping) return Task.FromException<T>(new ObjectDisposedException(nameof(SqliteWriter)));
        _queue.Enqueue(job);
        _signal.Release();
        return job.Task;
    }

    private async Task RunAsync()
    {
        var group = new List<Job>(MaxGroup);
        while (true)
        {
            // A turn's next write usually follows within microseconds: look for it briefly before yielding the thread.
            if (!SpinForWork()) await _signal.WaitAsync().ConfigureAwait(false);
            if (_stopping && _queue.IsEmpty) return;
            while (group.Count < MaxGroup && _queue.TryPeek(out var next))
            {
                if (next.Exclusive && group.Count > 0) break;
                _queue.TryDequeue(out _);
                group.Add(next);
                if (next.Exclusive) break;
            }

            // Each dequeued job had its own signal; take the extra ones so the loop does not spin on them.
            for (var i = 1; i < group.Count; i++) _signal.Wait(0);
            if (group.Count == 0) continue;
            if (group.Count == 1 && group[0].Exclusive) RunExclusive(group[0]);
            else RunGroup(group);
            group.Clear();
        }
    }

    private bool SpinForWork()
    {
        var spin = new SpinWait();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!_signal.Wait(0))
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks > SpinTicks) return false;
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return true;
    }

    private static readonly long SpinTicks = TimeSpan.FromMicroseconds(50).Ticks;

    private static void RunExclusive(Job job)
    {
        try
        {
            job.Run();
            job.Succeed();
        }
        catch (Exception e)
        {
            job.Fail(e);
        }
    }

    private void RunGroup(List<Job> group)
    {
        try
        {
            _begin.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            Failed(e);
            foreach (var job in group) job.Fail(e);
            return;
        }

        var ok = new List<Job>(group.Count);
        try
        {
            foreach (var job in group)
            {
                try
                {
                    job.Run();
                    ok.Add(job);
                }
                catch (Exception e) when (e is not SqliteException)
                {
                    job.Fail(e);
                }
            }

            _commit.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            Failed(e);
            try { _rollback.ExecuteNonQuery(); }
            catch (SqliteException) { /* SQLite already rolled back (a full disk does) */ }
            RolledBack?.Invoke();
            foreach (var job in group) job.Fail(e);
            return;
        }

        Fault = null;
        foreach (var job in ok) job.Succeed();
    }

    private void Failed(SqliteException e)
    {
        Fault = e.Message;
        LastFailure = System.Diagnostics.Stopwatch.GetTimestamp();
        if (e.SqliteErrorCode == 13) OutOfRoom = true; // SQLITE_FULL
    }

    public void Dispose()
    {
        _stopping = true;
        _signal.Release();
        _loop.Wait(TimeSpan.FromSeconds(30));
        foreach (var command in new[] { _begin, _commit, _rollback }) command.Dispose();
    }

    private abstract class Job
    {
        public bool Exclusive { get; init; }
        public abstract void Run();
        public abstract void Succeed();
        public abstract void Fail(Exception e);
    }

    private sealed class Job<T>(Func<T> work, Action<T>? committed) : Job
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public override void Run() => _result = work();

        public override void Succeed()
        {
            try { committed?.Invoke(_result); }
            finally { _done.TrySetResult(_result); }
        }

        public override void Fail(Exception e) => _done.TrySetException(e);
    }
}
