using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CxBot.Web.DirectLine;

/// <summary>
/// Conversation tokens: JWTs (HS256) naming one conversation and an expiry, signed with a key derived
/// from the Direct Line secret. Any instance that knows the secret can check them, so they work behind
/// a load balancer without shared session state.
/// </summary>
public sealed class DirectLineTokens
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes(Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8));
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public DirectLineTokens(DirectLineSecret secret, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret.Value), "cxbot/directline/token/v1"u8);
        _time = time;
        Lifetime = TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);
    }

    public TimeSpan Lifetime { get; }

    public string Issue(string conversationId, string? userId = null)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new TokenClaims(conversationId, userId, now, now + (long)Lifetime.TotalSeconds, Convert.ToHexString(RandomNumberGenerator.GetBytes(8))),
            DirectLineJsonContext.Default.TokenClaims);
        var signingInput = $"{Encoding.UTF8.GetString(Header)}.{Base64Url.EncodeToString(payload)}";
        return $"{signingInput}.{Base64Url.EncodeToString(Sign(signingInput))}";
    }

    public TokenCheck Validate(string? token)
    {
        if (string.IsNullOrEmpty(token)) return TokenCheck.Invalid;
        var parts = token.Split('.');
        if (parts.Length != 3) return TokenCheck.Invalid;
        byte[] signature, payload;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
            payload = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return TokenCheck.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign($"{parts[0]}.{parts[1]}"))) return TokenCheck.Invalid;
        TokenClaims? claims;
        try { claims = JsonSerializer.Deserialize(payload, DirectLineJsonContext.Default.TokenClaims); }
        catch (JsonException) { return TokenCheck.Invalid; }
        if (claims?.Conv is null) return TokenCheck.Invalid;
        return claims.Exp <= _time.GetUtcNow().ToUnixTimeSeconds()
            ? new TokenCheck(TokenStatus.Expired, claims.Conv, claims.User)
            : new TokenCheck(TokenStatus.Valid, claims.Conv, claims.User);
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(signingInput));
}

public enum TokenStatus { Invalid, Expired, Valid }

/// <summary>What a token says, once its signature is checked.</summary>
public sealed record TokenCheck(TokenStatus Status, string? ConversationId, string? UserId)
{
    public static TokenCheck Invalid { get; } = new(TokenStatus.Invalid, null, null);
}

/// <summary>JWT claims: <c>conv</c> the one conversation the token opens, <c>user</c> the customer id bound at generation.</summary>
public sealed record TokenClaims(string Conv, string? User, long Iat, long Exp, string Jti);
