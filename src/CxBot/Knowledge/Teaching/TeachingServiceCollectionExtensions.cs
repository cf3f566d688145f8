using CxBot.Knowledge.Replay;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Knowledge.Teaching;

public static class TeachingServiceCollectionExtensions
{
    /// <summary>Teaching the knowledge base from the dashboard, every instance kept in step, and replaying past questions.</summary>
    public static IServiceCollection AddKnowledgeTeaching(this IServiceCollection services)
    {
        services.AddSingleton<TeachingStore>();
        services.AddSingleton<TeachingService>();
        services.AddSingleton<TaughtSync>();
        services.AddHostedService(sp => sp.GetRequiredService<TaughtSync>());
        services.AddSingleton<ReplayService>();
        return services;
    }
}
