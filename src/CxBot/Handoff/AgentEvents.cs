using System.Text.Json;
using CxBot.Activities;

namespace CxBot.Handoff;

/// <summary>
/// What the agent desk tells a conversation, as internal event activities run through the conversation's
/// turn queue (so they never race a customer's turn). They come on the <see cref="Channel"/> channel with
/// the <c>agent</c> role, which the Direct Line channel never lets a customer claim.
/// </summary>
public static class AgentEvents
{
    public const string Channel = "cxbot-internal";
    public const string Role = "agent";

    public const string Accept = "agent.accept";
    public const string Message = "agent.message";
    public const string Typing = "agent.typing";
    public const string ReturnToBot = "agent.return";
    public const string End = "agent.end";
    public const string Transfer = "agent.transfer";

    /// <summary>Back to the queue for a team (the value): offered to that team's agents first.</summary>
    public const string TransferToTeam = "agent.transfer-team";
    public const string Disconnected = "agent.disconnected";
    public const string QueueChanged = "queue.changed";

    public static Activity Create(string name, string conversationId, string agentId, string agentName, string? value = null) => new()
    {
        Type = ActivityTypes.Event,
        Name = name,
        ChannelId = Channel,
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = agentId, Name = agentName, Role = Role },
        Value = value is null ? null : JsonSerializer.SerializeToElement(value, ActivityJsonContext.Default.String),
    };

    public static bool IsInternal(Activity activity) => activity.ChannelId == Channel && activity.From?.Role == Role;

    /// <summary>How an agent appears to the customer: on the bot's side of Web Chat, under their own name.</summary>
    public static ChannelAccount Identity(string agentId, string agentName) => new() { Id = "agent:" + agentId, Name = agentName, Role = "bot" };
}
