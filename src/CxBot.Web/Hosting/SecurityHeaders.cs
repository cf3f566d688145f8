namespace CxBot.Web.Hosting;

/// <summary>
/// Headers that keep untrusted customer text from ever running as code: a Content-Security-Policy that
/// allows scripts only from this origin (no inline script, no eval), no framing of the desk or dashboard,
/// no MIME sniffing and no referrer leaking conversation ids. Web Chat needs inline styles (it injects its
/// own) and blob:/data: images, so those are allowed; scripts are not. <c>connect-src blob:</c> lets botframework-directlinejs
/// read the file a customer picked (Web Chat holds it as a blob: URL of this page) to upload it.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self' ws: wss: blob:; media-src 'self' data: blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
}
