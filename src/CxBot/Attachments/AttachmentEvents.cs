using System.Text.Json;
using CxBot.Activities;

namespace CxBot.Attachments;

/// <summary>
/// The channel's word to the conversation that a customer's files were refused, as an internal event run through the
/// conversation's turn queue, so the bot says why in the chat in the conversation's language. It comes on the internal
/// channel, which the Direct Line channel never lets a customer claim.
/// </summary>
public static class AttachmentEvents
{
    public const string Refused = "attachment.refused";
    public const string Role = "system";

    public static Activity RefusedEvent(string conversationId, AttachmentRefusal refusal) => new()
    {
        Type = ActivityTypes.Event,
        Name = Refused,
        ChannelId = Handoff.AgentEvents.Channel,
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "cxbot", Role = Role },
        Value = JsonSerializer.SerializeToElement(refusal, AttachmentJsonContext.Default.AttachmentRefusal),
    };

    public static bool IsRefusal(Activity activity) =>
        activity is { Type: ActivityTypes.Event, Name: Refused, ChannelId: Handoff.AgentEvents.Channel, From.Role: Role };
}
