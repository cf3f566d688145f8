using CxBot.Analytics;
using CxBot.Surveys;

namespace CxBot.Knowledge.Replay;

/// <summary>
/// Replays the customer questions that got a fallback, a "Did you mean…" or a "Do you mean…?" (recorded by
/// <see cref="SurveyStore.RecordUnansweredAsync"/>) against the knowledge base as it is now, articles and taught questions
/// included: the effect of an edit or of teaching, measured on what customers really asked. Decisions only: an optional LLM
/// is not called.
/// </summary>
public sealed class ReplayService(SurveyStore surveys, AnswerService answers)
{
    /// <param name="from">First day (UTC) included; null: from the first record.</param>
    /// <param name="to">Last day (UTC) included; null: up to now.</param>
    /// <param name="language"><c>pl</c>, <c>en</c> or null for both.</param>
    public async Task<ReplayReport> ReplayAsync(DateOnly? from, DateOnly? to, string? language, CancellationToken cancellationToken)
    {
        var records = (await surveys.ListGapsAsync(new CxFilter(from, to, language), cancellationToken))
            .OrderByDescending(g => g.At).ThenBy(g => g.ActivityId, StringComparer.Ordinal)
            .ToList();

        var items = new List<ReplayItem>(records.Count);
        foreach (var record in records)
        {
            var now = await answers.AnswerAsync(record.Text, record.Language, cancellationToken, generate: false);
            items.Add(new ReplayItem(record.ActivityId, record.ConversationId, record.At, record.Text, record.Language,
                record.Action ?? "fallback", record.ArticleId, Name(now.Action), now.Action == AnswerAction.Answer ? now.Article?.Id : now.Candidates.FirstOrDefault()?.Id,
                Math.Round(now.Confidence, 3)));
        }

        var knowledgeBase = answers.KnowledgeBase;
        var answered = items.Where(i => i.After == "answer" && i.AfterArticleId is not null).ToList();
        return new ReplayReport(
            items.Count,
            Count(items.Select(i => i.Before)),
            Count(items.Select(i => i.After)),
            answered.Count,
            [.. answered.GroupBy(i => i.AfterArticleId!).Select(g => new ReplayArticleCount(g.Key, knowledgeBase.Find(g.Key, g.First().Language)?.Title ?? g.Key, g.Count()))
                .OrderByDescending(a => a.Count).ThenBy(a => a.ArticleId, StringComparer.Ordinal)],
            items);
    }

    public static string Name(AnswerAction action) => action.ToString().ToLowerInvariant();

    private static SortedDictionary<string, int> Count(IEnumerable<string> names) =>
        new(names.CountBy(n => n).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
}
