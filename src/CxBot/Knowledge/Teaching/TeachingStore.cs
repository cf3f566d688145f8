using System.Text.Json;
using CxBot.Storage;

namespace CxBot.Knowledge.Teaching;

/// <summary>
/// The taught questions, the log of teach actions and a version document, in the document store (the embedded journal or
/// Redis, so every instance shares them).
/// </summary>
public sealed class TeachingStore(IDocumentStore documents)
{
    public const string Taught = "kb-taught";
    public const string Log = "kb-teach-log";
    public const string Versions = "kb-taught-version";
    private const string VersionKey = "current";

    public async Task<IReadOnlyList<TaughtQuestion>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(Taught, cancellationToken))
            .Select(d => JsonSerializer.Deserialize(d.Value, TeachingJsonContext.Default.TaughtQuestion)!)
            .OrderBy(q => q.TaughtAt).ThenBy(q => q.Id, StringComparer.Ordinal)];

    public Task PutAsync(TaughtQuestion question, CancellationToken cancellationToken) =>
        documents.PutAsync(Taught, question.Id, JsonSerializer.SerializeToUtf8Bytes(question, TeachingJsonContext.Default.TaughtQuestion), cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => documents.DeleteAsync(Taught, id, cancellationToken);

    public Task AppendLogAsync(TeachLogEntry entry, CancellationToken cancellationToken) =>
        documents.PutAsync(Log, entry.Id, JsonSerializer.SerializeToUtf8Bytes(entry, TeachingJsonContext.Default.TeachLogEntry), cancellationToken);

    public async Task<IReadOnlyList<TeachLogEntry>> ListLogAsync(CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(Log, cancellationToken))
            .Select(d => JsonSerializer.Deserialize(d.Value, TeachingJsonContext.Default.TeachLogEntry)!)
            .OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)];

    /// <summary>The version of the taught questions, or null before anything was taught.</summary>
    public async Task<string?> VersionAsync(CancellationToken cancellationToken)
    {
        var found = (await documents.ListAsync(Versions, cancellationToken)).FirstOrDefault(d => d.Key == VersionKey);
        return found.Value is null ? null : JsonSerializer.Deserialize(found.Value, TeachingJsonContext.Default.TaughtVersion)?.Version;
    }

    public Task BumpVersionAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        documents.PutAsync(Versions, VersionKey,
            JsonSerializer.SerializeToUtf8Bytes(new TaughtVersion(Guid.NewGuid().ToString("N"), at), TeachingJsonContext.Default.TaughtVersion), cancellationToken);
}
