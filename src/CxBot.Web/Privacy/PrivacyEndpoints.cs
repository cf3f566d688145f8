using CxBot.Conversations;
using CxBot.Privacy;
using CxBot.Web.AgentDesk;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace CxBot.Web.Privacy;

/// <summary>
/// GDPR/RODO for CX leads: export (<c>GET /api/cx/privacy/{subject}</c>) and erase
/// (<c>DELETE /api/cx/privacy/{subject}</c>) everything stored about a customer, where the subject is the
/// customer's chat user id or a conversation id. Erasing needs the antiforgery token from
/// <c>GET /api/cx/antiforgery</c> in the <c>X-CSRF-TOKEN</c> header, so another site cannot trigger it.
/// </summary>
public static class PrivacyEndpoints
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cx").RequireAuthorization(Roles.LeadPolicy);
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            TypedResults.Ok(new { token = antiforgery.GetAndStoreTokens(http).RequestToken, header = AntiforgeryHeader }));
        api.MapGet("/conversations/{conversationId}", (string conversationId, IConversationStore store, IOptions<PrivacyOptions> options, CancellationToken cancellationToken) =>
            AgentDeskEndpoints.TranscriptAsync(conversationId, store, options.Value.RedactDashboard, cancellationToken));
        api.MapGet("/privacy/{subject}", Export);
        api.MapDelete("/privacy/{subject}", Erase);
        return app;
    }

    internal static async Task<IResult> Export(string subject, CustomerDataService data, TimeProvider time, CancellationToken cancellationToken) =>
        await data.ExportAsync(subject, time.GetUtcNow(), cancellationToken) is { } export
            ? TypedResults.Text(export.ToJsonString(), "application/json; charset=utf-8")
            : NotFound(subject);

    internal static async Task<IResult> Erase(string subject, HttpContext http, IAntiforgery antiforgery, CustomerDataService data, CancellationToken cancellationToken)
    {
        try { await antiforgery.ValidateRequestAsync(http); }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem($"Missing or invalid {AntiforgeryHeader} header; get one from /api/cx/antiforgery.", statusCode: StatusCodes.Status400BadRequest);
        }

        var erased = await data.EraseAsync(subject, cancellationToken);
        return erased == 0 ? NotFound(subject) : TypedResults.Ok(new { subject, conversationsErased = erased });
    }

    private static IResult NotFound(string subject) =>
        TypedResults.Problem($"Nothing is stored for '{subject}' (a chat user id or a conversation id).", statusCode: StatusCodes.Status404NotFound);
}
