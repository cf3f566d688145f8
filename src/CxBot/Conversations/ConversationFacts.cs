namespace CxBot.Conversations;

/// <summary>
/// What the stores index about a conversation, derived from its state each time the state is saved, so the
/// features can ask "which are open", "which went quiet", "which are past retention" without reading every state.
/// </summary>
/// <param name="Status"><c>new</c> (no customer message yet), <c>open</c> or <c>ended</c>.</param>
/// <param name="LastActiveAt">The latest of its start, the customer's last message, its end and an agent joining: what retention counts from.</param>
public sealed record ConversationFacts(string Status, DateTimeOffset? LastCustomerMessageAt, DateTimeOffset? EndedAt, DateTimeOffset LastActiveAt)
{
    public const string New = "new";
    public const string Open = "open";
    public const string Ended = "ended";

    public static ConversationFacts Of(Conversation conversation, ConversationState? state)
    {
        if (state is null) return new(New, null, null, conversation.CreatedAt);
        var status = state.EndedAt is not null ? Ended : state.LastCustomerMessageAt is not null ? Open : New;
        var last = new[] { conversation.CreatedAt, state.LastCustomerMessageAt, state.EndedAt, state.AgentJoinedAt }.Max()!.Value;
        return new(status, state.LastCustomerMessageAt, state.EndedAt, last);
    }
}
