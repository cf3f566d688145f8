using System.Text.Json;
using CxBot.Conversations;
using StackExchange.Redis;

namespace CxBot.Storage.Redis;

/// <summary>
/// Files customers sent, under their conversation's keys (same hash tag): a hash of the files' descriptions and one
/// string per file's bytes and thumbnail. Erased with the conversation (<see cref="DeleteConversationsAsync"/>).
/// </summary>
public sealed partial class RedisConversationStore : IFileStore
{
    public async Task PutFileAsync(StoredFile file, byte[] content, byte[]? thumbnail, CancellationToken cancellationToken)
    {
        if (!await Db.KeyExistsAsync(RedisKeys.Conversation(file.ConversationId))) throw new ConversationNotFoundException(file.ConversationId);
        // The bytes first, the description last: a listed file can always be read.
        await Db.StringSetAsync(RedisKeys.FileContent(file.ConversationId, file.Id), content);
        if (thumbnail is not null) await Db.StringSetAsync(RedisKeys.FileThumbnail(file.ConversationId, file.Id), thumbnail);
        await Db.HashSetAsync(RedisKeys.Files(file.ConversationId), file.Id, JsonSerializer.SerializeToUtf8Bytes(file, StorageJsonContext.Default.StoredFile));
    }

    public async Task<StoredFile?> GetFileAsync(string conversationId, string fileId, CancellationToken cancellationToken)
    {
        var json = await Db.HashGetAsync(RedisKeys.Files(conversationId), fileId);
        return json.IsNull ? null : JsonSerializer.Deserialize((byte[])json!, StorageJsonContext.Default.StoredFile);
    }

    public async Task<byte[]?> ReadFileAsync(string conversationId, string fileId, bool thumbnail, CancellationToken cancellationToken)
    {
        var value = await Db.StringGetAsync(thumbnail ? RedisKeys.FileThumbnail(conversationId, fileId) : RedisKeys.FileContent(conversationId, fileId));
        return value.IsNull ? null : (byte[])value!;
    }

    public async Task<IReadOnlyList<StoredFile>> ListFilesAsync(string conversationId, CancellationToken cancellationToken) =>
        [.. (await Db.HashValuesAsync(RedisKeys.Files(conversationId)))
            .Select(v => JsonSerializer.Deserialize((byte[])v!, StorageJsonContext.Default.StoredFile)!)
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.Id, StringComparer.Ordinal)];

    /// <summary>Every key of the conversation's files, for its erasure.</summary>
    private async Task<RedisKey[]> FileKeysAsync(string conversationId) =>
        [RedisKeys.Files(conversationId), .. (await Db.HashKeysAsync(RedisKeys.Files(conversationId)))
            .SelectMany(id => new[] { RedisKeys.FileContent(conversationId, id!), RedisKeys.FileThumbnail(conversationId, id!) })];
}
