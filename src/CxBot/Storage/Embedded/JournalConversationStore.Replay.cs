using System.Text.Json;
using CxBot.Conversations;
using Microsoft.Extensions.Logging;

namespace CxBot.Storage.Embedded;

public sealed partial class JournalConversationStore
{
    /// <summary>
    /// Rebuilds memory from the journal. A torn last line (the process died mid-write) is cut off, so
    /// the next append does not glue onto it; a damaged line elsewhere is skipped and reported.
    /// </summary>
    private void Replay()
    {
        var bytes = new byte[_journal.Length];
        _journal.ReadExactly(bytes);
        long goodEnd = 0, lineNumber = 0, records = 0;
        var position = 0;
        while (position < bytes.Length)
        {
            lineNumber++;
            var newline = Array.IndexOf(bytes, (byte)'\n', position);
            var isComplete = newline >= 0;
            var end = isComplete ? newline : bytes.Length;
            var line = bytes.AsSpan(position, end - position);
            position = end + 1;
            if (line.IsEmpty) continue;
            try
            {
                Apply(line);
                records++;
                if (isComplete) goodEnd = position;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                if (!isComplete) break;
                LogDamagedLine(JournalPath, lineNumber, e.Message);
                goodEnd = position;
            }
        }

        if (goodEnd < bytes.Length)
        {
            LogTornTail(JournalPath, bytes.Length - goodEnd);
            _journal.SetLength(goodEnd);
        }

        LogReplayed(JournalPath, _conversations.Count, records);
    }

    private void Apply(ReadOnlySpan<byte> line)
    {
        using var document = JsonDocument.Parse(line.ToArray());
        var root = document.RootElement;
        var op = root.GetProperty("op").GetString();
        // "c" is the conversation id, or the collection of a "doc" record.
        var conversationId = root.GetProperty("c").GetString()!;
        var value = root.GetProperty("v");
        switch (op)
        {
            case "conv":
                var conversation = value.Deserialize(StateJsonContext.Default.Conversation)!;
                _conversations.TryAdd(conversationId, new Entry(conversation));
                break;
            case "act":
                var entry = Find(conversationId);
                var sequence = root.GetProperty("s").GetInt64();
                if (sequence != entry.Activities.Count + 1)
                    throw new InvalidOperationException($"activity {sequence} out of order in {conversationId}");
                var json = System.Text.Encoding.UTF8.GetBytes(value.GetRawText());
                entry.Activities.Add(new StoredActivity(sequence, ActivityIds.For(conversationId, sequence), json));
                entry.MarkDurable(sequence);
                break;
            case "rep":
                var replaced = Find(conversationId);
                var at = root.GetProperty("s").GetInt64();
                replaced.Activities[(int)at - 1] = new StoredActivity(at, ActivityIds.For(conversationId, at), System.Text.Encoding.UTF8.GetBytes(value.GetRawText()));
                break;
            case "doc":
                var documents = _documents.GetOrAdd(conversationId, _ => new(StringComparer.Ordinal));
                var key = root.GetProperty("k").GetString()!;
                if (value.ValueKind == JsonValueKind.Null) documents.TryRemove(key, out _);
                else documents[key] = System.Text.Encoding.UTF8.GetBytes(value.GetRawText());
                break;
            case "del":
                _conversations.TryRemove(conversationId, out _);
                break;
            case "state":
                Find(conversationId).State = System.Text.Encoding.UTF8.GetBytes(value.GetRawText());
                break;
            default:
                throw new InvalidOperationException($"unknown record '{op}'");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal {JournalPath} line {LineNumber} is damaged and was skipped: {Reason}")]
    private partial void LogDamagedLine(string journalPath, long lineNumber, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal {JournalPath} ended with {Bytes} bytes of a torn write; they were cut off")]
    private partial void LogTornTail(string journalPath, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal {JournalPath} replayed: {Conversations} conversations from {Records} records")]
    private partial void LogReplayed(string journalPath, int conversations, long records);
}
