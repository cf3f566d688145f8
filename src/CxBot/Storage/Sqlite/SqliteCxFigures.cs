using System.Text.Json;
using CxBot.Analytics;
using CxBot.Surveys;
using Microsoft.Data.Sqlite;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// Dashboard figures summed by SQLite over <c>survey_facts</c>, which is clustered by end time: a date range is
/// one sequential read, and only sums and counts come back (medians read one column). The same definitions as
/// <see cref="CxMetrics.From"/> and <see cref="CsatBreakdown"/>; the store contract tests hold them equal.
/// </summary>
public sealed class SqliteCxFigures(SqliteConversationStore store) : ICxFigures
{
    private const string Where = "ended_at >= $from AND ended_at < $to AND ($lang IS NULL OR language = $lang)";

    public async Task<CxMetrics> SummaryAsync(CxFilter filter, CancellationToken cancellationToken)
    {
        // Three independent reads, each on its own connection, side by side.
        var totalsTask = Task.Run(() => TotalsAsync(filter, cancellationToken), cancellationToken);
        var reasonsTask = Task.Run(() => ReasonsAsync(filter, cancellationToken), cancellationToken);
        var mediansTask = Task.Run(() => MediansAsync(filter, cancellationToken), cancellationToken);
        var (count, rated, good, csatSum, contained, shiftSum, shifts, cesSum, efforts) = await totalsTask;
        var reasons = await reasonsTask;
        var (wait, first) = await mediansTask;
        return new CxMetrics(
            count, rated,
            CxMetrics.Share(rated, count),
            CxMetrics.Share(good, rated),
            rated == 0 ? null : (double)csatSum / rated,
            CxMetrics.Share(contained, count),
            CxMetrics.Share(count - contained, count),
            reasons.OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToDictionary(r => r.Reason, r => r.Count),
            wait,
            first,
            shifts == 0 ? null : shiftSum / shifts,
            efforts == 0 ? null : (double)cesSum / efforts);
    }

    private async Task<(int Count, int Rated, int Good, long CsatSum, int Contained, double? ShiftSum, int Shifts, long CesSum, int Efforts)> TotalsAsync(
        CxFilter filter, CancellationToken cancellationToken)
    {
        using var reader = store.Readers.Rent();
        using var row = await Bind(reader.Command($"""
            SELECT count(*), count(csat), coalesce(sum(csat >= 4), 0), coalesce(sum(csat), 0), coalesce(sum(escalation_reason IS NULL), 0),
                sum(CASE WHEN sentiment_start IS NOT NULL AND sentiment_end IS NOT NULL THEN sentiment_end - sentiment_start END),
                count(CASE WHEN sentiment_start IS NOT NULL AND sentiment_end IS NOT NULL THEN 1 END), coalesce(sum(ces), 0), count(ces)
            FROM survey_facts WHERE {Where}
            """), filter).ExecuteReaderAsync(cancellationToken);
        row.Read();
        return (row.GetInt32(0), row.GetInt32(1), row.GetInt32(2), row.GetInt64(3), row.GetInt32(4),
            row.IsDBNull(5) ? null : row.GetDouble(5), row.GetInt32(6), row.GetInt64(7), row.GetInt32(8));
    }

    private async Task<List<(string Reason, int Count)>> ReasonsAsync(CxFilter filter, CancellationToken cancellationToken)
    {
        using var reader = store.Readers.Rent();
        using var row = await Bind(reader.Command($"SELECT escalation_reason, count(*) FROM survey_facts WHERE {Where} AND escalation_reason IS NOT NULL GROUP BY 1"), filter)
            .ExecuteReaderAsync(cancellationToken);
        var reasons = new List<(string, int)>();
        while (row.Read()) reasons.Add((row.GetString(0), row.GetInt32(1)));
        return reasons;
    }

