using CxBot.Storage;
using CxBot.Web.DirectLine;

namespace CxBot.Web.Hosting;

/// <summary>
/// While the store is unreachable every request that needs it gets 503 with a Bot Framework error body
/// and Retry-After, at once, instead of a 500 or a hang; clients such as Direct Line's retry and succeed
/// once the store is back. Nothing is acknowledged that was not stored.
/// </summary>
public static partial class StoreUnavailableResponses
{
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseStoreUnavailableResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (StoreFailures.IsUnavailable(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                LogUnavailable(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreUnavailableResponses)),
                    context.Request.Method, context.Request.Path, e.Message);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await DirectLineErrors.Error(503, "ServiceUnavailable", "CxBot cannot reach its storage right now; try again in a few seconds.")
                    .ExecuteAsync(context);
            }
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the store is unavailable ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
