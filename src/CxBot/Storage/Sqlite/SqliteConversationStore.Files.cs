using CxBot.Conversations;
using Microsoft.Data.Sqlite;

namespace CxBot.Storage.Sqlite;

/// <summary>Files customers sent, as blobs in <c>files</c> beside their conversation; erased with it (<see cref="DeleteConversationsAsync"/>).</summary>
public sealed partial class SqliteConversationStore : IFileStore
{
    private SqliteCommand _putFile = null!;

    private void InitializeFiles() =>
        _putFile = _writer.Command("""
            INSERT INTO files (conversation_id, id, name, content_type, size, created_at, width, height, content, thumbnail)
            SELECT $c, $id, $name, $type, $size, $at, $w, $h, $content, $thumb WHERE EXISTS (SELECT 1 FROM conversations WHERE id = $c)
            ON CONFLICT (conversation_id, id) DO NOTHING
            """);

    public async Task PutFileAsync(StoredFile file, byte[] content, byte[]? thumbnail, CancellationToken cancellationToken)
    {
        var written = await _writer.WriteAsync(() =>
        {
            var p = _putFile.Parameters;
            p.Clear();
            p.AddWithValue("$c", file.ConversationId);
            p.AddWithValue("$id", file.Id);
            p.AddWithValue("$name", file.Name);
            p.AddWithValue("$type", file.ContentType);
            p.AddWithValue("$size", file.Size);
            p.AddWithValue("$at", file.CreatedAt.ToUnixTimeMilliseconds());
            p.AddWithValue("$w", (object?)file.Width ?? DBNull.Value);
            p.AddWithValue("$h", (object?)file.Height ?? DBNull.Value);
            p.AddWithValue("$content", content);
            p.AddWithValue("$thumb", (object?)thumbnail ?? DBNull.Value);
            return _putFile.ExecuteNonQuery();
        });
        if (written == 0 && await GetAsync(file.ConversationId, cancellationToken) is null) throw new ConversationNotFoundException(file.ConversationId);
    }

    private const string FileColumns = "id, conversation_id, name, content_type, size, created_at, thumbnail IS NOT NULL, width, height";

    public async Task<StoredFile?> GetFileAsync(string conversationId, string fileId, CancellationToken cancellationToken)
    {
        using var reader = _readers.Rent();
        var command = reader.Command($"SELECT {FileColumns} FROM files WHERE conversation_id = $c AND id = $id");
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$id", fileId);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        return row.Read() ? ReadFile(row) : null;
    }

    public async Task<byte[]?> ReadFileAsync(string conversationId, string fileId, bool thumbnail, CancellationToken cancellationToken)
    {
        using var reader = _readers.Rent();
        var command = reader.Command($"SELECT {(thumbnail ? "thumbnail" : "content")} FROM files WHERE conversation_id = $c AND id = $id");
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$id", fileId);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<IReadOnlyList<StoredFile>> ListFilesAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var reader = _readers.Rent();
        var command = reader.Command($"SELECT {FileColumns} FROM files WHERE conversation_id = $c ORDER BY created_at, id");
        command.Parameters.AddWithValue("$c", conversationId);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<StoredFile>();
        while (row.Read()) files.Add(ReadFile(row));
        return files;
    }

    private static StoredFile ReadFile(SqliteDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetInt64(4),
        DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(5)), row.GetInt64(6) != 0,
        row.IsDBNull(7) ? null : row.GetInt32(7), row.IsDBNull(8) ? null : row.GetInt32(8));
}
