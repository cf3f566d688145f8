using System.Text.Json.Serialization;

namespace CxBot.Web.DirectLine;

/// <summary>Direct Line 3.0 response bodies.</summary>
public sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl);

public sealed record ResourceResponse(string Id);

/// <summary>Body of <c>POST /conversations</c> and <c>/tokens/generate</c>, both optional.</summary>
public sealed record StartRequest(StartUser? User, string? Locale);

public sealed record StartUser(string? Id, string? Name);

/// <summary>Bot Framework error body: <c>{"error": {"code", "message"}}</c>.</summary>
public sealed record ErrorResponse(ErrorDetail Error);

public sealed record ErrorDetail(string Code, string Message);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(StartRequest))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(TokenClaims))]
public sealed partial class DirectLineJsonContext : JsonSerializerContext;
