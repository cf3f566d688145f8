namespace CxBot.Web.DirectLine;

/// <summary>Who is calling: the holder of the secret (any conversation) or of a token (one conversation).</summary>
public sealed record Caller(bool HasSecret, string? ConversationId, string? UserId)
{
    public bool MayUse(string conversationId) => HasSecret || ConversationId == conversationId;
}

/// <summary>The outcome of checking a request's credentials: a caller, or the error to answer with.</summary>
public sealed record AuthResult(Caller? Caller, IResult? Error);

/// <summary>Checks Direct Line credentials: <c>Authorization: Bearer</c>, or <c>?t=</c> on a stream URL.</summary>
public sealed class DirectLineAuth(DirectLineSecret secret, DirectLineTokens tokens)
{
    public AuthResult Authenticate(HttpRequest request, bool allowQueryToken = false)
    {
        var credential = BearerOf(request);
        if (credential is null && allowQueryToken) credential = request.Query["t"].ToString();
        if (string.IsNullOrEmpty(credential)) return new(null, DirectLineErrors.MissingAuth());
        if (secret.Matches(credential)) return new(new Caller(true, null, null), null);
        var check = tokens.Validate(credential);
        return check.Status switch
        {
            TokenStatus.Valid => new(new Caller(false, check.ConversationId, check.UserId), null),
            TokenStatus.Expired => new(null, DirectLineErrors.Expired()),
            _ => new(null, DirectLineErrors.InvalidToken()),
        };
    }

    /// <summary>Authenticates and checks the caller may use <paramref name="conversationId"/>.</summary>
    public AuthResult Authorize(HttpRequest request, string conversationId, bool allowQueryToken = false)
    {
        var result = Authenticate(request, allowQueryToken);
        if (result.Caller is { } caller && !caller.MayUse(conversationId)) return new(null, DirectLineErrors.WrongConversation());
        return result;
    }

    /// <summary>The request carries the secret as its bearer credential (the trusted backend, not a browser).</summary>
    public bool HasSecret(HttpRequest request) => BearerOf(request) is { Length: > 0 } credential && secret.Matches(credential);

    /// <summary>Only the secret may do this (e.g. generate tokens).</summary>
    public IResult? RequireSecret(HttpRequest request)
    {
        var credential = BearerOf(request);
        if (string.IsNullOrEmpty(credential)) return DirectLineErrors.MissingAuth();
        return secret.Matches(credential) ? null : DirectLineErrors.InvalidToken();
    }

    private static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }
}
