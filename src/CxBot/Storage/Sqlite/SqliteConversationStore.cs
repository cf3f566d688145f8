using System.Text.Json;
using CxBot.Activities;
using CxBot.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite database (<c>cxbot.db</c>, WAL) in the data folder. One writer thread
/// group-commits every change (<see cref="SqliteWriter"/>), so a write is committed before its call returns;
/// any number of readers read beside it. Only live conversations are held in memory (<see cref="ConversationCache"/>);
/// everything else is read from indexed tables, so memory does not grow with the history kept.
/// </summary>
public sealed partial class SqliteConversationStore : IConversationStore, IDocumentStore, ICompactingStore, IDisposable
{
    public const string DatabaseFileName = "cxbot.db";

    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;
    private readonly SqliteReaders _readers;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly ConversationCache _cache;
    private readonly Dictionary<string, DocumentIndex> _indexes;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteConversationStore> _logger;
    private readonly SqliteCommand _create, _insertActivity, _exists, _replace, _saveFacts, _saveState;
    private readonly SqliteParameter _activityId, _activitySequence, _activityJson;
    private readonly WriterSequences _sequences;

    public SqliteConversationStore(
        IOptions<StorageOptions> options, IEnumerable<DocumentIndex> indexes, TimeProvider time, ILogger<SqliteConversationStore> logger)
    {
        _time = time;
        _logger = logger;
        _indexes = indexes.ToDictionary(i => i.Collection, StringComparer.Ordinal);
        _database = SqliteDatabase.Open(options.Value, logger);
        _writer = new SqliteWriter(_database.WriterConnection);
        _readers = new SqliteReaders(_database.ReaderConnectionString);
        _checkpointer = new SqliteCheckpointer(_database.Path, _database.ReaderConnectionString, logger);
        _cache = new ConversationCache(options.Value.CachedConversations, tailLength: 32);

        _create = _writer.Command("""
            INSERT INTO conversations (id, created_at, user_id, locale, last_active_at, user_verified) VALUES ($id, $at, $user, $locale, $at, $verified)
            ON CONFLICT (id) DO NOTHING
            """);
        _insertActivity = _writer.Command("INSERT INTO activities (conversation_id, sequence, json) VALUES ($id, $seq, $json)");
        _activityId = _insertActivity.Parameters.Add("$id", SqliteType.Text);
        _activitySequence = _insertActivity.Parameters.Add("$seq", SqliteType.Integer);
        _activityJson = _insertActivity.Parameters.Add("$json", SqliteType.Blob);
        _sequences = new WriterSequences(_writer, options.Value.CachedConversations);
        _exists = _writer.Command("SELECT coalesce((SELECT max(sequence) FROM activities WHERE conversation_id = $id), 0) FROM conversations WHERE id = $id");
        _replace = _writer.Command("UPDATE activities SET json = $json WHERE conversation_id = $id AND sequence = $seq");
        _saveFacts = _writer.Command("""
            UPDATE conversations SET status = $status, last_customer_message_at = $customer, ended_at = $ended,
                last_active_at = max(created_at, $active) WHERE id = $id
            """);
        _saveState = _writer.Command("""
            INSERT INTO states (conversation_id, json) VALUES ($id, $json)
            ON CONFLICT (conversation_id) DO UPDATE SET json = excluded.json
            """);
        InitializeDocuments();
        InitializeFiles();
        JournalImport.ImportIfPresent(this, _database.Directory, logger);
    }

    /// <summary>The database file, for messages and the backup command.</summary>
    public string DatabasePath => _database.Path;

