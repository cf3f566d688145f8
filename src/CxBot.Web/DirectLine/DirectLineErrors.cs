using Microsoft.AspNetCore.Http.HttpResults;

namespace CxBot.Web.DirectLine;

/// <summary>Error responses in the Bot Framework shape, with the Direct Line codes clients know.</summary>
public static class DirectLineErrors
{
    public static JsonHttpResult<ErrorResponse> Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new ErrorDetail(code, message)), DirectLineJsonContext.Default.ErrorResponse, statusCode: status);

    public static JsonHttpResult<ErrorResponse> BadSyntax(string message) => Error(400, "BadSyntax", message);
    public static JsonHttpResult<ErrorResponse> BadArgument(string message) => Error(400, "BadArgument", message);
    public static JsonHttpResult<ErrorResponse> MissingAuth() =>
        Error(401, "Unauthorized", "Send 'Authorization: Bearer <token or secret>'.");
    public static JsonHttpResult<ErrorResponse> InvalidToken() => Error(403, "Forbidden", "The token or secret is not valid.");
    public static JsonHttpResult<ErrorResponse> Expired() => Error(403, "TokenExpired", "The token has expired; get a new one.");
    public static JsonHttpResult<ErrorResponse> WrongConversation() =>
        Error(403, "Forbidden", "The token is not valid for this conversation.");
    public static JsonHttpResult<ErrorResponse> NotFound(string conversationId) =>
        Error(404, "NotFound", $"Conversation '{conversationId}' does not exist.");
    public static JsonHttpResult<ErrorResponse> TooBig(string message) => Error(413, "MessageSizeTooBig", message);
}
