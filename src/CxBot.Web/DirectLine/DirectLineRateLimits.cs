using System.Globalization;
using System.Threading.RateLimiting;
using CxBot.Metrics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CxBot.Web.DirectLine;

/// <summary>
/// Request limits: per IP for the whole API, per IP for opening conversations, per conversation for
/// posting activities. Requests authenticated with the Direct Line secret come from a trusted backend (a
/// website minting a token per visitor, all from its one address), so they skip the per-IP limits and share
/// their own, much larger one instead. Over a limit the client gets 429 with <c>Retry-After</c> (directlinejs
/// honours it) and a Bot Framework error body; other clients are unaffected.
/// </summary>
public static class DirectLineRateLimits
{
    public const string Conversations = "directline-conversations";
    public const string Activities = "directline-activities";

    /// <summary>Which limit a request was last checked against, for the rejection count's label.</summary>
    private const string LimitKey = "cxbot.rate-limit";

    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var path = http.Request.Path;
                if (!path.StartsWithSegments("/v3") && !path.StartsWithSegments("/api")) return RateLimitPartition.GetNoLimiter("pages");
                if (HasSecret(http))
                {
                    http.Items[LimitKey] = "secret";
                    return RateLimitPartition.GetFixedWindowLimiter("secret", _ => PerMinute(Options(http).SecretRequestsPerMinute));
                }

                http.Items[LimitKey] = "requests-per-ip";
                return RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientIp(http), _ => PerMinute(Options(http).RequestsPerMinutePerIp));
            });
            limiter.AddPolicy(Conversations, http =>
            {
                // The secret's own limit (above) already covers it.
                if (HasSecret(http)) return RateLimitPartition.GetNoLimiter("secret");
                http.Items[LimitKey] = "conversations-per-ip";
                return RateLimitPartition.GetFixedWindowLimiter("conv-ip:" + ClientIp(http), _ => PerMinute(Options(http).ConversationsPerMinutePerIp));
            });
            limiter.AddPolicy(Activities, http =>
            {
                http.Items[LimitKey] = "activities-per-conversation";
                return RateLimitPartition.GetFixedWindowLimiter(
                    "activities:" + (http.Request.RouteValues["conversationId"] as string ?? ""),
                    _ => PerMinute(Options(http).ActivitiesPerMinutePerConversation));
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                http.RequestServices.GetRequiredService<CxBotMetrics>().RateLimited(http.Items[LimitKey] as string ?? "unknown");
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await DirectLineErrors.Error(429, "TooManyRequests", $"Too many requests; retry after {seconds} s.").ExecuteAsync(http);
            };
        });

    private static bool HasSecret(HttpContext http) => http.RequestServices.GetRequiredService<DirectLineAuth>().HasSecret(http.Request);

    private static DirectLineOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;

    private static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
