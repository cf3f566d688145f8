using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.History;
using CxBot.Storage;
using CxBot.Knowledge;
using CxBot.Privacy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CxBot.Web.AgentDesk;

/// <summary>Sign-in, the agent desk page and the desk's JSON API (queue, transcripts, agent assist, grading handoffs).</summary>
public static class AgentDeskEndpoints
{
    public static IEndpointRouteBuilder MapAgentDesk(this IEndpointRouteBuilder app)
    {
        // Created now, not when the first agent connects: with several instances, the queue changes on an
        // instance no agent is connected to must still reach every desk (through the SignalR backplane).
        app.ServiceProvider.GetRequiredService<AgentDeskBroadcaster>();
        app.MapGet("/agent/login", LoginPage).AllowAnonymous();
        app.MapPost("/agent/login", Login).AllowAnonymous();
        app.MapPost("/agent/logout", (Delegate)Logout).RequireAuthorization(Roles.DeskPolicy);
        app.MapGet("/agent", DeskPage).RequireAuthorization(Roles.DeskPolicy);

        var api = app.MapGroup("/api/agent").RequireAuthorization(Roles.DeskPolicy);
        api.MapGet("/me", Me);
        api.MapGet("/queue", Queue);
        api.MapGet("/conversations/{conversationId}", Transcript);
        api.MapGet("/conversations/{conversationId}/assist", Assist);
        api.MapGet("/conversations/{conversationId}/history", History);
        api.MapGet("/conversations/{conversationId}/files/{fileId}", DeskFileEndpoints.Content);
        api.MapGet("/conversations/{conversationId}/files/{fileId}/thumbnail", DeskFileEndpoints.Thumbnail);
        api.MapGet("/antiforgery", AntiforgeryToken);
        api.MapGet("/handled", Handled);
        api.MapPut("/conversations/{conversationId}/grade", Grade);
        app.MapHub<AgentHub>("/hubs/agent").RequireAuthorization(Roles.DeskPolicy);
        return app;
    }

    internal static IResult LoginPage(HttpContext http, IAntiforgery antiforgery, string? error, string? returnUrl)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AgentDesk", "Pages", "login.html"))
            .Replace("{{token}}", WebUtility.HtmlEncode(tokens.RequestToken), StringComparison.Ordinal)
            .Replace("{{field}}", WebUtility.HtmlEncode(tokens.FormFieldName), StringComparison.Ordinal)
            .Replace("{{returnUrl}}", WebUtility.HtmlEncode(returnUrl ?? "/agent"), StringComparison.Ordinal)
            .Replace("{{error}}", error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>", StringComparison.Ordinal);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    internal static async Task<IResult> Login(HttpContext http, IAntiforgery antiforgery, AccountService accounts)
    {
        try { await antiforgery.ValidateRequestAsync(http); }
        catch (AntiforgeryValidationException) { return TypedResults.BadRequest("The sign-in form expired; reload the page."); }
        var form = await http.Request.ReadFormAsync();
        var (account, error) = accounts.SignIn(form["userName"].ToString(), form["password"].ToString());
        var returnUrl = form["returnUrl"].ToString();
        if (!Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//")) returnUrl = "/agent";
        if (account is null) return TypedResults.Redirect($"/agent/login?error={Uri.EscapeDataString(error!)}&returnUrl={Uri.EscapeDataString(returnUrl)}");

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, account.UserName), new(ClaimTypes.Name, account.DisplayName) };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        return TypedResults.Redirect(returnUrl);
    }

    internal static async Task<IResult> Logout(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/agent/login");
    }

