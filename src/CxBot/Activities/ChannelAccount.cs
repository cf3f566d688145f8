using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxBot.Activities;

/// <summary>A participant: the customer, the bot or an agent.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }

    /// <summary><c>user</c> or <c>bot</c>; Web Chat draws the bubble side from it.</summary>
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
