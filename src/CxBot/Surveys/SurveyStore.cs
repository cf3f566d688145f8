using System.Text.Json;
using System.Text.Json.Serialization;
using CxBot.Storage;

namespace CxBot.Surveys;

/// <summary>Survey responses with their conversations' facts, and the questions the bot could not answer.</summary>
public sealed class SurveyStore(IDocumentStore documents)
{
    public const string Responses = "responses";
    public const string Gaps = "kb-gaps";

    public Task SaveAsync(SurveyResponse response, CancellationToken cancellationToken) =>
        documents.PutAsync(Responses, response.ConversationId, JsonSerializer.SerializeToUtf8Bytes(response, SurveyJsonContext.Default.SurveyResponse), cancellationToken);

    public async Task<IReadOnlyList<SurveyResponse>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(Responses, cancellationToken)).Select(d => JsonSerializer.Deserialize(d.Value, SurveyJsonContext.Default.SurveyResponse)!)];

    public Task RecordGapAsync(KnowledgeGap gap, CancellationToken cancellationToken) =>
        documents.PutAsync(Gaps, gap.ActivityId, JsonSerializer.SerializeToUtf8Bytes(gap, SurveyJsonContext.Default.KnowledgeGap), cancellationToken);

    public async Task<IReadOnlyList<KnowledgeGap>> ListGapsAsync(CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(Gaps, cancellationToken)).Select(d => JsonSerializer.Deserialize(d.Value, SurveyJsonContext.Default.KnowledgeGap)!)];
}

/// <summary>A customer question the bot had no article for.</summary>
public sealed record KnowledgeGap(string ActivityId, string ConversationId, string Text, string Language, DateTimeOffset At);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SurveyResponse))]
[JsonSerializable(typeof(KnowledgeGap))]
public sealed partial class SurveyJsonContext : JsonSerializerContext;
