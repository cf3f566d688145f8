namespace CxBot.Handoff;

/// <summary>What the policy says about one turn.</summary>
public enum HandoffVerdict
{
    /// <summary>The bot keeps the conversation.</summary>
    Stay,

    /// <summary>Ask the customer whether they want a consultant.</summary>
    Offer,

    /// <summary>Hand over now.</summary>
    Escalate,
}

public sealed record HandoffDecision(HandoffVerdict Verdict, string? Reason)
{
    public static HandoffDecision Stay { get; } = new(HandoffVerdict.Stay, null);
}
