using System.Text.Json;
using CxBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Handoff;

/// <summary>
/// Shares agent presence between instances (Redis scale-out): each instance writes the agents connected
/// to it into the document store, on every change and as a heartbeat, and reads the other instances'
/// entries into its <see cref="AgentRegistry"/>. An entry not refreshed for <see cref="Stale"/> is ignored,
/// so a stopped or crashed instance's agents drop out by themselves. Only with the Redis store.
/// </summary>
public sealed partial class AgentPresenceSync(
    AgentRegistry agents, IDocumentStore documents, IOptions<StorageOptions> storage, TimeProvider time, ILogger<AgentPresenceSync> logger)
    : BackgroundService
{
    public const string Collection = "agent-presence";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(10);

    private readonly string _instance = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _changed = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One embedded instance has no one to share with.
        if (storage.Value.Provider != "Redis") return;
        agents.Changed += Signal;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PublishAsync(stoppingToken);
                    await RefreshAsync(stoppingToken);
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
            agents.Changed -= Signal;
            try { await documents.DeleteAsync(Collection, _instance, CancellationToken.None); }
            catch (Exception e) when (e is not OperationCanceledException) { LogFailed(logger, e.Message); }
        }
    }

    private void Signal()
    {
        if (_changed.CurrentCount == 0)
        {
            try { _changed.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    private Task PublishAsync(CancellationToken cancellationToken) =>
        documents.PutAsync(Collection, _instance,
            JsonSerializer.SerializeToUtf8Bytes(new Entry(time.GetUtcNow(), [.. agents.LocalSnapshot()])), cancellationToken);

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var remote = new List<AgentStatus>();
        foreach (var (key, json) in await documents.ListAsync(Collection, cancellationToken))
        {
            if (key == _instance) continue;
            var entry = JsonSerializer.Deserialize<Entry>(json);
            if (entry is null || now - entry.At > Stale) continue;
            remote.AddRange(entry.Agents);
        }

        agents.ReplaceRemote([.. remote.OrderBy(a => a.Id, StringComparer.Ordinal)]);
    }

    private sealed record Entry(DateTimeOffset At, List<AgentStatus> Agents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sharing agent presence failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
