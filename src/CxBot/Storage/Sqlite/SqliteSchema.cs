using Microsoft.Data.Sqlite;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// The database's tables, created and upgraded by numbered migrations recorded in <c>schema_migrations</c>.
/// A migration runs once, in a transaction, in order; add a new one at the end, never change a released one.
/// Times are Unix milliseconds (UTC). History tables are clustered by time, so a date range is one sequential read.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        // 1: conversations, their logs and state; generic documents; survey facts for the dashboard.
        """
        CREATE TABLE meta (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE conversations (
            id TEXT NOT NULL PRIMARY KEY,
            created_at INTEGER NOT NULL,
            user_id TEXT,
            locale TEXT,
            status TEXT NOT NULL DEFAULT 'new',
            last_customer_message_at INTEGER,
            ended_at INTEGER,
            last_active_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX conversations_by_user ON conversations (user_id) WHERE user_id IS NOT NULL;
        CREATE INDEX conversations_by_start ON conversations (created_at);
        CREATE INDEX conversations_by_activity ON conversations (last_active_at);
        CREATE INDEX conversations_by_status ON conversations (status, last_customer_message_at) WHERE status <> 'ended';

        CREATE TABLE activities (
            conversation_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            json BLOB NOT NULL,
            PRIMARY KEY (conversation_id, sequence)
        ) WITHOUT ROWID;

        CREATE TABLE states (
            conversation_id TEXT NOT NULL PRIMARY KEY,
            json BLOB NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE documents (
            collection TEXT NOT NULL,
            key TEXT NOT NULL,
            value BLOB NOT NULL,
            conversation_id TEXT,
            at INTEGER,
            status TEXT,
            PRIMARY KEY (collection, key)
        ) WITHOUT ROWID;
        CREATE INDEX documents_by_conversation ON documents (conversation_id) WHERE conversation_id IS NOT NULL;
        CREATE INDEX documents_by_time ON documents (collection, at) WHERE at IS NOT NULL;
        CREATE INDEX documents_by_status ON documents (collection, status) WHERE status IS NOT NULL;

        CREATE TABLE survey_facts (
            ended_at INTEGER NOT NULL,
            conversation_id TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            language TEXT NOT NULL,
            resolved_by TEXT NOT NULL,
            ended_by TEXT NOT NULL,
            agent TEXT,
            articles TEXT NOT NULL,
            escalation_reason TEXT,
            customer_messages INTEGER NOT NULL,
            csat INTEGER,
            ces INTEGER,
            comment TEXT,
            sentiment_start REAL,
            sentiment_end REAL,
            first_response_seconds REAL,
            wait_seconds REAL,
            total_seconds REAL NOT NULL,
            PRIMARY KEY (ended_at, conversation_id)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX survey_facts_by_conversation ON survey_facts (conversation_id);

        CREATE TABLE survey_articles (
            ended_at INTEGER NOT NULL,
            conversation_id TEXT NOT NULL,
            article TEXT NOT NULL,
            language TEXT NOT NULL,
            csat INTEGER,
            PRIMARY KEY (ended_at, conversation_id, article)
        ) WITHOUT ROWID;
        CREATE INDEX survey_articles_by_conversation ON survey_articles (conversation_id);
        """,

        // 2: files customers sent, beside their conversation; whether a conversation's user id was bound by the website's
        // backend (its history is shown to agents); the team that handled a conversation, for the dashboard.
        """
        ALTER TABLE conversations ADD COLUMN user_verified INTEGER NOT NULL DEFAULT 0;

        CREATE TABLE files (
            conversation_id TEXT NOT NULL,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            width INTEGER,
            height INTEGER,
            content BLOB NOT NULL,
            thumbnail BLOB,
            PRIMARY KEY (conversation_id, id)
        ) WITHOUT ROWID;

        ALTER TABLE survey_facts ADD COLUMN team TEXT;
        """,
    ];

    public static int Latest => Migrations.Length;

    /// <summary>Brings the database to the latest version; returns the version it found.</summary>
    public static int Migrate(SqliteConnection connection)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        var found = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (found > Migrations.Length)
            throw new InvalidOperationException($"The database is at schema version {found}, newer than this CxBot knows ({Migrations.Length}); run the newer CxBot or restore a backup.");
        for (var version = found + 1; version <= Migrations.Length; version++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, Migrations[version - 1]);
            using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES ($v, $at)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            record.ExecuteNonQuery();
            transaction.Commit();
        }

        return found;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
