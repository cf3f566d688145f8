using Serilog;

namespace CxBot.Web.Hosting;

/// <summary>
/// Serilog in two stages: a console logger for start-up, then the configured one (console and rolling file),
/// with personal data masked in every event.
/// </summary>
public static class LoggingSetup
{
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

    public static WebApplicationBuilder AddCxBotLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<RedactingEnricher>());
        return builder;
    }
}
