using System.Text.Json.Serialization;

namespace CxBot.Bot;

/// <summary>The bot's decision on a reply, in its <c>channelData.cxbot</c>.</summary>
public sealed record BotDecision(string Action, string? ArticleId, double Confidence, IReadOnlyList<string> Candidates);

/// <summary>Wraps <see cref="BotDecision"/> as <c>{"cxbot": {...}}</c> so other channelData keys stay free.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BotDecisionEnvelope))]
internal sealed partial class BotJsonContext : JsonSerializerContext;

internal sealed record BotDecisionEnvelope(BotDecision Cxbot);
