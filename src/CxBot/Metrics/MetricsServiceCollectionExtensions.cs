using CxBot.Conversations;
using CxBot.Storage;
using CxBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// The instruments (<see cref="CxBotMetrics"/>), the turn middleware that records turns (first in the pipeline,
    /// around everything else), the measured store decorators and the queue sampler. Call after <c>AddCxBot</c>:
    /// it wraps the stores and the pipeline that registers.
    /// </summary>
    public static IServiceCollection AddCxBotMetrics(this IServiceCollection services)
    {
        services.AddSingleton<CxBotMetrics>();
        var firstMiddleware = services.Select((d, i) => (d, i)).FirstOrDefault(x => x.d.ServiceType == typeof(ITurnMiddleware));
        var middleware = ServiceDescriptor.Singleton<ITurnMiddleware, MetricsMiddleware>();
        if (firstMiddleware.d is null) services.Add(middleware);
        else services.Insert(firstMiddleware.i, middleware);

        Decorate<IConversationStore>(services, (sp, inner) => new MeasuredConversationStore(inner, sp.GetRequiredService<CxBotMetrics>()));
        Decorate<IDocumentStore>(services, (sp, inner) => new MeasuredDocumentStore(inner, sp.GetRequiredService<CxBotMetrics>()));
        services.AddHostedService<QueueSampler>();
        return services;
    }

    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap) where T : class
    {
        var index = services.Select((d, i) => (d, i)).LastOrDefault(x => x.d.ServiceType == typeof(T));
        if (index.d is not { } original) throw new InvalidOperationException($"AddCxBotMetrics wraps {typeof(T).Name}: call it after AddCxBot.");
        services[index.i] = ServiceDescriptor.Describe(typeof(T), sp => wrap(sp, (T)Create(sp, original)), original.Lifetime);
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
