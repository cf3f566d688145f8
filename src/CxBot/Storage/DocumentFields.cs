using System.Text.Json;

namespace CxBot.Storage;

/// <summary>The fields a store indexes in a document: its conversation, and its time and status when its collection is indexed.</summary>
public readonly record struct DocumentFields(string? ConversationId, DateTimeOffset? At, string? Status)
{
    /// <summary>Reads the top level of a JSON object only; anything else (XML, binary, broken JSON) has no fields.</summary>
    public static DocumentFields Of(ReadOnlySpan<byte> value, DocumentIndex? index)
    {
        if (value.IsEmpty || value[0] != (byte)'{') return default;
        string? conversationId = null, status = null;
        DateTimeOffset? at = null;
        try
        {
            var reader = new Utf8JsonReader(value);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isConversation = reader.ValueTextEquals("conversationId"u8);
                var isTime = index?.TimeProperty is { } time && reader.ValueTextEquals(time);
                var isStatus = index?.StatusProperty is { } statusProperty && reader.ValueTextEquals(statusProperty);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    if (isConversation) conversationId = reader.GetString();
                    else if (isTime && reader.TryGetDateTimeOffset(out var parsed)) at = parsed;
                    else if (isStatus) status = reader.GetString();
                }
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: stored as it is, unindexed.
        }

        return new(conversationId, at, status);
    }
}
