using System.ComponentModel.DataAnnotations;

namespace CxBot.Storage;

/// <summary>Where CxBot keeps conversations, queues and survey answers.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default: an embedded database in <see cref="DataDirectory"/>, one instance) or <c>Redis</c> (shared, several instances).</summary>
    [Required, RegularExpression("^(Sqlite|Redis)$", ErrorMessage =
        "Storage:Provider must be Sqlite or Redis (Embedded, the old JSON-lines journal, was replaced by Sqlite, which imports a journal.jsonl it finds in the data folder).")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The embedded SQLite database is the store (the concrete store: IConversationStore may be wrapped by a decorator).</summary>
    public bool IsSqlite => !string.Equals(Provider, "Redis", StringComparison.OrdinalIgnoreCase);

    /// <summary>Folder of the embedded database (<c>cxbot.db</c>); relative paths are resolved against the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Embedded database: <c>Normal</c> (default) keeps every acknowledged write through a crash or kill of the
    /// process; <c>Full</c> also through a power cut or a crash of the machine, at a cost in latency (an fsync per commit).
    /// </summary>
    [Required, RegularExpression("^(Normal|Full)$", ErrorMessage = "Storage:Durability must be Normal or Full.")]
    public string Durability { get; set; } = "Normal";

    /// <summary>Embedded database: how many recently active conversations are kept in memory (their tail, state and sequence).</summary>
    [Range(16, 1_000_000)]
    public int CachedConversations { get; set; } = 2000;

    /// <summary>Embedded database: the largest size it may grow to, in MB (0: as large as the disk allows). Past it, writes are refused with 503 as on a full disk.</summary>
    [Range(0, 10_000_000)]
    public int MaxDatabaseMegabytes { get; set; }

    /// <summary>
    /// Embedded database: a file up to this size (MB) has its integrity checked before the host starts; a larger one right
    /// after, beside the running host (the check reads every page). Damage found either way stops the host.
    /// </summary>
    [Range(0, 10_000_000)]
    public int IntegrityCheckBeforeStartMegabytes { get; set; } = 256;

    /// <summary>StackExchange.Redis configuration string, used when <see cref="Provider"/> is <c>Redis</c>.</summary>
    public string? Redis { get; set; }
}
