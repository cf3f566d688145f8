using Microsoft.AspNetCore.Authentication.Cookies;

namespace CxBot.Web.AgentDesk;

public static class AgentDeskServiceCollectionExtensions
{
    /// <summary>Cookie sign-in with roles, antiforgery, SignalR for the desk.</summary>
    public static IServiceCollection AddAgentDesk(this IServiceCollection services)
    {
        services.AddOptions<AgentDeskOptions>().BindConfiguration(AgentDeskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccountService>();
        services.AddSingleton<AgentDeskBroadcaster>();
        services.AddAntiforgery();
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
        services.AddSignalR();
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

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
