using System.ComponentModel.DataAnnotations;

namespace CxBot.Storage;

/// <summary>Where CxBot keeps conversations, queues and survey answers.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Embedded</c> (default: a local journal, one instance) or <c>Redis</c> (shared, several instances).</summary>
    [Required, RegularExpression("^(Embedded|Redis)$", ErrorMessage = "Storage:Provider must be Embedded or Redis.")]
    public string Provider { get; set; } = "Embedded";

    /// <summary>Folder of the embedded journal; relative paths are resolved against the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Embedded store: fsync after every group of writes. Off, a write survives a crash or restart of
    /// the process but not a power cut of the machine; on, it survives both at a cost in latency.
    /// </summary>
    public bool FsyncEachWrite { get; set; }

    /// <summary>StackExchange.Redis configuration string, used when <see cref="Provider"/> is <c>Redis</c>.</summary>
    public string? Redis { get; set; }
}
