using System.Text;
using System.Text.Json;
using CxBot.Conversations;
using Microsoft.Extensions.Logging;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// Moves the data of the JSON-lines journal that earlier versions kept (<c>journal.jsonl</c>) into the database on
/// the first start that finds it: conversations with their activities exactly as they were (ids, timestamps),
/// states and documents. Data-protection keys, which that journal wrote as raw XML (a line it then reported as
/// damaged), are recovered too, so sign-ins survive the upgrade. The journal is then renamed, never deleted.
/// </summary>
internal static partial class JournalImport
{
    public const string JournalFileName = "journal.jsonl";

    public static void ImportIfPresent(SqliteConversationStore store, string directory, ILogger logger)
    {
        var journal = Path.Combine(directory, JournalFileName);
        if (!File.Exists(journal)) return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var data = Read(journal, logger);
        var activities = 0L;
        foreach (var batch in data.Conversations.Values.Chunk(500))
        {
            store.Writer.WriteAsync(() =>
            {
                foreach (var c in batch) activities += store.ImportConversation(c.Conversation, c.Activities, c.State);
                return true;
            }).GetAwaiter().GetResult();
        }

        foreach (var (collection, documents) in data.Documents)
        foreach (var (key, value) in documents)
            store.PutAsync(collection, key, value, CancellationToken.None).GetAwaiter().GetResult();

        var renamed = $"{journal}.imported-{DateTime.UtcNow:yyyyMMddHHmmss}";
        File.Move(journal, renamed);
        LogImported(logger, journal, data.Conversations.Count, activities, data.Documents.Sum(d => d.Value.Count), data.Damaged,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, renamed);
    }

    private static Journal Read(string path, ILogger logger)
    {
        var journal = new Journal();
        var lineNumber = 0L;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            try
            {
                Apply(journal, line);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                if (TryRecoverXmlDocument(journal, line)) continue;
                journal.Damaged++;
                LogDamagedLine(logger, path, lineNumber, e.Message);
            }
        }

        return journal;
    }

    private static void Apply(Journal journal, string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var op = root.GetProperty("op").GetString();
        var id = root.GetProperty("c").GetString()!;
        var value = root.GetProperty("v");
        switch (op)
        {
            case "conv":
                journal.Conversations.TryAdd(id, new Imported(value.Deserialize(StateJsonContext.Default.Conversation)!));
                break;
            case "act":
                journal.Conversations[id].Activities.Add(Encoding.UTF8.GetBytes(value.GetRawText()));
                break;
            case "rep":
                journal.Conversations[id].Activities[(int)root.GetProperty("s").GetInt64() - 1] = Encoding.UTF8.GetBytes(value.GetRawText());
                break;
            case "state":
                journal.Conversations[id].State = Encoding.UTF8.GetBytes(value.GetRawText());
                break;
            case "del":
                journal.Conversations.Remove(id);
                break;
            case "doc":
                var documents = journal.Documents.TryGetValue(id, out var existing) ? existing : journal.Documents[id] = new(StringComparer.Ordinal);
                var key = root.GetProperty("k").GetString()!;
                if (value.ValueKind == JsonValueKind.Null) documents.Remove(key);
                else documents[key] = Encoding.UTF8.GetBytes(value.GetRawText());
                break;
            default:
                throw new InvalidOperationException($"unknown record '{op}'");
        }
    }

    /// <summary>A document whose value was written raw (the data-protection key ring's XML): the line is not JSON, but its parts are plain.</summary>
    private static bool TryRecoverXmlDocument(Journal journal, string line)
    {
        const string prefix = "{\"op\":\"doc\",\"c\":\"";
        if (!line.StartsWith(prefix, StringComparison.Ordinal) || !line.EndsWith('}')) return false;
        var collectionEnd = line.IndexOf("\",\"k\":\"", prefix.Length, StringComparison.Ordinal);
        if (collectionEnd < 0) return false;
        var keyStart = collectionEnd + 7;
        var keyEnd = line.IndexOf("\",\"v\":<", keyStart, StringComparison.Ordinal);
        if (keyEnd < 0) return false;
        var xml = line[(keyEnd + 6)..^1];
        try { System.Xml.Linq.XElement.Parse(xml); }
        catch (System.Xml.XmlException) { return false; }
        var collection = line[prefix.Length..collectionEnd];
        var documents = journal.Documents.TryGetValue(collection, out var existing) ? existing : journal.Documents[collection] = new(StringComparer.Ordinal);
        documents[line[keyStart..keyEnd]] = Encoding.UTF8.GetBytes(xml);
        return true;
    }

    private sealed class Journal
    {
        public Dictionary<string, Imported> Conversations { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Dictionary<string, byte[]>> Documents { get; } = new(StringComparer.Ordinal);
        public int Damaged { get; set; }
    }

    private sealed class Imported(Conversation conversation)
    {
        public Conversation Conversation { get; } = conversation;
        public List<byte[]> Activities { get; } = [];
        public byte[]? State { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal {JournalPath} line {LineNumber} is damaged and was not imported: {Reason}")]
    private static partial void LogDamagedLine(ILogger logger, string journalPath, long lineNumber, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Imported {JournalPath} into the database: {Conversations} conversations, {Activities} activities, {Documents} documents ({Damaged} damaged lines skipped) in {Milliseconds} ms; the journal was kept as {RenamedTo}")]
    private static partial void LogImported(ILogger logger, string journalPath, int conversations, long activities, int documents, int damaged, double milliseconds, string renamedTo);
}
