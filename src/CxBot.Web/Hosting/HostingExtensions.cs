using Serilog;

namespace CxBot.Web.Hosting;

public static class HostingExtensions
{
    public static IServiceCollection AddHosting(this IServiceCollection services)
    {
        services.AddHealth();
        services.AddSingleton<WarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<WarmUp>());
        services.AddHostedService<DrainTurnsOnShutdown>();
        return services;
    }

    public static WebApplication UseCxBotHosting(this WebApplication app)
    {
        // Probes and scrapes every few seconds would drown the request log.
        app.UseSerilogRequestLogging(options => options.GetLevel = (http, _, error) =>
            error is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
            : http.Request.Path.StartsWithSegments("/healthz") ? Serilog.Events.LogEventLevel.Debug
            : Serilog.Events.LogEventLevel.Information);
        app.UseSecurityHeaders();
        app.UseStoreUnavailableResponses();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        // Before the limits, so a browser's CORS preflight is answered without counting against them.
        app.UseCors();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapWebsite(this IEndpointRouteBuilder app)
    {
        app.MapGet("/privacy", () => Results.Redirect("/privacy.html"));
        return app;
    }
}
