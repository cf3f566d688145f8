using System.Globalization;
using System.Text;
using CxBot.Analytics;
using CxBot.Conversations;
using CxBot.Knowledge.Teaching;
using CxBot.Handoff;
using CxBot.Privacy;
using CxBot.Surveys;
using CxBot.Web.AgentDesk;
using Microsoft.Extensions.Options;

namespace CxBot.Web.Dashboard;

/// <summary>
/// The CX lead's dashboard (<c>/cx</c>) and a JSON endpoint for every figure on it, so a BI tool can read
/// them too. All take <c>?from=yyyy-MM-dd&amp;to=yyyy-MM-dd&amp;lang=pl|en</c>.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cx", Page).RequireAuthorization(Roles.LeadPolicy);
        var api = app.MapGroup("/api/cx").RequireAuthorization(Roles.LeadPolicy);
        api.MapGet("/summary", Summary);
        api.MapGet("/trend", Trend);
        api.MapGet("/breakdown", Breakdown);
        api.MapGet("/teams", Teams);
        api.MapGet("/gaps", Gaps);
        api.MapGet("/low-rated", LowRated);
        api.MapGet("/handoff-grades", HandoffJudgement);
        api.MapGet("/export/responses.csv", ExportResponses);
        api.MapGet("/export/conversations.csv", ExportConversations);
        api.MapGet("/export/handoff-grades.csv", ExportHandoffGrades);
        app.MapTeaching();
        return app;
    }

    internal static IResult Page() =>
        TypedResults.Content(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dashboard", "Pages", "cx.html")), "text/html; charset=utf-8");

    internal static async Task<IResult> Summary(ICxFigures figures, string? from, string? to, string? lang, CancellationToken cancellationToken) =>
        ParseFilter(from, to, lang) is { } filter ? TypedResults.Ok(await figures.SummaryAsync(filter, cancellationToken)) : BadFilter();

    internal static async Task<IResult> Trend(ICxFigures figures, string? from, string? to, string? lang, string? interval, CancellationToken cancellationToken) =>
        ParseFilter(from, to, lang) is { } filter ? TypedResults.Ok(await figures.TrendAsync(filter, interval == "week", cancellationToken)) : BadFilter();

    internal static async Task<IResult> Breakdown(ICxFigures figures, string? from, string? to, string? lang, CancellationToken cancellationToken)
    {
        if (ParseFilter(from, to, lang) is not { } filter) return BadFilter();
        // Four independent sums, asked side by side.
        var slices = await Task.WhenAll(new[] { CxDimension.ResolvedBy, CxDimension.Agent, CxDimension.Article, CxDimension.Language }
            .Select(dimension => Task.Run(() => figures.BreakdownAsync(filter, dimension, cancellationToken), cancellationToken)));
        return TypedResults.Ok(new { resolvedBy = slices[0], agent = slices[1], article = slices[2], language = slices[3] });
    }

    /// <summary>Waits and CSAT per team, over the conversations that waited for a person.</summary>
    internal static async Task<IResult> Teams(ICxFigures figures, string? from, string? to, string? lang, CancellationToken cancellationToken) =>
        ParseFilter(from, to, lang) is { } filter ? TypedResults.Ok(await figures.TeamsAsync(filter, cancellationToken)) : BadFilter();

    /// <summary>Questions the bot had no answer for, clustered; those a lead already taught are left out.</summary>
    internal static async Task<IResult> Gaps(
        SurveyStore surveys, TeachingStore teaching, IOptions<PrivacyOptions> privacy, string? from, string? to, string? lang, CancellationToken cancellationToken)
    {
        if (ParseFilter(from, to, lang) is not { } filter) return BadFilter();
        var taught = (await teaching.ListAsync(cancellationToken)).Select(q => (q.Text, q.Language)).ToHashSet();
        var gaps = (await surveys.ListGapsAsync(filter, cancellationToken))
            .Where(g => g.IsFallback && !taught.Contains((PersonalDataRedactor.Redact(g.Text).Trim(), g.Language)))
            .Select(g => g with { Text = Mask(g.Text, privacy.Value)! });
        return TypedResults.Ok(GapClusters.From(gaps));
    }

    internal static async Task<IResult> LowRated(
        ICxFigures figures, IOptions<PrivacyOptions> privacy, string? from, string? to, string? lang, CancellationToken cancellationToken)
    {
        if (ParseFilter(from, to, lang) is not { } filter) return BadFilter();
        return TypedResults.Ok((await figures.ResponsesAsync(filter, maxCsat: 2, cancellationToken))
            .Where(r => r.Csat is <= 2).OrderByDescending(r => r.EndedAt)
            .Select(r => new
            {
                r.ConversationId, r.Csat, Comment = Mask(r.Comment, privacy.Value), r.Language, r.ResolvedBy, r.Agent, r.EndedAt, r.EscalationReason,
            }));
    }

    /// <summary>
    /// Agents' grades of the handoffs they took over: the rates of unnecessary and late handoffs, by reason and per day or
    /// week, filtered by the day of the handoff. Is the bot's judgement drifting?
    /// </summary>
    internal static async Task<IResult> HandoffJudgement(
        HandoffGradeStore grades, string? from, string? to, string? lang, string? interval, CancellationToken cancellationToken)
    {
        if (ParseFilter(from, to, lang) is not { } filter) return BadFilter();
        return TypedResults.Ok(HandoffGradeFigures.From(await grades.ListAsync(filter, cancellationToken), filter, interval == "week"));
    }

    private static string? Mask(string? text, PrivacyOptions privacy) =>
        text is not null && privacy.RedactDashboard ? PersonalDataRedactor.Redact(text) : text;

    internal static IResult ExportResponses(
        ICxFigures figures, IOptions<PrivacyOptions> privacy, string? from, string? to, string? lang, CancellationToken cancellationToken)
    {
        if (ParseFilter(from, to, lang) is not { } filter) return BadFilter();
        return Csv("cxbot-responses.csv", "conversationId,startedAt,endedAt,language,resolvedBy,endedBy,agent,articles,escalationReason,customerMessages,csat,ces,comment,sentimentStart,sentimentEnd,firstResponseSeconds,waitSeconds,totalSeconds",
            figures.StreamResponsesAsync(filter, null, cancellationToken), r => [
                Csv(r.ConversationId), Csv(Time(r.StartedAt)), Csv(Time(r.EndedAt)),
                Csv(r.Language), Csv(r.ResolvedBy), Csv(r.EndedBy), Csv(r.Agent), Csv(string.Join(';', r.Articles)), Csv(r.EscalationReason),
                Number(r.CustomerMessages), Number(r.Csat), Number(r.Ces), Csv(Mask(r.Comment, privacy.Value)), Number(r.SentimentStart), Number(r.SentimentEnd),
                Number(r.FirstResponseSeconds), Number(r.WaitSeconds), Number(r.TotalSeconds)]);
    }

    /// <summary>Every conversation a customer wrote in, open or ended, filtered by the day it started; written out as it is read.</summary>
    internal static IResult ExportConversations(IConversationStore store, string? from, string? to, string? lang, CancellationToken cancellationToken)
    {
        if (ParseFilter(from, to, lang) is not { } filter) return BadFilter();
        return Csv("cxbot-conversations.csv", "conversationId,startedAt,lastCustomerMessageAt,status,endedAt,endedBy,language,customerMessages,escalated,escalationReason,agent,articles,sentimentStart,sentimentEnd,csat,ces",
            ConversationRow.StreamAsync(store, filter, cancellationToken), r => [
                Csv(r.ConversationId), Csv(Time(r.StartedAt)), Csv(Time(r.LastCustomerMessageAt)), Csv(r.Status), Csv(Time(r.EndedAt)), Csv(r.EndedBy),
                Csv(r.Language), Number(r.CustomerMessages), r.Escalated ? "true" : "false", Csv(r.EscalationReason), Csv(r.Agent),
                Csv(string.Join(';', r.Articles)), Number(r.SentimentStart), Number(r.SentimentEnd), Number(r.Csat), Number(r.Ces)]);
    }

    /// <summary>Every agent's part in every handoff of the filter, graded or not, as stored: the figures' raw material.</summary>
    internal static async Task<IResult> ExportHandoffGrades(
        HandoffGradeStore grades, string? from, string? to, string? lang, CancellationToken cancellationToken)
    {
        if (ParseFilter(from, to, lang) is not { } filter) return BadFilter();
        var handled = (await grades.ListAsync(filter, cancellationToken)).OrderBy(h => h.HandedOverAt).ThenBy(h => h.AcceptedAt);
        return Csv("cxbot-handoff-grades.csv", "conversationId,handedOverAt,language,reason,agentId,agent,acceptedAt,grade,gradedAt",
            handled.ToAsyncEnumerable(), h => [
                Csv(h.ConversationId), Csv(Time(h.HandedOverAt)), Csv(h.Language), Csv(h.Reason), Csv(h.AgentId), Csv(h.AgentName),
                Csv(Time(h.AcceptedAt)), Csv(h.Grade), Csv(Time(h.GradedAt))]);
    }

    /// <summary>A CSV download written to the response as its rows come, so a year of rows never sits in memory as one string.</summary>
    private static IResult Csv<T>(string fileName, string header, IAsyncEnumerable<T> rows, Func<T, string?[]> fields) =>
        TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), 1 << 16);
            await writer.WriteAsync(header + "\n");
            await foreach (var row in rows)
            {
                await writer.WriteAsync(string.Join(',', fields(row)));
                await writer.WriteAsync('\n');
            }
        }, "text/csv; charset=utf-8", fileName);

    private static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);

    private static CxFilter? ParseFilter(string? from, string? to, string? lang)
    {
        DateOnly? Parse(string? text) => string.IsNullOrEmpty(text) ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateOnly.MinValue;
        var (f, t) = (Parse(from), Parse(to));
        if (f == DateOnly.MinValue || t == DateOnly.MinValue || lang is not (null or "" or "pl" or "en")) return null;
        return new CxFilter(f, t, lang);
    }

    private static IResult BadFilter() =>
        TypedResults.BadRequest(new { error = new { code = "BadArgument", message = "Use from/to as yyyy-MM-dd and lang as pl or en." } });

    /// <summary>A CSV field, quoted; a leading =, +, - or @ is neutralised so a spreadsheet never runs customer text as a formula.</summary>
    private static string Csv(string? value)
    {
        if (value is null) return "";
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
}
