using System.Text.Json.Serialization;

namespace CxBot.Handoff;

/// <summary>Where a conversation stands between the bot and the people behind it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HandoffPhase>))]
public enum HandoffPhase
{
    /// <summary>The bot has the conversation.</summary>
    Bot,

    /// <summary>The bot asked "Shall I connect you with a consultant?" and waits for the answer.</summary>
    Offered,

    /// <summary>Waiting in the queue for an agent.</summary>
    Queued,

    /// <summary>An agent has taken over.</summary>
    WithAgent,

    /// <summary>No agent can take it now; the bot offered to take a message for a ticket.</summary>
    TicketOffered,
}
