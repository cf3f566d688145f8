using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Metrics;
using CxBot.Turns;
using Microsoft.Extensions.Options;

namespace CxBot.Web.DirectLine;

/// <summary>
/// A Direct Line 3.0-compatible API, shaped by what <c>botframework-directlinejs</c> and Web Chat really
/// call: tokens, start and reconnect, post and get activities with a watermark, and the WebSocket stream.
/// </summary>
public static class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3/directline").RequireCors(DirectLineCors.Policy);
        api.MapPost("/tokens/generate", GenerateToken).RequireRateLimiting(DirectLineRateLimits.Conversations);
        api.MapPost("/tokens/refresh", RefreshToken);
        api.MapPost("/conversations", StartConversation).RequireRateLimiting(DirectLineRateLimits.Conversations);
        api.MapGet("/conversations/{conversationId}", Reconnect);
        api.MapPost("/conversations/{conversationId}/activities", PostActivity).RequireRateLimiting(DirectLineRateLimits.Activities);
        api.MapGet("/conversations/{conversationId}/activities", GetActivities);
        api.MapPost("/conversations/{conversationId}/upload", DirectLineUploads.Upload).RequireRateLimiting(DirectLineRateLimits.Activities);
        api.Map("/conversations/{conversationId}/stream", DirectLineStream.RunAsync);

        // The website's own token endpoint: it holds the secret so the browser never sees it.
        app.MapPost("/api/webchat/token", WebChatToken).RequireRateLimiting(DirectLineRateLimits.Conversations);
        return app;
    }

    /// <summary>
    /// The standard Direct Line way for a website: its backend exchanges the secret for a token per visitor
    /// (optionally binding the visitor's stable user id) and gives the token to the page's Web Chat.
    /// </summary>
    internal static async Task<IResult> GenerateToken(
        HttpRequest request, DirectLineAuth auth, DirectLineTokens tokens, CxBotMetrics metrics, CancellationToken cancellationToken)
    {
        if (auth.RequireSecret(request) is { } denied) return denied;
        var (start, error) = await ReadOptionalAsync(request, DirectLineJsonContext.Default.StartRequest, cancellationToken);
        if (error is not null) return error;
        var conversationId = NewConversationId();
        var token = tokens.Issue(conversationId, start?.User?.Id);
        metrics.TokenIssued("secret");
        return TypedResults.Ok(new ConversationResponse(conversationId, token, (int)tokens.Lifetime.TotalSeconds, null));
    }

    internal static IResult WebChatToken(DirectLineTokens tokens, CxBotMetrics metrics)
    {
        var conversationId = NewConversationId();
        metrics.TokenIssued("webchat");
        return TypedResults.Ok(new ConversationResponse(conversationId, tokens.Issue(conversationId), (int)tokens.Lifetime.TotalSeconds, null));
    }

    internal static IResult RefreshToken(HttpRequest request, DirectLineAuth auth, DirectLineTokens tokens, CxBotMetrics metrics)
    {
        var (caller, error) = auth.Authenticate(request);
        if (error is not null) return error;
        if (caller!.HasSecret) return DirectLineErrors.BadArgument("Refresh a token, not the secret.");
        var token = tokens.Issue(caller.ConversationId!, caller.UserId);
        metrics.TokenIssued("refresh");
        return TypedResults.Ok(new ConversationResponse(caller.ConversationId!, token, (int)tokens.Lifetime.TotalSeconds, null));
    }

    internal static async Task<IResult> StartConversation(
        HttpRequest request, DirectLineAuth auth, DirectLineTokens tokens, IConversationStore store,
        TurnDispatcher dispatcher, TimeProvider time, IOptions<DirectLineOptions> options, CxBotMetrics metrics, CancellationToken cancellationToken)
    {
        var (caller, error) = auth.Authenticate(request);
        if (error is not null) return error;
        var (start, bodyError) = await ReadOptionalAsync(request, DirectLineJsonContext.Default.StartRequest, cancellationToken);
        if (bodyError is not null) return bodyError;

        var conversationId = caller!.ConversationId ?? NewConversationId();
        var userId = caller.UserId ?? start?.User?.Id;
        // A user id counts as the customer's only when the website's backend bound it: in a token it generated with the
        // secret, or by starting the conversation with the secret itself. A browser's own claim is kept but never trusted.
        var verified = caller.UserId is not null || caller.HasSecret && start?.User?.Id is not null;
        var conversation = new Conversation(conversationId, time.GetUtcNow(), userId, start?.Locale, verified);
        var created = await store.CreateAsync(conversation, cancellationToken);
        if (created)
        {
            metrics.ConversationStarted();
            // As Azure Bot Service does, tell the bot who joined; the bot greets from that turn.
            _ = dispatcher.DispatchAsync(conversation, new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                ChannelId = "directline",
                Conversation = new ConversationAccount { Id = conversationId },
                From = new ChannelAccount { Id = userId ?? "user", Role = "user" },
                Recipient = BotIdentity.Account,
                Locale = start?.Locale,
                MembersAdded = [BotIdentity.Account, new ChannelAccount { Id = userId ?? "user", Role = "user" }],
            });
        }

        var token = tokens.Issue(conversationId, verified ? userId : null);
        var body = new ConversationResponse(conversationId, token, (int)tokens.Lifetime.TotalSeconds,
            StreamUrl(request, options.Value, conversationId, token, watermark: null));
        return created ? TypedResults.Created((string?)null, body) : TypedResults.Ok(body);
    }

    internal static async Task<IResult> Reconnect(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuth auth, DirectLineTokens tokens,
        IConversationStore store, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (caller, error) = auth.Authorize(request, conversationId);
        if (error is not null) return error;
        var conversation = await store.GetAsync(conversationId, cancellationToken);
        if (conversation is null) return DirectLineErrors.NotFound(conversationId);
        var token = tokens.Issue(conversationId, caller!.UserId ?? (conversation.UserVerified ? conversation.UserId : null));
        return TypedResults.Ok(new ConversationResponse(conversationId, token, (int)tokens.Lifetime.TotalSeconds,
            StreamUrl(request, options.Value, conversationId, token, watermark)));
    }

    internal static async Task<IResult> PostActivity(
        string conversationId, HttpRequest request, DirectLineAuth auth, IConversationStore store,
        TurnDispatcher dispatcher, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (caller, error) = auth.Authorize(request, conversationId);
        if (error is not null) return error;
        var conversation = await store.GetAsync(conversationId, cancellationToken);
        if (conversation is null) return DirectLineErrors.NotFound(conversationId);

        var (activity, readError) = await ActivityReader.ReadAsync(request, options.Value, cancellationToken);
        if (readError is not null) return readError;

        // Whatever the client claims, a posted activity comes from the customer of this conversation.
        var sender = activity!.From ?? new ChannelAccount { Id = caller!.UserId ?? conversation.UserId ?? "user" };
        if (sender.Id is null or BotIdentity.Id) sender = sender with { Id = caller!.UserId ?? conversation.UserId ?? "user" };
        activity.From = sender with { Role = "user" };
        activity.Recipient ??= BotIdentity.Account;
        activity.ChannelId = "directline";
        activity.Locale ??= conversation.Locale;

        // A store outage escapes to StoreUnavailableResponses: 503, and nothing acknowledged.
        var stored = await dispatcher.AcceptAsync(conversation, activity, cancellationToken);
        return TypedResults.Ok(new ResourceResponse(stored.Id));
    }

    internal static async Task<IResult> GetActivities(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuth auth, IConversationStore store, CancellationToken cancellationToken)
    {
        var (_, error) = auth.Authorize(request, conversationId);
        if (error is not null) return error;
        try
        {
            var page = await store.ReadAsync(conversationId, ActivitySetWriter.ParseWatermark(watermark), 500, cancellationToken);
            return TypedResults.Bytes(ActivitySetWriter.ToBytes(page), "application/json; charset=utf-8");
        }
        catch (ConversationNotFoundException)
        {
            return DirectLineErrors.NotFound(conversationId);
        }
    }

    internal static string StreamUrl(HttpRequest request, DirectLineOptions options, string conversationId, string token, string? watermark)
    {
        var origin = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}" : options.PublicBaseUrl.TrimEnd('/');
        var socketOrigin = origin.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + origin[8..]
            : origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + origin[7..] : origin;
        return $"{socketOrigin}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream"
            + $"?watermark={Uri.EscapeDataString(watermark ?? "")}&t={Uri.EscapeDataString(token)}";
    }

    internal static string NewConversationId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static async Task<(T? Value, IResult? Error)> ReadOptionalAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType()) return (null, null);
        try
        {
            return (await JsonSerializer.DeserializeAsync(request.Body, type, cancellationToken), null);
        }
        catch (JsonException e)
        {
            return (null, DirectLineErrors.BadSyntax($"The body is not valid JSON: {e.Message}"));
        }
    }
}