    internal static IResult DeskPage() =>
        TypedResults.Content(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AgentDesk", "Pages", "desk.html")), "text/html; charset=utf-8");

    internal static IResult Me(ClaimsPrincipal user, IOptions<AgentDeskOptions> options, AccountService accounts)
    {
        var account = accounts.Find(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        return TypedResults.Ok(new
        {
            id = user.FindFirstValue(ClaimTypes.NameIdentifier),
            name = user.Identity?.Name,
            roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value),
            teams = account?.Teams ?? [],
            languages = account?.Languages ?? [],
            cannedReplies = options.Value.CannedReplies,
            // Where a conversation can be transferred: a team, or a colleague.
            transferTeams = accounts.Teams,
            transferAgents = accounts.All.Select(a => new { id = a.UserName, name = a.DisplayName }),
        });
    }

    internal static async Task<IResult> Queue(HandoffQueue queue, AgentRegistry agents, TicketStore tickets, TeamRouting routing, CancellationToken cancellationToken) =>
        TypedResults.Ok(DeskQueue.Of(await queue.SnapshotAsync(cancellationToken), agents.Snapshot(), await tickets.ListOpenAsync(cancellationToken), routing));

    /// <summary>The whole conversation for the agent handling it: what the customer wrote, unmasked.</summary>
    internal static Task<IResult> Transcript(string conversationId, IConversationStore store, IFileStore files, CancellationToken cancellationToken) =>
        TranscriptAsync(conversationId, store, redact: false, cancellationToken, files);

    /// <summary>The conversation with its facts; with <paramref name="redact"/>, personal data in message texts is masked.</summary>
    internal static async Task<IResult> TranscriptAsync(
        string conversationId, IConversationStore store, bool redact, CancellationToken cancellationToken, IFileStore? files = null)
    {
        if (await store.GetAsync(conversationId, cancellationToken) is not { } conversation) return TypedResults.NotFound();
        var page = await store.ReadAsync(conversationId, 0, int.MaxValue, cancellationToken);
        var state = await store.LoadStateAsync(conversationId, cancellationToken) ?? new ConversationState();
        return TypedResults.Ok(new
        {
            conversation,
            activities = page.Activities.Select(a => DeskMarkdown.ForDesk(redact ? Redacted(a.Json) : JsonNode.Parse(a.Json))),
            files = files is null ? [] : await files.ListFilesAsync(conversationId, cancellationToken),
            team = state.Team,
            sentiments = state.Sentiments,
            articlesUsed = state.ArticlesUsed,
            handoff = new { phase = state.Handoff.ToString(), reason = state.HandoffReason, agent = state.AgentName, state.QueuedAt },
            language = state.Language,
        });
    }

    private static JsonNode? Redacted(byte[] json)
    {
        var activity = JsonNode.Parse(json);
        if (activity?["text"] is JsonValue text && text.TryGetValue<string>(out var value))
            activity["text"] = PersonalDataRedactor.Redact(value);
        return activity;
    }

    /// <summary>Agent assist: knowledge-base answers for the customer's last message, to insert and edit.</summary>
    internal static async Task<IResult> Assist(string conversationId, IConversationStore store, AnswerService answers, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(conversationId, cancellationToken) is null) return TypedResults.NotFound();
        var page = await store.ReadAsync(conversationId, 0, int.MaxValue, cancellationToken);
        var last = page.Activities.Select(a => a.ToActivity()).LastOrDefault(a => a.Type == "message" && a.From?.Role == "user");
        if (last?.Text is null) return TypedResults.Ok(Array.Empty<object>());
        var state = await store.LoadStateAsync(conversationId, cancellationToken);
        var language = state?.Language ?? "pl";
        return TypedResults.Ok(answers.KnowledgeBase.Search(last.Text, language, 3)
            .Select(hit => new
            {
                hit.Article.Id, hit.Article.Title, hit.Article.Language, score = Math.Round(hit.Score, 3),
                // Agents' replies are plain text: the article is inserted without Markdown marks, and previewed rendered.
                text = DeskMarkdown.ToPlainText(hit.Article.Body), html = DeskMarkdown.ToHtml(hit.Article.Body),
            }));
    }

    /// <summary>
    /// The customer's earlier conversations (when, articles, outcome, CSAT, agent), newest first, each a click away from its
    /// transcript; none for an anonymous visitor (a user id the website did not bind).
    /// </summary>
    internal static async Task<IResult> History(
        string conversationId, IConversationStore store, CustomerHistory history, AnswerService answers, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(conversationId, cancellationToken) is not { } conversation) return TypedResults.NotFound();
        var earlier = await history.EarlierAsync(conversation, 100, cancellationToken);
        return TypedResults.Ok(new
        {
            known = conversation.UserVerified,
            customer = conversation.UserVerified ? conversation.UserId : null,
            conversations = earlier.Select(c => new
            {
                c.ConversationId, c.StartedAt, c.EndedAt, c.Language, c.Outcome, c.EndedBy, c.HandoffReason, c.Agent, c.Team, c.Csat, c.CustomerMessages,
                c.TicketId,
                articles = c.Articles.Select(id => new { id, title = answers.KnowledgeBase.Find(id, c.Language)?.Title ?? id }),
            }),
        });
    }

    /// <summary>The token the desk sends in the <c>X-CSRF-TOKEN</c> header with a grade, so another site cannot grade in an agent's name.</summary>
    internal static IResult AntiforgeryToken(HttpContext http, IAntiforgery antiforgery) =>
        TypedResults.Ok(new { token = antiforgery.GetAndStoreTokens(http).RequestToken, header = Privacy.PrivacyEndpoints.AntiforgeryHeader });

    /// <summary>The signed-in agent's most recent handoffs with their grades, newest first.</summary>
    internal static async Task<IResult> Handled(ClaimsPrincipal user, HandoffGradeStore grades, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grades.ListForAgentAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, 20, cancellationToken));

    /// <summary>
    /// The agent grades a handoff they took over, or changes their grade: <c>{"grade":"right-call|not-needed|too-late"}</c>
    /// with the antiforgery header. Only the agent's own handoffs: another's is refused (403).
    /// </summary>
    internal static async Task<IResult> Grade(
        string conversationId, HttpContext http, ClaimsPrincipal user, IAntiforgery antiforgery, IConversationStore store, HandoffGradeStore grades,
        CancellationToken cancellationToken)
    {
        try { await antiforgery.ValidateRequestAsync(http); }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem($"Missing or invalid {Privacy.PrivacyEndpoints.AntiforgeryHeader} header; get one from /api/agent/antiforgery.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (http.Request.ContentLength > 1024) return TypedResults.Problem("A grade is a small JSON object.", statusCode: StatusCodes.Status413PayloadTooLarge);
        string? grade;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
            grade = body.RootElement.GetProperty("grade").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { grade = null; }

        if (!HandoffGrades.IsValid(grade))
            return TypedResults.Problem($"Send {{\"grade\": \"...\"}} with one of {string.Join(", ", HandoffGrades.All)}.", statusCode: StatusCodes.Status400BadRequest);
        if (await store.GetAsync(conversationId, cancellationToken) is null)
            return TypedResults.Problem($"No conversation '{conversationId}'.", statusCode: StatusCodes.Status404NotFound);
        var graded = await grades.GradeAsync(conversationId, user.FindFirstValue(ClaimTypes.NameIdentifier)!, grade!, cancellationToken);
        return graded is null
            ? TypedResults.Problem("You can grade only handoffs you took over.", statusCode: StatusCodes.Status403Forbidden)
            : TypedResults.Ok(graded);
    }
}
