using System.Text.Json.Serialization;

namespace CxBot.Handoff;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandledHandoff))]
internal sealed partial class HandoffGradeJsonContext : JsonSerializerContext;
