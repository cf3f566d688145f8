using System.Text.Json.Serialization;

namespace CxBot.Conversations;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
[JsonSerializable(typeof(Conversation))]
public sealed partial class StateJsonContext : JsonSerializerContext;
