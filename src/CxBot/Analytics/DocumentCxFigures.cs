using System.Text.Json;
using CxBot.Storage;
using CxBot.Surveys;

namespace CxBot.Analytics;

/// <summary>Dashboard figures from the survey responses of the range, read by time from the document store and summed in memory (Redis).</summary>
public sealed class DocumentCxFigures(IDocumentStore documents) : ICxFigures
{
    public async Task<CxMetrics> SummaryAsync(CxFilter filter, CancellationToken cancellationToken) =>
        CxMetrics.From(await ResponsesAsync(filter, null, cancellationToken));

    public async Task<IReadOnlyList<CsatSlice>> TrendAsync(CxFilter filter, bool weekly, CancellationToken cancellationToken) =>
        CsatBreakdown.Trend(await ResponsesAsync(filter, null, cancellationToken), weekly);

    public async Task<IReadOnlyList<CsatSlice>> BreakdownAsync(CxFilter filter, CxDimension dimension, CancellationToken cancellationToken)
    {
        var responses = await ResponsesAsync(filter, null, cancellationToken);
        return dimension switch
        {
            CxDimension.ResolvedBy => CsatBreakdown.By(responses, r => [r.ResolvedBy]),
            CxDimension.Agent => CsatBreakdown.By(responses, r => r.Agent is null ? [] : [r.Agent]),
            CxDimension.Article => CsatBreakdown.By(responses, r => r.Articles.Distinct()),
            _ => CsatBreakdown.By(responses, r => [r.Language]),
        };
    }

    public async Task<IReadOnlyList<TeamSlice>> TeamsAsync(CxFilter filter, CancellationToken cancellationToken) =>
        TeamSlice.From(await ResponsesAsync(filter, null, cancellationToken));

    /// <summary>Other stores read the range's documents at once (<see cref="IDocumentStore.ListByTimeAsync"/>) and hand them out one by one.</summary>
    public async IAsyncEnumerable<SurveyResponse> StreamResponsesAsync(
        CxFilter filter, int? maxCsat, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var response in await ResponsesAsync(filter, maxCsat, cancellationToken)) yield return response;
    }

    public async Task<IReadOnlyList<SurveyResponse>> ResponsesAsync(CxFilter filter, int? maxCsat, CancellationToken cancellationToken)
    {
        var (from, to) = filter.Range;
        return [.. (await documents.ListByTimeAsync(SurveyStore.Responses, from, to, cancellationToken))
            .Select(d => JsonSerializer.Deserialize(d.Value, SurveyJsonContext.Default.SurveyResponse)!)
            .Where(r => filter.Matches(r) && (maxCsat is null || r.Csat <= maxCsat))];
    }
}
