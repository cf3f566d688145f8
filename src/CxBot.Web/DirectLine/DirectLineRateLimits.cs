using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CxBot.Web.DirectLine;

/// <summary>
/// Request limits: per IP for the whole API, per IP for opening conversations, per conversation for
/// posting activities. Over a limit the client gets 429 with <c>Retry-After</c> (directlinejs honours it)
/// and a Bot Framework error body; other clients are unaffected.
/// </summary>
public static class DirectLineRateLimits
{
    public const string Conversations = "directline-conversations";
    public const string Activities = "directline-activities";

    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var path = http.Request.Path;
                if (!path.StartsWithSegments("/v3") && !path.StartsWithSegments("/api")) return RateLimitPartition.GetNoLimiter("pages");
                var limit = Options(http).RequestsPerMinutePerIp;
                return RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientIp(http), _ => PerMinute(limit));
            });
            limiter.AddPolicy(Conversations, http =>
                RateLimitPartition.GetFixedWindowLimiter("conv-ip:" + ClientIp(http), _ => PerMinute(Options(http).ConversationsPerMinutePerIp)));
            limiter.AddPolicy(Activities, http =>
                RateLimitPartition.GetFixedWindowLimiter(
                    "activities:" + (http.Request.RouteValues["conversationId"] as string ?? ""),
                    _ => PerMinute(Options(http).ActivitiesPerMinutePerConversation)));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await DirectLineErrors.Error(429, "TooManyRequests", $"Too many requests; retry after {seconds} s.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });

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
