using CxBot.Conversations;

namespace CxBot.Storage.Sqlite;

/// <summary>A whole conversation to write as it is: its activities' UTF-8 JSON in sequence order, and its state's JSON.</summary>
public sealed record ImportedConversation(Conversation Conversation, IReadOnlyList<byte[]> Activities, byte[]? State);
