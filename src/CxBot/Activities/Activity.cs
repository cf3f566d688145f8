using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxBot.Activities;

/// <summary>
/// A Bot Framework activity as it travels on the wire (Direct Line 3.0, camelCase JSON).
/// Fields this type does not model are kept in <see cref="Extra"/> so a client's activity
/// survives a round trip unchanged.
/// </summary>
public sealed class Activity
{
    /// <summary>One of <see cref="ActivityTypes"/>; an activity without one is not an activity.</summary>
    public required string Type { get; set; }

    /// <summary>Assigned by the server when the activity is stored: <c>{conversationId}|{sequence}</c>.</summary>
    public string? Id { get; set; }

    /// <summary>UTC time the server stored the activity; serialised with a trailing <c>Z</c>.</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The client's local time, with its offset kept as sent.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }

    /// <summary><c>markdown</c>, <c>plain</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? ReplyToId { get; set; }

    /// <summary>Name of an event or invoke activity, e.g. <c>handoff.initiate</c>.</summary>
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public string? ValueType { get; set; }
    public string? Label { get; set; }

    /// <summary>Code of an endOfConversation activity, e.g. <c>completedSuccessfully</c>.</summary>
    public string? Code { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Properties sent by a client that this schema does not name; written back as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The <c>channelData.clientActivityID</c> Web Chat uses to match the echo of a posted activity.</summary>
    [JsonIgnore]
    public string? ClientActivityId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>A reply in this conversation, from the recipient of this activity back to its sender.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
        TextFormat = text is null ? null : TextFormats.Markdown,
    };
}
