namespace CxBot.Storage;

/// <summary>A store whose files can keep replaced or deleted data for a while (SQLite's write-ahead log) until they are rewritten.</summary>
public interface ICompactingStore
{
    /// <summary>Rewrites the store's files so that only what is stored now remains in them.</summary>
    Task CompactAsync();
}
