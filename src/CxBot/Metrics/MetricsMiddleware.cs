using System.Diagnostics;
using Activity = CxBot.Activities.Activity;
using System.Text.Json;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Turns;

namespace CxBot.Metrics;

/// <summary>
/// Measures each turn from the outside, first in the pipeline: how long it took, and what it produced, read
/// from what the turn sent (answer decisions in the replies' <c>channelData.cxbot</c>, the Bot Framework
/// handoff events) and from how the conversation's state changed (a CSAT or effort answer, the wait for an
/// agent, the end of the conversation, the sentiment of the customer's message). The features themselves
/// know nothing of metrics, and a failure to record never touches the turn.
/// </summary>
public sealed class MetricsMiddleware(CxBotMetrics metrics) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var state = context.State;
        var before = new Before(state.Csat, state.Ces, state.WaitSeconds, state.EndedAt, state.Sentiments.Count);
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await next(cancellationToken);
            failed = false;
        }
        finally
        {
            metrics.TurnCompleted(Kind(context.Activity), failed, Stopwatch.GetElapsedTime(started));
            try
            {
                RecordOutcome(context, before);
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or ArgumentException or KeyNotFoundException)
            {
                // A reply shaped in a way this reader did not expect is not worth failing a turn over.
            }
        }
    }

    private void RecordOutcome(TurnContext context, Before before)
    {
        var activity = context.Activity;
        var state = context.State;
        var replied = false;
        foreach (var sent in context.Sent)
        {
            switch (sent.Type)
            {
                case ActivityTypes.Message:
                    if (!replied && IsCustomerMessage(activity) && activity.Timestamp is { } asked && sent.Timestamp is { } answered)
                    {
                        metrics.ReplySent(answered - asked);
                        replied = true;
                    }

                    if (DecisionOf(sent) is { } action) metrics.AnswerDecided(action, Languages.FromLocale(sent.Locale ?? activity.Locale));
                    break;
                case ActivityTypes.Event when sent.Name == HandoffEvents.Initiate:
                    metrics.HandoffStep(StringOf(sent.Value, "reason") ?? state.HandoffReason ?? "unknown", "initiated");
                    break;
                case ActivityTypes.Event when sent.Name == HandoffEvents.Status:
                    metrics.HandoffStep(state.HandoffReason ?? "unknown", StringOf(sent.Value, "state") ?? "unknown");
                    break;
            }
        }

        for (var i = before.Sentiments; i < state.Sentiments.Count; i++) metrics.CustomerMessage(state.Sentiments[i].Label);
        if (before.Csat is null && state.Csat is { } csat) metrics.CsatAnswered(csat, state.LastAgentName is null ? "bot" : "agent");
        if (before.Ces is null && state.Ces is { } ces) metrics.EffortAnswered(ces);
        if (before.WaitSeconds is null && state.WaitSeconds is { } wait) metrics.QueueWaited(TimeSpan.FromSeconds(wait));
        if (before.EndedAt is null && state.EndedAt is not null) metrics.ConversationEnded(state.EndedBy ?? "unknown");
    }

    private static bool IsCustomerMessage(Activity activity) =>
        activity is { Type: ActivityTypes.Message, From.Role: "user" } && !AgentEvents.IsInternal(activity);

    /// <summary>The bot's decision a reply carries in <c>channelData.cxbot.action</c>, if it carries one.</summary>
    private static string? DecisionOf(Activity reply) =>
        reply.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("cxbot", out var decision)
            ? StringOf(decision, "action")
            : null;

    private static string? StringOf(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(property, out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;

    /// <summary>A small fixed set, so the label never grows with what clients send.</summary>
    private static string Kind(Activity activity) => activity.Type switch
    {
        _ when AgentEvents.IsInternal(activity) => "internal",
        ActivityTypes.Message => "message",
        ActivityTypes.ConversationUpdate => "conversation_update",
        ActivityTypes.Typing => "typing",
        ActivityTypes.Event => "event",
        ActivityTypes.EndOfConversation => "end_of_conversation",
        _ => "other",
    };

    private readonly record struct Before(int? Csat, int? Ces, double? WaitSeconds, DateTimeOffset? EndedAt, int Sentiments);
}
