using System.Runtime.CompilerServices;
using System.Text.Json;
using CxBot.Conversations;
using Microsoft.Data.Sqlite;

namespace CxBot.Storage.Sqlite;

public sealed partial class SqliteConversationStore
{
    /// <summary>Conversations erased per transaction, so a long purge lets turns commit between its steps.</summary>
    private const int DeleteBatch = 100;

    private const string ConversationColumns = "id, created_at, user_id, locale, user_verified";

    public Task<IReadOnlyList<Conversation>> ListOpenAsync(DateTimeOffset? quietSince, CancellationToken cancellationToken) =>
        quietSince is { } since
            ? QueryConversationsAsync($"SELECT {ConversationColumns} FROM conversations WHERE status = 'open' AND last_customer_message_at < $t ORDER BY last_customer_message_at",
                cancellationToken, ("$t", since.ToUnixTimeMilliseconds()))
            : QueryConversationsAsync($"SELECT {ConversationColumns} FROM conversations WHERE status = 'open' ORDER BY last_customer_message_at", cancellationToken);

    public Task<IReadOnlyList<Conversation>> ListUnendedAsync(DateTimeOffset activeSince, CancellationToken cancellationToken) =>
        QueryConversationsAsync($"SELECT {ConversationColumns} FROM conversations WHERE last_active_at >= $t AND status <> 'ended' ORDER BY last_active_at",
            cancellationToken, ("$t", activeSince.ToUnixTimeMilliseconds()));

    public Task<IReadOnlyList<Conversation>> ListEndedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryConversationsAsync($"SELECT {ConversationColumns} FROM conversations WHERE status = 'ended' AND last_active_at >= $from AND last_active_at < $to ORDER BY last_active_at",
            cancellationToken, ("$from", Clamp(from)), ("$to", Clamp(to)));

    public async Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        [.. (await QueryConversationsAsync($"SELECT {ConversationColumns} FROM conversations WHERE last_active_at < $t ORDER BY last_active_at LIMIT $n",
            cancellationToken, ("$t", Clamp(before)), ("$n", limit))).Select(c => c.Id)];

    public Task<IReadOnlyList<Conversation>> ListByCustomerAsync(string userId, CancellationToken cancellationToken) =>
        QueryConversationsAsync($"SELECT {ConversationColumns} FROM conversations WHERE user_id = $u ORDER BY created_at", cancellationToken, ("$u", userId));

    public async IAsyncEnumerable<(Conversation Conversation, ConversationState? State)> ListStartedAsync(
        DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = _readers.Rent();
        var command = reader.Command($"""
            SELECT c.id, c.created_at, c.user_id, c.locale, c.user_verified, s.json FROM conversations c LEFT JOIN states s ON s.conversation_id = c.id
            WHERE c.created_at >= $from AND c.created_at < $to ORDER BY c.created_at
            """);
        command.Parameters.AddWithValue("$from", Clamp(from));
        command.Parameters.AddWithValue("$to", Clamp(to));
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            var state = row.IsDBNull(5) ? null : JsonSerializer.Deserialize((byte[])row.GetValue(5), StateJsonContext.Default.ConversationState);
            yield return (ReadConversation(row), state);
        }
    }

    public async Task<int> DeleteConversationsAsync(IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var batch in conversationIds.Distinct(StringComparer.Ordinal).Chunk(DeleteBatch))
            deleted += await _writer.WriteAsync(() =>
            {
                foreach (var id in batch) _sequences.Forget(id);
                return DeleteBatchNow(batch);
            }, _ => { foreach (var id in batch) _cache.Remove(id); });

        // The WAL still holds the pages as they were before; fold it into the database and empty it, so erased means erased.
        if (deleted > 0) await CheckpointAsync();
        return deleted;
    }

    private int DeleteBatchNow(string[] ids)
    {
        var deleted = 0;
        using var conversation = _writer.Command("DELETE FROM conversations WHERE id = $id");
        using var linked = _writer.Command("""
            DELETE FROM activities WHERE conversation_id = $id;
            DELETE FROM states WHERE conversation_id = $id;
            DELETE FROM documents WHERE conversation_id = $id;
            DELETE FROM survey_facts WHERE conversation_id = $id;
            DELETE FROM survey_articles WHERE conversation_id = $id;
            DELETE FROM files WHERE conversation_id = $id;
            """);
        var id = conversation.Parameters.Add("$id", SqliteType.Text);
        var linkedId = linked.Parameters.Add("$id", SqliteType.Text);
        foreach (var conversationId in ids)
        {
            linkedId.Value = conversationId;
            linked.ExecuteNonQuery();
            id.Value = conversationId;
            deleted += conversation.ExecuteNonQuery();
        }

        return deleted;
    }

    public Task CompactAsync() => CheckpointAsync();

    /// <summary>Folds the WAL into the database file and truncates it.</summary>
    public Task CheckpointAsync() => _writer.ExclusiveAsync(() =>
    {
        using var command = _writer.Command("PRAGMA wal_checkpoint(TRUNCATE)");
        return command.ExecuteNonQuery();
    });

    private async Task<IReadOnlyList<Conversation>> QueryConversationsAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var reader = _readers.Rent();
        var command = reader.Command(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<Conversation>();
        while (row.Read()) result.Add(ReadConversation(row));
        return result;
    }

    /// <summary>
    /// Writes whole conversations as they are given (activities' JSON byte for byte, with their ids and times), a few
    /// hundred per transaction: for importing an old journal and for bulk demo data. Conversations that exist are skipped.
    /// </summary>
    public async Task<int> ImportAsync(IReadOnlyList<ImportedConversation> conversations)
    {
        var imported = 0;
        foreach (var batch in conversations.Chunk(250))
            imported += await _writer.WriteAsync(() => batch.Count(c => ImportConversation(c.Conversation, c.Activities, c.State) > 0 || c.Activities.Count == 0));
        return imported;
    }

    /// <summary>Writes one conversation as it was (activities' JSON kept byte for byte), inside a writer job; returns its activity count.</summary>
    internal int ImportConversation(Conversation conversation, IReadOnlyList<byte[]> activities, byte[]? state)
    {
        if (!InsertConversation(conversation)) return 0;
        _sequences.Forget(conversation.Id);
        for (var i = 0; i < activities.Count; i++)
        {
            _activityId.Value = conversation.Id;
            _activitySequence.Value = i + 1L;
            _activityJson.Value = activities[i];
            _insertActivity.ExecuteNonQuery();
        }

        if (state is not null)
        {
            var facts = ConversationFacts.Of(conversation, JsonSerializer.Deserialize(state, StateJsonContext.Default.ConversationState));
            _saveFacts.Parameters.Clear();
            _saveFacts.Parameters.AddWithValue("$id", conversation.Id);
            _saveFacts.Parameters.AddWithValue("$status", facts.Status);
            _saveFacts.Parameters.AddWithValue("$customer", Millis(facts.LastCustomerMessageAt));
            _saveFacts.Parameters.AddWithValue("$ended", Millis(facts.EndedAt));
            _saveFacts.Parameters.AddWithValue("$active", facts.LastActiveAt.ToUnixTimeMilliseconds());
            _saveFacts.ExecuteNonQuery();
            _saveState.Parameters.Clear();
            _saveState.Parameters.AddWithValue("$id", conversation.Id);
            _saveState.Parameters.AddWithValue("$json", state);
            _saveState.ExecuteNonQuery();
        }

        return activities.Count;
    }
}
