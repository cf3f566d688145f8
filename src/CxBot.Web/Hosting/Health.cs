using System.Text.Json;
using CxBot.Conversations;
using CxBot.Knowledge;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxBot.Web.Hosting;

/// <summary>
/// Liveness and readiness, as orchestrators probe them. <c>/healthz/live</c>: the process answers (restart it
/// if not). <c>/healthz/ready</c>: it can serve customers now: the store is reachable, the knowledge base and
/// the models are loaded, and it is not shutting down (take it out of rotation if not; a Redis outage is
/// a reason to stop routing to it, not to restart it). <c>/healthz</c> is readiness, as before.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreCheck>("store", tags: [Ready])
            .AddCheck<WarmCheck>("knowledge-and-models", tags: [Ready])
            .AddCheck<DrainingCheck>("not-draining", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) };
        app.MapHealthChecks("/healthz", ready);
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = ready.Predicate, ResponseWriter = WriteDetailsAsync });
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }

    /// <summary><c>{"status": "Unhealthy", "checks": {"store": {"status", "description"}, …}}</c>: what is wrong, for whoever looks.</summary>
    private static Task WriteDetailsAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                if (entry.Description is { } description) json.WriteString("description", description);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }

    private sealed class StoreCheck(IConversationStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await store.CheckHealthAsync(cancellationToken) is { } problem
                ? HealthCheckResult.Unhealthy(problem)
                : HealthCheckResult.Healthy();
    }

    private sealed class WarmCheck(WarmUp warmUp, KnowledgeBaseProvider knowledge) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(
                !warmUp.Completed ? HealthCheckResult.Unhealthy("loading the knowledge base and models")
                : knowledge.Current.Articles.Count == 0 ? HealthCheckResult.Unhealthy($"the knowledge base in {knowledge.Folder} has no articles")
                : HealthCheckResult.Healthy($"{knowledge.Current.Articles.Count} articles"));
    }

    private sealed class DrainingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("shutting down: finishing queued turns")
                : HealthCheckResult.Healthy());
    }
}
