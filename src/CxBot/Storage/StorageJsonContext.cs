using System.Text.Json.Serialization;

namespace CxBot.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredFile))]
public sealed partial class StorageJsonContext : JsonSerializerContext;
