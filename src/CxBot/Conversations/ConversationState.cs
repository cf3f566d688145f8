namespace CxBot.Conversations;

/// <summary>
/// What the bot remembers about one conversation between turns. Loaded before a turn and saved at
/// its end; features keep their own part here so one save covers them all.
/// </summary>
public sealed class ConversationState
{
    /// <summary>Two-letter language the bot answers in (<c>pl</c> or <c>en</c>).</summary>
    public string Language { get; set; } = "pl";

    public bool Greeted { get; set; }

    public int CustomerMessages { get; set; }

    public DateTimeOffset? FirstCustomerMessageAt { get; set; }

    public DateTimeOffset? LastCustomerMessageAt { get; set; }

    public DateTimeOffset? FirstBotReplyAt { get; set; }
}
