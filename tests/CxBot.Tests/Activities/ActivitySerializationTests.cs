using System.Text.Json.Nodes;
using CxBot.Activities;

namespace CxBot.Tests.Activities;

public sealed class ActivitySerializationTests
{
    // What Web Chat 4.18 posts for a typed message (captured shape), with a field CxBot does not model.
    private const string WebChatMessage = """
        {
          "type": "message",
          "channelData": { "clientActivityID": "1700000000000abcdef", "clientTimestamp": "2026-11-22T10:00:00.000Z" },
          "channelId": "webchat",
          "entities": [{ "requiresBotState": true, "supportsListening": true, "supportsTts": true, "type": "ClientCapabilities" }],
          "from": { "id": "dl_abc", "name": "", "role": "user" },
          "locale": "pl-PL",
          "localTimestamp": "2026-11-22T11:00:00.000+01:00",
          "localTimezone": "Europe/Warsaw",
          "text": "gdzie jest moja paczka",
          "textFormat": "plain",
          "timestamp": "2026-11-22T10:00:00.000Z",
          "unknownByCxBot": { "nested": [1, 2, { "deep": true }] }
        }
        """;

    // A bot reply with a hero card and suggested actions, as in the Bot Framework samples.
    private const string BotReply = """
        {
          "type": "message",
          "id": "abc|0000002",
          "timestamp": "2026-11-22T10:00:01.1234567Z",
          "from": { "id": "cxbot", "name": "CxBot", "role": "bot" },
          "recipient": { "id": "dl_abc", "role": "user" },
          "conversation": { "id": "abc" },
          "replyToId": "abc|0000001",
          "inputHint": "expectingInput",
          "text": "Czy to pomogło?",
          "suggestedActions": { "to": ["dl_abc"], "actions": [{ "type": "imBack", "title": "Tak", "value": "Tak" }] },
          "attachments": [{ "contentType": "application/vnd.microsoft.card.hero", "content": { "title": "Dostawa", "buttons": [] } }]
        }
        """;

    private const string HandoffEvent = """
        {
          "type": "event",
          "name": "handoff.initiate",
          "value": { "skill": "support" },
          "attachments": [{ "contentType": "application/json", "name": "Transcript", "content": { "activities": [] } }]
        }
        """;

    [Theory]
    [InlineData(WebChatMessage)]
    [InlineData(BotReply)]
    [InlineData(HandoffEvent)]
    public void RoundTrip_KeepsEveryField(string json)
    {
        var sut = ActivitySerializer.FromJson(json);

        var written = ActivitySerializer.ToJson(sut);

        Assert.True(JsonNode.DeepEquals(Normalise(JsonNode.Parse(json)!), Normalise(JsonNode.Parse(written)!)), written);
    }

    [Fact]
    public void Read_MapsKnownFields()
    {
        var sut = ActivitySerializer.FromJson(WebChatMessage);

        Assert.Equal(ActivityTypes.Message, sut.Type);
        Assert.Equal("gdzie jest moja paczka", sut.Text);
        Assert.Equal("dl_abc", sut.From!.Id);
        Assert.Equal("pl-PL", sut.Locale);
        Assert.Equal("1700000000000abcdef", sut.ClientActivityId);
        Assert.True(sut.Extra!.ContainsKey("unknownByCxBot"));
    }

    [Fact]
    public void Write_UsesUtcWithZ_AndOmitsNulls()
    {
        var sut = new Activity { Type = ActivityTypes.Typing, Timestamp = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.FromHours(1)) };

        var json = ActivitySerializer.ToJson(sut);

        Assert.Equal("""{"type":"typing","timestamp":"2026-11-22T11:00:00.0000000Z"}""", json);
    }

    [Fact]
    public void CreateReply_AddressesTheSender()
    {
        var incoming = ActivitySerializer.FromJson(BotReply);

        var reply = incoming.CreateReply("ok");

        Assert.Equal("dl_abc", reply.From!.Id);
        Assert.Equal("cxbot", reply.Recipient!.Id);
        Assert.Equal("abc|0000002", reply.ReplyToId);
        Assert.Equal(TextFormats.Markdown, reply.TextFormat);
    }

    // Timestamps may be written with another precision; compare them as instants with their offsets.
    private static JsonNode Normalise(JsonNode node)
    {
        foreach (var name in new[] { "timestamp", "localTimestamp" })
        {
            if (node[name] is JsonValue value && DateTimeOffset.TryParse(value.GetValue<string>(), out var instant))
                node[name] = instant.ToString("O");
        }

        return node;
    }
}
