namespace CxBot.Understanding.Acts;

/// <summary>The corpus's label names (data/acts/*.tsv) and the acts they stand for, in the model's order.</summary>
public static class ActLabels
{
    public static readonly (string Name, MessageActs Act)[] All =
    [
        ("greeting", MessageActs.Greeting), ("thanks", MessageActs.Thanks), ("goodbye", MessageActs.Goodbye), ("yes", MessageActs.Yes),
        ("no", MessageActs.No), ("ack", MessageActs.Ack), ("person", MessageActs.Person), ("bot_question", MessageActs.BotQuestion),
        ("preamble", MessageActs.Preamble), ("not_understood", MessageActs.NotUnderstood), ("safety", MessageActs.Safety),
        ("health", MessageActs.Health), ("legal", MessageActs.Legal), ("fraud", MessageActs.Fraud), ("vulnerable", MessageActs.Vulnerable),
        ("complaint", MessageActs.Complaint),
    ];

    public static MessageActs Parse(string labels)
    {
        var acts = MessageActs.None;
        foreach (var name in labels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            acts |= All.FirstOrDefault(l => l.Name == name).Act is var act and not MessageActs.None
                ? act
                : throw new FormatException($"Unknown message act '{name}'.");
        return acts;
    }
}