    public Task<bool> CreateAsync(Conversation conversation, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            var created = InsertConversation(conversation);
            if (created) _sequences.Created(conversation.Id);
            return created;
        }, created =>
        {
            if (created) _cache.Add(new CachedConversation(conversation, 0, stateKnown: true, state: null, _cache.TailLength));
        });

    public async Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_cache.Get(conversationId) is { } cached) return cached.Conversation;
        using var reader = _readers.Rent();
        var command = reader.Command("SELECT id, created_at, user_id, locale, user_verified FROM conversations WHERE id = $id");
        command.Parameters.AddWithValue("$id", conversationId);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        return row.Read() ? ReadConversation(row) : null;
    }

    public Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        // Serialised here, in parallel, without its id; the writer splices the id in once it knows the sequence.
        activity.Id = null;
        activity.Timestamp = _time.GetUtcNow();
        activity.Conversation = (activity.Conversation ?? new ConversationAccount()) with { Id = conversationId };
        var withoutId = ActivitySerializer.ToUtf8(activity);
        Conversation? loaded = null;
        return _writer.WriteAsync(() =>
        {
            var sequence = _sequences.Next(conversationId, out loaded);
            var id = ActivityIds.For(conversationId, sequence);
            var json = WithId(withoutId, id);
            _activityId.Value = conversationId;
            _activitySequence.Value = sequence;
            _activityJson.Value = json;
            _insertActivity.ExecuteNonQuery();
            activity.Id = id;
            return new StoredActivity(sequence, id, json);
        }, stored =>
        {
            if (_cache.Get(conversationId) is { } cached) cached.Appended(stored);
            else if (loaded is not null)
            {
                // A conversation written to is live: cache it from here on (its state is read once, at its next turn).
                var entry = new CachedConversation(loaded, stored.Sequence - 1, stateKnown: false, state: null, _cache.TailLength);
                entry.Appended(stored);
                _cache.Add(entry);
            }
        });
    }

    /// <summary><c>{"id":"…",</c> in front of the rest of an object serialised without an id.</summary>
    private static byte[] WithId(byte[] withoutId, string id)
    {
        var prefix = System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"{(withoutId.Length > 2 ? "," : "")}");
        var json = new byte[prefix.Length + withoutId.Length - 1];
        prefix.CopyTo(json, 0);
        withoutId.AsSpan(1).CopyTo(json.AsSpan(prefix.Length));
        return json;
    }

    public async Task<ActivityPage> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken)
    {
        if (_cache.Get(conversationId)?.TryRead(afterWatermark, max) is { } cachedPage) return cachedPage;
        var from = Math.Max(0, afterWatermark);
        var to = from > long.MaxValue - max ? long.MaxValue : from + max;
        using var reader = _readers.Rent();
        // One statement, so the end of the log and the page come from the same snapshot.
        var command = reader.Command("""
            SELECT (SELECT coalesce(max(x.sequence), 0) FROM activities x WHERE x.conversation_id = c.id), a.sequence, a.json FROM conversations c
            LEFT JOIN activities a ON a.conversation_id = c.id AND a.sequence > $from AND a.sequence <= $to
            WHERE c.id = $id ORDER BY a.sequence
            """);
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        if (!row.Read()) throw new ConversationNotFoundException(conversationId);
        var last = row.GetInt64(0);
        var page = new List<StoredActivity>();
        do
        {
            if (row.IsDBNull(1)) break;
            var sequence = row.GetInt64(1);
            page.Add(new StoredActivity(sequence, ActivityIds.For(conversationId, sequence), (byte[])row.GetValue(2)));
        }
        while (row.Read());

        return new ActivityPage(page, page.Count > 0 ? page[^1].Sequence : Math.Min(from, last));
    }

    public Task ReplaceActivityAsync(string conversationId, long sequence, byte[] json, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            _exists.Parameters.Clear();
            _exists.Parameters.AddWithValue("$id", conversationId);
            if (_exists.ExecuteScalar() is not long last) throw new ConversationNotFoundException(conversationId);
            if (sequence < 1 || sequence > last) throw new ArgumentOutOfRangeException(nameof(sequence));
            _replace.Parameters.Clear();
            _replace.Parameters.AddWithValue("$id", conversationId);
            _replace.Parameters.AddWithValue("$seq", sequence);
            _replace.Parameters.AddWithValue("$json", json);
            _replace.ExecuteNonQuery();
            return new StoredActivity(sequence, ActivityIds.For(conversationId, sequence), json);
        }, stored => _cache.Get(conversationId)?.Replaced(stored));

    public async Task<ConversationState?> LoadStateAsync(string conversationId, CancellationToken cancellationToken)
    {
        byte[]? json;
        if (_cache.Get(conversationId) is { StateKnown: true } cached)
        {
            json = cached.State;
        }
        else
        {
            using var reader = _readers.Rent();
            var command = reader.Command("SELECT s.json FROM conversations c LEFT JOIN states s ON s.conversation_id = c.id WHERE c.id = $id");
            command.Parameters.AddWithValue("$id", conversationId);
            using var row = await command.ExecuteReaderAsync(cancellationToken);
            if (!row.Read()) throw new ConversationNotFoundException(conversationId);
            json = row.IsDBNull(0) ? null : (byte[])row.GetValue(0);
        }

        return json is null ? null : JsonSerializer.Deserialize(json, StateJsonContext.Default.ConversationState);
    }

    public Task SaveStateAsync(string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Default.ConversationState);
        // The start time is added by the database (max with created_at); the facts need only the state's times.
        var facts = ConversationFacts.Of(new Conversation(conversationId, DateTimeOffset.UnixEpoch, null, null), state);
        return _writer.WriteAsync(() =>
        {
            // Most turns change the facts (the customer's last message); a turn that does not, writes the state alone.
            if (_cache.Get(conversationId)?.Facts != facts)
            {
                _saveFacts.Parameters.Clear();
                _saveFacts.Parameters.AddWithValue("$id", conversationId);
                _saveFacts.Parameters.AddWithValue("$status", facts.Status);
                _saveFacts.Parameters.AddWithValue("$customer", Millis(facts.LastCustomerMessageAt));
                _saveFacts.Parameters.AddWithValue("$ended", Millis(facts.EndedAt));
                _saveFacts.Parameters.AddWithValue("$active", facts.LastActiveAt.ToUnixTimeMilliseconds());
                if (_saveFacts.ExecuteNonQuery() == 0) throw new ConversationNotFoundException(conversationId);
            }
            else if (!_sequences.Exists(conversationId, _exists))
            {
                throw new ConversationNotFoundException(conversationId);
            }

            _saveState.Parameters.Clear();
            _saveState.Parameters.AddWithValue("$id", conversationId);
            _saveState.Parameters.AddWithValue("$json", json);
            _saveState.ExecuteNonQuery();
            return true;
        }, _ => _cache.Get(conversationId)?.Saved(json, facts));
    }

    /// <summary>Inserts the conversation's row, inside a writer job; false when it exists already.</summary>
    private bool InsertConversation(Conversation conversation)
    {
        _create.Parameters.Clear();
        _create.Parameters.AddWithValue("$id", conversation.Id);
        _create.Parameters.AddWithValue("$at", conversation.CreatedAt.ToUnixTimeMilliseconds());
        _create.Parameters.AddWithValue("$user", (object?)conversation.UserId ?? DBNull.Value);
        _create.Parameters.AddWithValue("$locale", (object?)conversation.Locale ?? DBNull.Value);
        _create.Parameters.AddWithValue("$verified", conversation.UserVerified ? 1 : 0);
        return _create.ExecuteNonQuery() == 1;
    }

    public async Task<string?> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (_damaged is { } damaged) return damaged;
        if (_writer.Fault is not { } fault)
        {
            if (!_writer.OutOfRoom) return null;
            fault = "no room to grow the file";
        }

        // A commit failed (a full disk?): unhealthy for a while whatever happens; then a probe write decides. The probe
        // must make the file grow (16 KB, then shrunk back in the same commit): rewriting a small row reuses its page
        // and succeeds on a database that has no room for a single message.
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_writer.LastFailure) < TimeSpan.FromSeconds(30))
            return $"The database '{DatabasePath}' failed a write: {fault}";
        try
        {
            // Its own transaction, so a failing probe fails no customer's write batched with it.
            await _writer.ExclusiveAsync(() =>
            {
                using var begin = _writer.Command("BEGIN IMMEDIATE");
                begin.ExecuteNonQuery();
                try
                {
                    using var grow = _writer.Command("INSERT INTO meta (key, value) VALUES ('health', zeroblob(16384)) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
                    grow.ExecuteNonQuery();
                    using var probe = _writer.Command("UPDATE meta SET value = $at WHERE key = 'health'");
                    probe.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O"));
                    probe.ExecuteNonQuery();
                    using var commit = _writer.Command("COMMIT");
                    var done = commit.ExecuteNonQuery();
                    _writer.RoomFound();
                    return done;
                }
                catch (SqliteException)
                {
                    using var rollback = _writer.Command("ROLLBACK");
                    try { rollback.ExecuteNonQuery(); }
                    catch (SqliteException) { /* SQLite already rolled back (a full disk does) */ }
                    throw;
                }
            });
            return null;
        }
        catch (SqliteException e)
        {
            return $"The database '{DatabasePath}' cannot write: {e.Message}";
        }
    }

    private int _disposed;

    public void Dispose()
    {
        // The container may hand this one instance out under several services, and dispose it for each.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _checkpointer.Dispose();
        _writer.Dispose();
        _readers.Dispose();
        _database.Dispose();
    }

    /// <summary>The file was too large to check before start; <see cref="SqliteIntegrityCheck"/> checks it after.</summary>
    public bool IntegrityCheckDeferred => _database.CheckDeferred;

    /// <summary>The integrity check found damage: /healthz says so from now on.</summary>
    public void MarkDamaged(string problem) => _damaged = problem;

    private volatile string? _damaged;

    /// <summary>How many conversations are held in memory now (bounded by <see cref="StorageOptions.CachedConversations"/>).</summary>
    public int CachedConversations => _cache.Count;

    internal SqliteWriter Writer => _writer;

    internal SqliteReaders Readers => _readers;

    private static Conversation ReadConversation(SqliteDataReader row, int offset = 0) => new(
        row.GetString(offset), DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(offset + 1)),
        row.IsDBNull(offset + 2) ? null : row.GetString(offset + 2), row.IsDBNull(offset + 3) ? null : row.GetString(offset + 3),
        row.GetInt64(offset + 4) != 0);

    private static object Millis(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : DBNull.Value;
}
