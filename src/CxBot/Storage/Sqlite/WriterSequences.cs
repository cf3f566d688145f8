using CxBot.Conversations;
using Microsoft.Data.Sqlite;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// The last sequence given out per conversation, known only to the writer thread: an append is then one insert.
/// A conversation not known here is looked up (it must exist; its log's end is read). If a group is rolled back,
/// everything is forgotten and looked up again, since sequences given out in it were never written.
/// </summary>
internal sealed class WriterSequences
{
    private readonly Dictionary<string, (long Last, Conversation? Loaded)> _last = new(StringComparer.Ordinal);
    private readonly SqliteCommand _lookup;
    private readonly SqliteParameter _id;
    private readonly int _capacity;

    public WriterSequences(SqliteWriter writer, int capacity)
    {
        _capacity = capacity * 2;
        _lookup = writer.Command("""
            SELECT c.created_at, c.user_id, c.locale, coalesce((SELECT max(sequence) FROM activities WHERE conversation_id = c.id), 0), c.user_verified
            FROM conversations c WHERE c.id = $id
            """);
        _id = _lookup.Parameters.Add("$id", SqliteType.Text);
        writer.RolledBack += _last.Clear;
    }

    /// <summary>The next sequence; <paramref name="loaded"/> is the conversation when it had to be looked up.</summary>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    public long Next(string conversationId, out Conversation? loaded)
    {
        loaded = null;
        if (!_last.TryGetValue(conversationId, out var known))
        {
            _id.Value = conversationId;
            using (var row = _lookup.ExecuteReader())
            {
                if (!row.Read()) throw new ConversationNotFoundException(conversationId);
                loaded = new Conversation(conversationId, DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(0)),
                    row.IsDBNull(1) ? null : row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetInt64(4) != 0);
                known = (row.GetInt64(3), loaded);
            }

            if (_last.Count >= _capacity) _last.Clear();
        }

        _last[conversationId] = (known.Last + 1, null);
        return known.Last + 1;
    }

    /// <summary>Whether the conversation exists: known here, or found by <paramref name="lookup"/> (which returns a row only if it does).</summary>
    public bool Exists(string conversationId, SqliteCommand lookup)
    {
        if (_last.ContainsKey(conversationId)) return true;
        lookup.Parameters.Clear();
        lookup.Parameters.AddWithValue("$id", conversationId);
        return lookup.ExecuteScalar() is not null;
    }

    /// <summary>A conversation created (starts at 0) or erased (must be looked up, and then not found).</summary>
    public void Forget(string conversationId) => _last.Remove(conversationId);

    public void Created(string conversationId) => _last[conversationId] = (0, null);
}
