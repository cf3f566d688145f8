using System.Text.Json;
using CxBot.Surveys;
using Microsoft.Data.Sqlite;

namespace CxBot.Storage.Sqlite;

public sealed partial class SqliteConversationStore
{
    private SqliteCommand _putDocument = null!, _deleteDocument = null!, _deleteFacts = null!, _deleteArticles = null!, _putFacts = null!, _putArticle = null!;

    private void InitializeDocuments()
    {
        _putDocument = _writer.Command("""
            INSERT INTO documents (collection, key, value, conversation_id, at, status) VALUES ($c, $k, $v, $conversation, $at, $status)
            ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value, conversation_id = excluded.conversation_id,
                at = excluded.at, status = excluded.status
            """);
        _deleteDocument = _writer.Command("DELETE FROM documents WHERE collection = $c AND key = $k");
        _deleteFacts = _writer.Command("DELETE FROM survey_facts WHERE conversation_id = $id");
        _deleteArticles = _writer.Command("DELETE FROM survey_articles WHERE conversation_id = $id");
        _putFacts = _writer.Command("""
            INSERT INTO survey_facts (ended_at, conversation_id, started_at, language, resolved_by, ended_by, agent, articles, escalation_reason,
                customer_messages, csat, ces, comment, sentiment_start, sentiment_end, first_response_seconds, wait_seconds, total_seconds, team)
            VALUES ($ended, $id, $started, $language, $resolvedBy, $endedBy, $agent, $articles, $reason,
                $messages, $csat, $ces, $comment, $s0, $s1, $first, $wait, $total, $team)
            """);
        _putArticle = _writer.Command("INSERT OR IGNORE INTO survey_articles (ended_at, conversation_id, article, language, csat) VALUES ($ended, $id, $article, $language, $csat)");
    }

    public Task PutAsync(string collection, string key, byte[] value, CancellationToken cancellationToken)
    {
        var fields = DocumentFields.Of(value, _indexes.GetValueOrDefault(collection));
        var response = collection == SurveyStore.Responses ? AsResponse(value) : null;
        return _writer.WriteAsync(() =>
        {
            _putDocument.Parameters.Clear();
            _putDocument.Parameters.AddWithValue("$c", collection);
            _putDocument.Parameters.AddWithValue("$k", key);
            _putDocument.Parameters.AddWithValue("$v", value);
            _putDocument.Parameters.AddWithValue("$conversation", (object?)fields.ConversationId ?? DBNull.Value);
            _putDocument.Parameters.AddWithValue("$at", Millis(fields.At));
            _putDocument.Parameters.AddWithValue("$status", (object?)fields.Status ?? DBNull.Value);
            _putDocument.ExecuteNonQuery();
            if (response is not null) PutFacts(response);
            return true;
        });
    }

