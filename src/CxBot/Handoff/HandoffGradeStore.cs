using System.Globalization;
using System.Text.Json;
using CxBot.Conversations;
using CxBot.Storage;

namespace CxBot.Handoff;

/// <summary>
/// The handoffs each agent handled and their grades (<see cref="HandoffGrades"/>), in the <c>handoff-grades</c>
/// collection of the document store: one document per agent and handoff, linked to its conversation (so it is
/// exported and erased with it).
/// </summary>
public sealed class HandoffGradeStore(IDocumentStore documents, TimeProvider time)
{
    public const string Collection = "handoff-grades";

    /// <summary>
    /// Records that the agent took the conversation over, with the handoff's reason, language and time as the state has
    /// them now. Taking the same handoff again (after a transfer back) keeps the record and its grade.
    /// </summary>
    public async Task<HandledHandoff> RecordHandledAsync(string conversationId, string agentId, string agentName, ConversationState state,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var handedOverAt = state.QueuedAt ?? now;
        var key = Key(conversationId, agentId, handedOverAt);
        if ((await ListWhereAsync(k => k == key, cancellationToken)).FirstOrDefault() is { } known) return known;
        var handled = new HandledHandoff(conversationId, agentId, agentName, state.Language, state.HandoffReason ?? HandoffReason.CustomerRequest,
            handedOverAt, now);
        await PutAsync(handled, cancellationToken);
        return handled;
    }

    /// <summary>
    /// Sets (or changes) the agent's grade of their latest handoff of the conversation. Null when the agent never
    /// handled it: agents grade only their own handoffs.
    /// </summary>
    public async Task<HandledHandoff?> GradeAsync(string conversationId, string agentId, string grade, CancellationToken cancellationToken)
    {
        if (!HandoffGrades.IsValid(grade)) throw new ArgumentException($"'{grade}' is not a grade; use {string.Join(", ", HandoffGrades.All)}.", nameof(grade));
        var prefix = Key(conversationId, agentId, handedOverAt: null);
        var handled = (await ListWhereAsync(k => k.StartsWith(prefix, StringComparison.Ordinal), cancellationToken)).MaxBy(h => h.HandedOverAt);
        if (handled is null) return null;
        var graded = handled with { Grade = grade, GradedAt = time.GetUtcNow() };
        await PutAsync(graded, cancellationToken);
        return graded;
    }

    /// <summary>The agent's most recent handoffs, newest first, one per conversation (its latest).</summary>
    public async Task<IReadOnlyList<HandledHandoff>> ListForAgentAsync(string agentId, int count, CancellationToken cancellationToken)
    {
        // Newest first by the time in the key, and only those few parsed: the desk asks after every accept, end and grade.
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        var recent = new List<HandledHandoff>();
        foreach (var document in (await documents.ListAsync(Collection, cancellationToken))
            .Where(d => AgentOf(d.Key) == agentId)
            .OrderByDescending(d => TicksOf(d.Key)))
        {
            if (recent.Count == count) break;
            var handled = JsonSerializer.Deserialize(document.Value, HandoffGradeJsonContext.Default.HandledHandoff)!;
            if (conversations.Add(handled.ConversationId)) recent.Add(handled);
        }

        return recent;
    }

    public Task<IReadOnlyList<HandledHandoff>> ListAsync(CancellationToken cancellationToken) => ListWhereAsync(_ => true, cancellationToken);

    /// <summary>Reads only the documents whose key matches: a desk action should not parse every grade ever given.</summary>
    private async Task<IReadOnlyList<HandledHandoff>> ListWhereAsync(Func<string, bool> key, CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(Collection, cancellationToken))
            .Where(d => key(d.Key))
            .Select(d => JsonSerializer.Deserialize(d.Value, HandoffGradeJsonContext.Default.HandledHandoff)!)];

    private Task PutAsync(HandledHandoff handled, CancellationToken cancellationToken) =>
        documents.PutAsync(Collection, Key(handled), JsonSerializer.SerializeToUtf8Bytes(handled, HandoffGradeJsonContext.Default.HandledHandoff), cancellationToken);

    private static string Key(HandledHandoff handled) => Key(handled.ConversationId, handled.AgentId, handled.HandedOverAt);

    /// <summary><c>conversation|agent|ticks</c>; without a time, the prefix of every handoff of that agent in that conversation.</summary>
    private static string Key(string conversationId, string agentId, DateTimeOffset? handedOverAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{agentId}|{handedOverAt?.UtcTicks}");

    /// <summary>Conversation ids (base64url) and times never hold a '|', so the agent is whatever lies between the first and the last.</summary>
    private static string AgentOf(string key) => key[(key.IndexOf('|') + 1)..Math.Max(key.IndexOf('|') + 1, key.LastIndexOf('|'))];

    private static long TicksOf(string key) =>
        long.TryParse(key.AsSpan(key.LastIndexOf('|') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : 0;
}
