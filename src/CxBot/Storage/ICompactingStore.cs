namespace CxBot.Storage;

/// <summary>A store whose files keep replaced or deleted records until they are rewritten (the embedded journal).</summary>
public interface ICompactingStore
{
    /// <summary>Rewrites the store's files as a snapshot of what is stored now.</summary>
    Task CompactAsync();
}
