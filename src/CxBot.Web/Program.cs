using CxBot;
using CxBot.Web.AgentDesk;
using CxBot.Web.Dashboard;
using CxBot.Web.DirectLine;
using CxBot.Web.Hosting;
using CxBot.Web.Metrics;
using CxBot.Web.Privacy;
using Serilog;

Log.Logger = LoggingSetup.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddCxBotLogging();
    builder.Services.AddCxBot();
    builder.Services.AddDirectLine();
    builder.Services.AddAgentDesk(builder.Configuration);
    builder.Services.AddHosting();
    builder.AddPrometheusMetrics();

    var app = builder.Build();
    app.UsePrometheusMetrics();
    app.UseCxBotHosting();
    app.MapHealth();
    app.MapDirectLine();
    app.MapAgentDesk();
    app.MapDashboard();
    app.MapPrivacy();
    app.MapWebsite();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "CxBot failed to start or stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
