using System.Text.Json.Serialization;

namespace CxBot.Bot;

/// <summary>The bot's open question, which decides what a short answer ("yes", "no", a button) means.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PendingQuestion>))]
public enum PendingQuestion
{
    None,

    /// <summary>"Did this help?" after an answer.</summary>
    DidThisHelp,

    /// <summary>"Do you mean <i>Order status</i>?": Yes answers it, No says so plainly and offers a person.</summary>
    Confirm,

    /// <summary>"Did you mean…" with two or three articles.</summary>
    Clarify,

    /// <summary>"Anything else I can help with?": No means the customer is done.</summary>
    AnythingElse,
}
