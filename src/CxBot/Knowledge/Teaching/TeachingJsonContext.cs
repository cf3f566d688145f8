using System.Text.Json.Serialization;

namespace CxBot.Knowledge.Teaching;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TaughtQuestion))]
[JsonSerializable(typeof(TeachLogEntry))]
[JsonSerializable(typeof(TaughtVersion))]
public sealed partial class TeachingJsonContext : JsonSerializerContext;
