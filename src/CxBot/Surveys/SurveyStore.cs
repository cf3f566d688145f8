using System.Text.Json;
using System.Text.Json.Serialization;
using CxBot.Analytics;
using CxBot.Knowledge;
using CxBot.Storage;

namespace CxBot.Surveys;

/// <summary>
/// Survey responses with their conversations' facts, and the questions the bot could not answer. Both are
/// documents linked to their conversation (erased and exported with it) and indexed by time, so the dashboard
/// reads a date range, never the whole history (<see cref="ICxFigures"/> sums the responses).
/// </summary>
public sealed class SurveyStore(IDocumentStore documents)
{
    public const string Responses = "responses";
    public const string Gaps = "kb-gaps";

    public Task SaveAsync(SurveyResponse response, CancellationToken cancellationToken) =>
        documents.PutAsync(Responses, response.ConversationId, JsonSerializer.SerializeToUtf8Bytes(response, SurveyJsonContext.Default.SurveyResponse), cancellationToken);

    /// <summary>The response stored for one conversation, if it ended.</summary>
    public async Task<SurveyResponse?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        await documents.GetAsync(Responses, conversationId, cancellationToken) is { } json
            ? JsonSerializer.Deserialize(json, SurveyJsonContext.Default.SurveyResponse)
            : null;

    public Task RecordGapAsync(KnowledgeGap gap, CancellationToken cancellationToken) =>
        documents.PutAsync(Gaps, gap.ActivityId, JsonSerializer.SerializeToUtf8Bytes(gap, SurveyJsonContext.Default.KnowledgeGap), cancellationToken);

    /// <summary>
    /// Records a customer question the bot did not answer outright, for the knowledge-base gaps and for replay: a fallback,
    /// a "Did you mean…" or a "Do you mean…?", with that decision and the first article it offered. Any other answer is not
    /// recorded. Stored with the gaps, so privacy export, erase, masking and retention cover it.
    /// </summary>
    public Task RecordUnansweredAsync(string activityId, string conversationId, string text, KnowledgeAnswer answer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var action = answer.Action switch
        {
            AnswerAction.Fallback => "fallback",
            AnswerAction.Clarify => "clarify",
            AnswerAction.Confirm => "confirm",
            _ => null,
        };
        return action is null
            ? Task.CompletedTask
            : RecordGapAsync(new KnowledgeGap(activityId, conversationId, text, answer.Language, at, action, answer.Candidates.FirstOrDefault()?.Id,
                Math.Round(answer.Confidence, 3)), cancellationToken);
    }

    /// <summary>The gaps recorded on the filter's days, in its language, oldest first.</summary>
    public async Task<IReadOnlyList<KnowledgeGap>> ListGapsAsync(CxFilter filter, CancellationToken cancellationToken)
    {
        var (from, to) = filter.Range;
        return [.. (await documents.ListByTimeAsync(Gaps, from, to, cancellationToken))
            .Select(d => JsonSerializer.Deserialize(d.Value, SurveyJsonContext.Default.KnowledgeGap)!)
            .Where(g => string.IsNullOrEmpty(filter.Language) || g.Language == filter.Language)];
    }
}

/// <summary>A customer question the bot had no article for, or (see <see cref="Action"/>) was not sure of.</summary>
/// <param name="Action"><c>fallback</c> (also when null: records before replay existed), <c>clarify</c> or <c>confirm</c>.</param>
/// <param name="ArticleId">The first article offered, if any.</param>
/// <param name="Confidence">How sure the bot was of it.</param>
public sealed record KnowledgeGap(string ActivityId, string ConversationId, string Text, string Language, DateTimeOffset At,
    string? Action = null, string? ArticleId = null, double? Confidence = null)
{
    /// <summary>The bot had no answer: a knowledge-base gap proper.</summary>
    public bool IsFallback => Action is null or "fallback";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SurveyResponse))]
[JsonSerializable(typeof(KnowledgeGap))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
public sealed partial class SurveyJsonContext : JsonSerializerContext;
