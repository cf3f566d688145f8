using System.Globalization;
using System.Security.Claims;
using CxBot.Knowledge;
using CxBot.Knowledge.Replay;
using CxBot.Knowledge.Teaching;
using CxBot.Privacy;
using CxBot.Web.AgentDesk;
using CxBot.Web.Privacy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace CxBot.Web.Dashboard;

/// <summary>
/// Teach and replay for CX leads: the articles to teach as, the taught questions (teach, list, revoke), the teach log, and
/// the replay of past unanswered questions against the current knowledge base. Changes need the antiforgery token from
/// <c>GET /api/cx/antiforgery</c> in the <c>X-CSRF-TOKEN</c> header, as the dashboard's other changes do.
/// </summary>
public static class TeachEndpoints
{
    public static IEndpointRouteBuilder MapTeaching(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cx").RequireAuthorization(Roles.LeadPolicy);
        api.MapGet("/articles", Articles);
        api.MapGet("/taught", Taught);
        api.MapPost("/taught", Teach);
        api.MapDelete("/taught/{id}", Revoke);
        api.MapGet("/teach-log", Log);
        api.MapGet("/replay", Replay);
        return app;
    }

    /// <summary>One question to teach, as the dashboard shows it.</summary>
    public sealed record TeachQuestion(string? Text, string? Language);

    /// <summary>Questions to teach as one article (its id) or as <c>_out-of-scope</c>.</summary>
    public sealed record TeachRequest(string? ArticleId, IReadOnlyList<TeachQuestion>? Questions);

    internal static IResult Articles(KnowledgeBaseProvider knowledge) => TypedResults.Ok(
        knowledge.Current.Articles.GroupBy(a => a.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new
        {
            id = g.Key,
            title = new Dictionary<string, string>(g.Select(a => KeyValuePair.Create(a.Language, a.Title))),
        }));

    internal static async Task<IResult> Taught(TeachingStore store, KnowledgeBaseProvider knowledge, CancellationToken cancellationToken)
    {
        var current = knowledge.Current;
        return TypedResults.Ok((await store.ListAsync(cancellationToken)).OrderByDescending(q => q.TaughtAt).Select(q => new
        {
            q.Id, q.Text, q.Language, q.ArticleId, q.TaughtBy, q.TaughtAt,
            title = q.OutOfScope ? null : current.Find(q.ArticleId, q.Language)?.Title,
            // An article removed from the folder since: the question no longer teaches anything.
            active = q.OutOfScope || current.Find(q.ArticleId, q.Language) is not null,
        }));
    }

    internal static async Task<IResult> Teach(
        TeachRequest? request, HttpContext http, IAntiforgery antiforgery, TeachingService teaching, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await AntiforgeryProblemAsync(http, antiforgery) is { } problem) return problem;
        if (request?.ArticleId is not { Length: > 0 } articleId || request.Questions is not { } questions)
            return BadRequest("Send {\"articleId\": \"…\" or \"_out-of-scope\", \"questions\": [{\"text\", \"language\"}]}.");

        // Taught questions outlive conversations (and may end up in git), so they never keep personal data.
        var (taught, error) = await teaching.TeachAsync(
            [.. questions.Select(q => (PersonalDataRedactor.Redact(q.Text ?? ""), q.Language ?? ""))], articleId, Who(user), cancellationToken);
        return error is null ? TypedResults.Ok(new { taught }) : BadRequest(error);
    }

    internal static async Task<IResult> Revoke(
        string id, HttpContext http, IAntiforgery antiforgery, TeachingService teaching, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await AntiforgeryProblemAsync(http, antiforgery) is { } problem) return problem;
        return await teaching.RevokeAsync(id, Who(user), cancellationToken) is { } revoked
            ? TypedResults.Ok(new { revoked })
            : TypedResults.Problem($"No taught question has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
    }

    internal static async Task<IResult> Log(TeachingStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListLogAsync(cancellationToken)).Take(500));

    internal static async Task<IResult> Replay(
        ReplayService replay, IOptions<PrivacyOptions> privacy, string? from, string? to, string? lang, CancellationToken cancellationToken)
    {
        DateOnly? Parse(string? text) => string.IsNullOrEmpty(text) ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateOnly.MinValue;
        var (f, t) = (Parse(from), Parse(to));
        if (f == DateOnly.MinValue || t == DateOnly.MinValue || lang is not (null or "" or "pl" or "en"))
            return BadRequest("Use from/to as yyyy-MM-dd and lang as pl or en.");
        var report = await replay.ReplayAsync(f, t, lang, cancellationToken);
        return TypedResults.Ok(privacy.Value.RedactDashboard
            ? report with { Items = [.. report.Items.Select(i => i with { Text = PersonalDataRedactor.Redact(i.Text) })] }
            : report);
    }

    private static string Who(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";

    private static async Task<IResult?> AntiforgeryProblemAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem($"Missing or invalid {PrivacyEndpoints.AntiforgeryHeader} header; get one from /api/cx/antiforgery.",
                statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static IResult BadRequest(string message) =>
        TypedResults.BadRequest(new { error = new { code = "BadArgument", message } });
}
