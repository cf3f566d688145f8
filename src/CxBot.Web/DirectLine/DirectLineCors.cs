using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace CxBot.Web.DirectLine;

/// <summary>
/// Lets Web Chat on the store's own website (another origin than CxBot's) call <c>/v3/directline</c>, as the
/// standard embedding does: the site's backend mints a token with the secret, the page passes it to Web Chat.
/// The API takes bearer tokens and no cookies, so no credentials are allowed; origins come from
/// <see cref="DirectLineOptions.AllowedOrigins"/>.
/// </summary>
public static class DirectLineCors
{
    public const string Policy = "directline";

    public static IServiceCollection AddDirectLineCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(Policy, policy =>
            {
                var origins = directLine.Value.AllowedOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (origins.Contains("*")) policy.AllowAnyOrigin();
                else policy.WithOrigins(origins);
                policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Retry-After").SetPreflightMaxAge(TimeSpan.FromHours(1));
            }));
        return services;
    }
}