    /// <summary>Exact medians, as <see cref="CxMetrics.Median"/> defines them, sorted by SQLite: only the middle one or two values come back.</summary>
    private async Task<(double? Wait, double? FirstResponse)> MediansAsync(CxFilter filter, CancellationToken cancellationToken)
    {
        using var reader = store.Readers.Rent();
        async Task<double?> MedianAsync(string column)
        {
            var count = Convert.ToInt64(await Bind(reader.Command($"SELECT count({column}) FROM survey_facts WHERE {Where}"), filter).ExecuteScalarAsync(cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture);
            if (count == 0) return null;
            var command = Bind(reader.Command($"SELECT avg(v) FROM (SELECT {column} AS v FROM survey_facts WHERE {Where} AND {column} IS NOT NULL ORDER BY v LIMIT $take OFFSET $skip)"), filter);
            command.Parameters.AddWithValue("$take", count % 2 == 1 ? 1 : 2);
            command.Parameters.AddWithValue("$skip", (count - 1) / 2);
            return Convert.ToDouble(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (await MedianAsync("wait_seconds"), await MedianAsync("first_response_seconds"));
    }

    public async Task<IReadOnlyList<CsatSlice>> TrendAsync(CxFilter filter, bool weekly, CancellationToken cancellationToken)
    {
        var days = await GroupsAsync($"SELECT ended_at / 86400000, {Sums} FROM survey_facts WHERE {Where} GROUP BY 1", filter,
            row => CsatBreakdown.Period(DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(0) * 86_400_000), weekly), cancellationToken);
        return [.. days.GroupBy(d => d.Key).Select(g => Slice(g.Key, g.Sum(d => d.Count), g.Sum(d => d.Rated), g.Sum(d => d.Good), g.Sum(d => d.CsatSum)))
            .OrderBy(s => s.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CsatSlice>> BreakdownAsync(CxFilter filter, CxDimension dimension, CancellationToken cancellationToken)
    {
        var sql = dimension switch
        {
            CxDimension.ResolvedBy => $"SELECT resolved_by, {Sums} FROM survey_facts WHERE {Where} GROUP BY 1",
            CxDimension.Agent => $"SELECT agent, {Sums} FROM survey_facts WHERE {Where} AND agent IS NOT NULL GROUP BY 1",
            CxDimension.Article => $"SELECT article, {Sums} FROM survey_articles WHERE {Where} GROUP BY 1",
            _ => $"SELECT language, {Sums} FROM survey_facts WHERE {Where} GROUP BY 1",
        };
        var groups = await GroupsAsync(sql, filter, row => row.GetString(0), cancellationToken);
        return [.. groups.Select(g => Slice(g.Key, g.Count, g.Rated, g.Good, g.CsatSum))
            .OrderByDescending(s => s.Conversations).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<SurveyResponse>> ResponsesAsync(CxFilter filter, int? maxCsat, CancellationToken cancellationToken)
    {
        var result = new List<SurveyResponse>();
        await foreach (var response in StreamResponsesAsync(filter, maxCsat, cancellationToken)) result.Add(response);
        return result;
    }

    /// <summary>Straight from the reader, in end-time order: the whole range's export never sits in memory.</summary>
    public async IAsyncEnumerable<SurveyResponse> StreamResponsesAsync(
        CxFilter filter, int? maxCsat, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = store.Readers.Rent();
        var command = Bind(reader.Command($"""
            SELECT conversation_id, started_at, ended_at, language, resolved_by, ended_by, agent, articles, escalation_reason, customer_messages,
                csat, ces, comment, sentiment_start, sentiment_end, first_response_seconds, wait_seconds, total_seconds, team
            FROM survey_facts WHERE {Where} AND ($max IS NULL OR csat <= $max) ORDER BY ended_at
            """), filter);
        command.Parameters.AddWithValue("$max", (object?)maxCsat ?? DBNull.Value);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (row.Read())
        {
            yield return new SurveyResponse(
                row.GetString(0), Time(row.GetInt64(1)), Time(row.GetInt64(2)), row.GetString(3), row.GetString(4), row.GetString(5),
                row.IsDBNull(6) ? null : row.GetString(6),
                JsonSerializer.Deserialize(row.GetString(7), SurveyJsonContext.Default.IReadOnlyListString) ?? [],
                row.IsDBNull(8) ? null : row.GetString(8), row.GetInt32(9),
                row.IsDBNull(10) ? null : row.GetInt32(10), row.IsDBNull(11) ? null : row.GetInt32(11), row.IsDBNull(12) ? null : row.GetString(12),
                row.IsDBNull(13) ? null : row.GetFloat(13), row.IsDBNull(14) ? null : row.GetFloat(14),
                row.IsDBNull(15) ? null : row.GetDouble(15), row.IsDBNull(16) ? null : row.GetDouble(16), row.GetDouble(17),
                row.IsDBNull(18) ? null : row.GetString(18));
        }
    }

    public async Task<IReadOnlyList<TeamSlice>> TeamsAsync(CxFilter filter, CancellationToken cancellationToken)
    {
        var groups = await GroupsAsync($"SELECT team, {Sums}, count(wait_seconds) FROM survey_facts WHERE {Where} AND team IS NOT NULL GROUP BY 1", filter,
            row => row.GetString(0) + "\n" + row.GetInt32(5).ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var slices = new List<TeamSlice>();
        using var reader = store.Readers.Rent();
        foreach (var (key, count, rated, good, csatSum) in groups)
        {
            var team = key[..key.IndexOf('\n')];
            var waited = int.Parse(key[(key.IndexOf('\n') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            double? median = null;
            if (waited > 0)
            {
                // The exact median of the team's waits, as CxMetrics.Median defines it: SQLite sorts, one or two values come back.
                var command = Bind(reader.Command($"SELECT avg(v) FROM (SELECT wait_seconds AS v FROM survey_facts WHERE {Where} AND team = $team AND wait_seconds IS NOT NULL ORDER BY v LIMIT $take OFFSET $skip)"), filter);
                command.Parameters.AddWithValue("$team", team);
                command.Parameters.AddWithValue("$take", waited % 2 == 1 ? 1 : 2);
                command.Parameters.AddWithValue("$skip", (waited - 1) / 2);
                median = Convert.ToDouble(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            var slice = Slice(team, count, rated, good, csatSum);
            slices.Add(new TeamSlice(team, count, rated, slice.Csat, slice.Mean, waited, median));
        }

        return [.. slices.OrderByDescending(s => s.Conversations).ThenBy(s => s.Team, StringComparer.Ordinal)];
    }

    private const string Sums = "count(*), count(csat), coalesce(sum(csat >= 4), 0), coalesce(sum(csat), 0)";

    private async Task<List<(string Key, int Count, int Rated, int Good, long CsatSum)>> GroupsAsync(
        string sql, CxFilter filter, Func<SqliteDataReader, string> key, CancellationToken cancellationToken)
    {
        using var reader = store.Readers.Rent();
        using var row = await Bind(reader.Command(sql), filter).ExecuteReaderAsync(cancellationToken);
        var groups = new List<(string, int, int, int, long)>();
        while (row.Read()) groups.Add((key(row), row.GetInt32(1), row.GetInt32(2), row.GetInt32(3), row.GetInt64(4)));
        return groups;
    }

    private static CsatSlice Slice(string key, int count, int rated, int good, long csatSum) =>
        new(key, count, rated, CxMetrics.Share(good, rated), rated == 0 ? null : (double)csatSum / rated);

    private static SqliteCommand Bind(SqliteCommand command, CxFilter filter)
    {
        var (from, to) = filter.Range;
        command.Parameters.AddWithValue("$from", SqliteConversationStore.Clamp(from));
        command.Parameters.AddWithValue("$to", SqliteConversationStore.Clamp(to));
        command.Parameters.AddWithValue("$lang", string.IsNullOrEmpty(filter.Language) ? DBNull.Value : filter.Language);
        return command;
    }

    private static DateTimeOffset Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
