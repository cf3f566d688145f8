using System.Text.Json;
using CxBot.Activities;

namespace CxBot.Handoff;

/// <summary>Value of the Bot Framework <c>handoff.initiate</c> event.</summary>
public sealed record HandoffEventValue(string Reason, string ConversationId, string TranscriptUrl, string Language);

/// <summary>Value of <c>handoff.status</c>: <c>accepted</c>, <c>failed</c> or <c>completed</c>, as in the Bot Framework handoff protocol.</summary>
public sealed record HandoffStatusValue(string State, string? Message = null, string? Agent = null);

/// <summary>The Bot Framework handoff protocol's events, so channels and tools that understand it see each step.</summary>
public static class HandoffEvents
{
    public const string Initiate = "handoff.initiate";
    public const string Status = "handoff.status";

    public static Activity InitiateEvent(string conversationId, string reason, string language) => new()
    {
        Type = ActivityTypes.Event,
        Name = Initiate,
        Value = JsonSerializer.SerializeToElement(
            new HandoffEventValue(reason, conversationId, $"/api/agent/conversations/{conversationId}", language),
            HandoffJsonContext.Default.HandoffEventValue),
    };

    public static Activity StatusEvent(string state, string? message = null, string? agent = null) => new()
    {
        Type = ActivityTypes.Event,
        Name = Status,
        Value = JsonSerializer.SerializeToElement(new HandoffStatusValue(state, message, agent), HandoffJsonContext.Default.HandoffStatusValue),
    };
}
