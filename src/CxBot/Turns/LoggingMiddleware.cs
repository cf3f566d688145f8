using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CxBot.Turns;

/// <summary>Logs each turn with its conversation, activity type and duration. Never logs message text: it may hold personal data.</summary>
public sealed partial class LoggingMiddleware(ILogger<LoggingMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await next(cancellationToken);
        LogTurn(context.Conversation.Id, context.Activity.Type, context.Sent.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn in {ConversationId}: {ActivityType} answered with {Replies} activities in {ElapsedMs:0.000} ms")]
    private partial void LogTurn(string conversationId, string activityType, int replies, double elapsedMs);
}
