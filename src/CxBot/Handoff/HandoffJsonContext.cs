using System.Text.Json.Serialization;

namespace CxBot.Handoff;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QueueEntry))]
[JsonSerializable(typeof(Ticket))]
[JsonSerializable(typeof(HandoffEventValue))]
[JsonSerializable(typeof(HandoffStatusValue))]
public sealed partial class HandoffJsonContext : JsonSerializerContext;