    /// <summary>The response, when the document is one whole enough to count (not, say, a hand-written stub).</summary>
    private static SurveyResponse? AsResponse(byte[] value)
    {
        try
        {
            return JsonSerializer.Deserialize(value, SurveyJsonContext.Default.SurveyResponse) is { ConversationId: not null, Language: not null, ResolvedBy: not null, EndedBy: not null } r
                ? r with { Articles = r.Articles ?? [] }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A survey response is also kept as a row of facts, clustered by end time, for the dashboard's sums.</summary>
    private void PutFacts(SurveyResponse r)
    {
        DeleteFacts(r.ConversationId);
        var ended = r.EndedAt.ToUnixTimeMilliseconds();
        var p = _putFacts.Parameters;
        p.Clear();
        p.AddWithValue("$ended", ended);
        p.AddWithValue("$id", r.ConversationId);
        p.AddWithValue("$started", r.StartedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$language", r.Language);
        p.AddWithValue("$resolvedBy", r.ResolvedBy);
        p.AddWithValue("$endedBy", r.EndedBy);
        p.AddWithValue("$agent", (object?)r.Agent ?? DBNull.Value);
        p.AddWithValue("$articles", JsonSerializer.Serialize(r.Articles, SurveyJsonContext.Default.IReadOnlyListString));
        p.AddWithValue("$reason", (object?)r.EscalationReason ?? DBNull.Value);
        p.AddWithValue("$messages", r.CustomerMessages);
        p.AddWithValue("$csat", (object?)r.Csat ?? DBNull.Value);
        p.AddWithValue("$ces", (object?)r.Ces ?? DBNull.Value);
        p.AddWithValue("$comment", (object?)r.Comment ?? DBNull.Value);
        p.AddWithValue("$s0", r.SentimentStart is { } s0 ? (double)s0 : DBNull.Value);
        p.AddWithValue("$s1", r.SentimentEnd is { } s1 ? (double)s1 : DBNull.Value);
        p.AddWithValue("$first", (object?)r.FirstResponseSeconds ?? DBNull.Value);
        p.AddWithValue("$wait", (object?)r.WaitSeconds ?? DBNull.Value);
        p.AddWithValue("$total", r.TotalSeconds);
        p.AddWithValue("$team", (object?)r.Team ?? DBNull.Value);
        _putFacts.ExecuteNonQuery();
        foreach (var article in r.Articles.Distinct())
        {
            var a = _putArticle.Parameters;
            a.Clear();
            a.AddWithValue("$ended", ended);
            a.AddWithValue("$id", r.ConversationId);
            a.AddWithValue("$article", article);
            a.AddWithValue("$language", r.Language);
            a.AddWithValue("$csat", (object?)r.Csat ?? DBNull.Value);
            _putArticle.ExecuteNonQuery();
        }
    }

    private void DeleteFacts(string conversationId)
    {
        foreach (var command in new[] { _deleteFacts, _deleteArticles })
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", conversationId);
            command.ExecuteNonQuery();
        }
    }

    public async Task<byte[]?> GetAsync(string collection, string key, CancellationToken cancellationToken)
    {
        using var reader = _readers.Rent();
        var command = reader.Command("SELECT value FROM documents WHERE collection = $c AND key = $k");
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$k", key);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public Task DeleteAsync(string collection, string key, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            _deleteDocument.Parameters.Clear();
            _deleteDocument.Parameters.AddWithValue("$c", collection);
            _deleteDocument.Parameters.AddWithValue("$k", key);
            _deleteDocument.ExecuteNonQuery();
            if (collection == SurveyStore.Responses) DeleteFacts(key);
            return true;
        });

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListAsync(string collection, CancellationToken cancellationToken) =>
        QueryDocumentsAsync("SELECT key, value FROM documents WHERE collection = $c", collection, cancellationToken);

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByTimeAsync(string collection, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryDocumentsAsync("SELECT key, value FROM documents WHERE collection = $c AND at >= $from AND at < $to ORDER BY at", collection, cancellationToken,
            ("$from", Clamp(from)), ("$to", Clamp(to)));

    public Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ListByStatusAsync(string collection, string status, CancellationToken cancellationToken) =>
        QueryDocumentsAsync("SELECT key, value FROM documents WHERE collection = $c AND status = $status ORDER BY at, key", collection, cancellationToken, ("$status", status));

    public async Task<IReadOnlyList<LinkedDocument>> ListLinkedAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        var result = new List<LinkedDocument>();
        using var reader = _readers.Rent();
        foreach (var id in conversationIds)
        {
            var command = reader.Command("SELECT collection, key, value FROM documents WHERE conversation_id = $id");
            command.Parameters.AddWithValue("$id", id);
            using var row = await command.ExecuteReaderAsync(cancellationToken);
            while (row.Read()) result.Add(new LinkedDocument(row.GetString(0), row.GetString(1), id, (byte[])row.GetValue(2)));
        }

        return result;
    }

    private async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> QueryDocumentsAsync(
        string sql, string collection, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var reader = _readers.Rent();
        var command = reader.Command(sql);
        command.Parameters.AddWithValue("$c", collection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<KeyValuePair<string, byte[]>>();
        while (row.Read()) result.Add(new(row.GetString(0), (byte[])row.GetValue(1)));
        return result;
    }

    /// <summary>Unix milliseconds, with the extremes of DateTimeOffset kept as "no bound".</summary>
    internal static long Clamp(DateTimeOffset time) =>
        time == DateTimeOffset.MinValue ? long.MinValue : time == DateTimeOffset.MaxValue ? long.MaxValue : time.ToUnixTimeMilliseconds();
}
