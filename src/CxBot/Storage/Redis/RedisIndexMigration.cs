using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Storage.Redis;

/// <summary>At start with the Redis store, builds the indexes for data written by a CxBot that did not keep them (once).</summary>
public sealed partial class RedisIndexMigration(IServiceProvider services, IOptions<StorageOptions> options, ILogger<RedisIndexMigration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != "Redis") return;
        // Off the start path: the host starts and serves while this runs.
        await Task.Yield();
        var store = services.GetRequiredService<RedisConversationStore>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (conversations, documents) = await store.IndexEarlierDataAsync(stoppingToken);
                if (conversations + documents > 0) LogIndexed(logger, conversations, documents);
                return;
            }
            catch (Exception e) when (StoreFailures.IsUnavailable(e))
            {
                // Redis is away at start: try again once it is back.
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis: indexed {Conversations} conversations and {Documents} documents written before the indexes existed")]
    private static partial void LogIndexed(ILogger logger, int conversations, int documents);
}
