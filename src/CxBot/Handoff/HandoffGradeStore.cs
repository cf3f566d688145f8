using System.Globalization;
using System.Text.Json;
using CxBot.Analytics;
using CxBot.Conversations;
using CxBot.Storage;

namespace CxBot.Handoff;

/// <summary>
/// The handoffs each agent handled and their grades (<see cref="HandoffGrades"/>), in the <c>handoff-grades</c>
/// collection of the document store: one document per agent and handoff, linked to its conversation (so it is
/// exported and erased with it) and indexed by the time of the handoff, so the dashboard reads a date range.
/// </summary>
public sealed class HandoffGradeStore(IDocumentStore documents, TimeProvider time)
{
    public const string Collection = "handoff-grades";

    /// <summary>The indexed time: when the conversation was handed over.</summary>
    public const string TimeProperty = "handedOverAt";

    /// <summary>How far back the desk's "Recently handled" list looks.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromDays(30);

    /// <summary>
    /// Records that the agent took the conversation over, with the handoff's reason, language and time as the state has
    /// them now. Taking the same handoff again (after a transfer back) keeps the record and its grade.
    /// </summary>
    public async Task<HandledHandoff> RecordHandledAsync(string conversationId, string agentId, string agentName, ConversationState state,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var handedOverAt = state.QueuedAt ?? now;
        if (await documents.GetAsync(Collection, Key(conversationId, agentId, handedOverAt), cancellationToken) is { } known) return Read(known);
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
        var handled = (await documents.ListLinkedAsync([conversationId], cancellationToken))
            .Where(d => d.Collection == Collection && d.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(d => Read(d.Value))
            .MaxBy(h => h.HandedOverAt);
        if (handled is null) return null;
        var graded = handled with { Grade = grade, GradedAt = time.GetUtcNow() };
        await PutAsync(graded, cancellationToken);
        return graded;
    }

    /// <summary>The agent's handoffs of the last <see cref="Recent"/> days, newest first, one per conversation (its latest).</summary>
    public async Task<IReadOnlyList<HandledHandoff>> ListForAgentAsync(string agentId, int count, CancellationToken cancellationToken)
    {
        // Newest first by the time in the key, and only those few parsed: the desk asks after every accept, end and grade.
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        var recent = new List<HandledHandoff>();
        foreach (var document in (await documents.ListByTimeAsync(Collection, time.GetUtcNow() - Recent, DateTimeOffset.MaxValue, cancellationToken))
            .Where(d => AgentOf(d.Key) == agentId)
            .Reverse())
        {
            if (recent.Count == count) break;
            var handled = Read(document.Value);
            if (conversations.Add(handled.ConversationId)) recent.Add(handled);
        }

        return recent;
    }

    /// <summary>Every agent's part in the handoffs made on the filter's days (UTC), in its language, in time order.</summary>
    public async Task<IReadOnlyList<HandledHandoff>> ListAsync(CxFilter filter, CancellationToken cancellationToken)
    {
        var (from, to) = filter.Range;
        return [.. (await documents.ListByTimeAsync(Collection, from, to, cancellationToken))
            .Select(d => Read(d.Value))
            .Where(h => string.IsNullOrEmpty(filter.Language) || h.Language == filter.Language)];
    }

    private static HandledHandoff Read(byte[] json) => JsonSerializer.Deserialize(json, HandoffGradeJsonContext.Default.HandledHandoff)!;

    private Task PutAsync(HandledHandoff handled, CancellationToken cancellationToken) =>
        documents.PutAsync(Collection, Key(handled.ConversationId, handled.AgentId, handled.HandedOverAt),
            JsonSerializer.SerializeToUtf8Bytes(handled, HandoffGradeJsonContext.Default.HandledHandoff), cancellationToken);

    /// <summary><c>conversation|agent|ticks</c>; without a time, the prefix of every handoff of that agent in that conversation.</summary>
    private static string Key(string conversationId, string agentId, DateTimeOffset? handedOverAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{agentId}|{handedOverAt?.UtcTicks}");

    /// <summary>Conversation ids (base64url) and times never hold a '|', so the agent is whatever lies between the first and the last.</summary>
    private static string AgentOf(string key) => key[(key.IndexOf('|') + 1)..Math.Max(key.IndexOf('|') + 1, key.LastIndexOf('|'))];
}
