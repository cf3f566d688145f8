namespace CxBot.Activities;

/// <summary>Buttons shown under a message until the customer answers.</summary>
public sealed record SuggestedActions
{
    public List<string>? To { get; init; }
    public List<CardAction> Actions { get; init; } = [];
}
