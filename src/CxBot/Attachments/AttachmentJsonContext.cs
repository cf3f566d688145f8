using System.Text.Json.Serialization;

namespace CxBot.Attachments;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AttachmentReference))]
[JsonSerializable(typeof(AttachmentRefusal))]
public sealed partial class AttachmentJsonContext : JsonSerializerContext;
