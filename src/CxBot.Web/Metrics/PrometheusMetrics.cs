using CxBot.Metrics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CxBot.Web.Metrics;

/// <summary>
/// Metrics for Prometheus through OpenTelemetry: CxBot's own instruments (<see cref="CxBotMetrics"/>, all named
/// <c>cxbot_*</c>) beside ASP.NET Core's (requests, Kestrel connections, SignalR, rate limiting) and the .NET
/// runtime's (GC, thread pool, CPU), served at <c>/metrics</c>, optionally on a separate management port.
/// </summary>
public static class PrometheusMetrics
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddPrometheusMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName)
            .Validate(o => o.IsValid, "Metrics:ManagementUrl must be an http URL with a port, such as http://*:9464.")
            .ValidateOnStart();
        builder.Services.AddCxBotMetrics();
        var options = builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("cxbot"))
            .WithMetrics(metrics => metrics
                .AddMeter(CxBotMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        // The management address is listened on in addition to the main ones (--urls, ASPNETCORE_URLS, HTTP_PORTS).
        if (options.IsValid && options.ManagementPort is not null)
            builder.WebHost.UseUrls([.. MainUrls(builder.WebHost), options.ManagementUrl!]);
        return builder;
    }

    /// <summary>
    /// Serves <c>/metrics</c>; with a management port, only there, and that port answers only <c>/metrics</c> and
    /// <c>/healthz*</c>. Registered first, so scrapes skip request logging and the rate limits.
    /// </summary>
    public static WebApplication UsePrometheusMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var port = options.ManagementPort;
        if (port is not null)
        {
            app.Use((context, next) =>
            {
                var onManagement = context.Connection.LocalPort == port;
                var allowed = onManagement
                    ? context.Request.Path == Path || context.Request.Path.StartsWithSegments("/healthz")
                    : context.Request.Path != Path;
                if (allowed) return next(context);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }

        if (options.Enabled) app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == Path);
        return app;
    }

    private static IEnumerable<string> MainUrls(IWebHostBuilder host)
    {
        var separators = new[] { ';', ',' };
        var urls = host.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (!string.IsNullOrWhiteSpace(urls)) return urls.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ports = host.GetSetting("http_ports");
        if (!string.IsNullOrWhiteSpace(ports))
            return ports.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}");
        return ["http://localhost:5000"];
    }
}
