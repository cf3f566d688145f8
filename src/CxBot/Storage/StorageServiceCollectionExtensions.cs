using CxBot.Analytics;
using CxBot.Conversations;
using CxBot.Storage.Redis;
using CxBot.Storage.Sqlite;
using CxBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CxBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The store chosen by <c>Storage:Provider</c>: the embedded SQLite database (default) or Redis.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SqliteConversationStore>();
        services.TryAddSingleton<IConnectionMultiplexer>(sp =>
        {
            var configuration = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Redis
                ?? throw new InvalidOperationException("Storage:Provider is Redis but Storage:Redis is empty."));
            // Keep retrying in the background when Redis is down instead of failing start-up or crash-looping.
            configuration.AbortOnConnectFail = false;
            // While disconnected, fail commands at once (the caller answers 503) rather than queue them until a timeout.
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(configuration);
        });
        services.TryAddSingleton<RedisConversationStore>();
        services.TryAddSingleton<IConversationStore>(sp => Provider(sp) == "Redis"
            ? sp.GetRequiredService<RedisConversationStore>()
            : sp.GetRequiredService<SqliteConversationStore>());
        // Each interface resolves the concrete store itself (metrics may wrap IConversationStore and IDocumentStore;
        // code that needs the SQLite store as such asks for SqliteConversationStore when StorageOptions.IsSqlite).
        services.TryAddSingleton<IDocumentStore>(sp => Provider(sp) == "Redis"
            ? sp.GetRequiredService<RedisConversationStore>()
            : sp.GetRequiredService<SqliteConversationStore>());
        services.TryAddSingleton<IFileStore>(sp => Provider(sp) == "Redis"
            ? sp.GetRequiredService<RedisConversationStore>()
            : sp.GetRequiredService<SqliteConversationStore>());
        services.TryAddSingleton<ICxFigures>(sp => Provider(sp) == "Redis"
            ? new DocumentCxFigures(sp.GetRequiredService<IDocumentStore>())
            : new SqliteCxFigures(sp.GetRequiredService<SqliteConversationStore>()));
        services.AddHostedService<SqliteIntegrityCheck>();
        services.AddHostedService<RedisIndexMigration>();
        services.TryAddSingleton<IActivityFeed>(sp => Provider(sp) == "Redis" ? new RedisActivityFeed(sp.GetRequiredService<IConnectionMultiplexer>()) : new LocalActivityFeed());
        services.TryAddSingleton<IConversationLock>(sp => Provider(sp) == "Redis"
            ? new RedisConversationLock(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<TimeProvider>())
            : new InProcessConversationLock());
        return services;
    }

    /// <summary>Makes a document collection answerable by time and/or status in whichever store is configured.</summary>
    public static IServiceCollection AddDocumentIndex(this IServiceCollection services, string collection, string? timeProperty = null, string? statusProperty = null)
    {
        services.AddSingleton(new DocumentIndex(collection, timeProperty, statusProperty));
        return services;
    }

    private static string Provider(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
}
