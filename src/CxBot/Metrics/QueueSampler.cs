using CxBot.Handoff;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxBot.Metrics;

/// <summary>
/// Reads the handoff queue for the queue gauges: on every change made here and every few seconds (with Redis
/// other instances change it too), so a scrape never waits for the store, and an outage keeps the last reading.
/// </summary>
public sealed partial class QueueSampler(HandoffQueue queue, AgentRegistry agents, CxBotMetrics metrics, ILogger<QueueSampler> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _changed = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveAgents(agents.LocalSnapshot);
        queue.Changed += Signal;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var waiting = await queue.SnapshotAsync(stoppingToken);
                    metrics.SetQueue(waiting.Count, waiting.Count == 0 ? null : waiting.Min(e => e.EnqueuedAt));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e.Message);
                }

                try { await _changed.WaitAsync(Interval, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        finally
        {
            queue.Changed -= Signal;
        }
    }

    private void Signal()
    {
        try { _changed.Release(); }
        catch (SemaphoreFullException) { /* a reading is already due */ }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading the queue for the metrics failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
