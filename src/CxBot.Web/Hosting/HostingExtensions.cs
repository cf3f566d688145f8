using CxBot.Conversations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;

namespace CxBot.Web.Hosting;

public static class HostingExtensions
{
    public static IServiceCollection AddHosting(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddHostedService<WarmUp>();
        services.AddHostedService<DrainTurnsOnShutdown>();
        return services;
    }

    public static WebApplication UseCxBotHosting(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        app.UseSecurityHeaders();
        app.UseStoreUnavailableResponses();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz");
        return app;
    }

    public static IEndpointRouteBuilder MapWebsite(this IEndpointRouteBuilder app)
    {
        app.MapGet("/privacy", () => Results.Redirect("/privacy.html"));
        return app;
    }

    private sealed class StoreHealthCheck(IConversationStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await store.CheckHealthAsync(cancellationToken) is { } problem
                ? HealthCheckResult.Unhealthy(problem)
                : HealthCheckResult.Healthy();
    }
}
