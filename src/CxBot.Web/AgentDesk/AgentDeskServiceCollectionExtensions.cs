using CxBot.Storage;
using CxBot.Web.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CxBot.Web.AgentDesk;

public static class AgentDeskServiceCollectionExtensions
{
    /// <summary>
    /// Cookie sign-in with roles, antiforgery, SignalR for the desk. With the Redis store, SignalR uses the
    /// Redis backplane and the cookie keys are shared, so agents and leads may land on any instance.
    /// </summary>
    public static IServiceCollection AddAgentDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("CxBot");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            keys => keys.XmlRepository = new DocumentStoreXmlRepository(sp.GetRequiredService<IDocumentStore>())));
        services.AddOptions<AgentDeskOptions>().BindConfiguration(AgentDeskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccountService>();
        services.AddSingleton<AgentDeskBroadcaster>();
        services.AddAntiforgery(antiforgery => antiforgery.HeaderName = Privacy.PrivacyEndpoints.AntiforgeryHeader);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/agent/login";
            cookie.Cookie.Name = "cxbot.desk";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            // APIs and the hub answer 401/403; only pages redirect to the sign-in form.
            cookie.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.DeskPolicy, policy => policy.RequireRole(Roles.Agent, Roles.Lead))
            .AddPolicy(Roles.LeadPolicy, policy => policy.RequireRole(Roles.Lead));
        var signalR = services.AddSignalR();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider == "Redis" && !string.IsNullOrWhiteSpace(storage.Redis))
            signalR.AddStackExchangeRedis(storage.Redis, redis => redis.Configuration.ChannelPrefix = RedisChannel.Literal("cxbot-desk"));
        return services;
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        if (status == StatusCodes.Status403Forbidden)
        {
            // Signed in, but not in the role (an agent opening the leads' dashboard): say so, rather than
            // send them to a sign-in form they have already passed.
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not for your role — CxBot</title>"
                + "<link rel=\"stylesheet\" href=\"/css/desk.css\"></head><body class=\"login\"><main class=\"login-form\">"
                + "<h1>Not for your role</h1><p>This page is for CX leads. Ask a lead if you need access.</p>"
                + "<p><a href=\"/agent\">Back to the agent desk</a></p></main></body></html>");
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
