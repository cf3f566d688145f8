namespace CxBot.Understanding;

/// <summary>What one customer message does and in which language it is written.</summary>
/// <param name="Acts">Everything the message does (several at once are common).</param>
/// <param name="Probabilities">Each act's probability, in <see cref="Acts.ActLabels.All"/> order (for explanations and evaluation).</param>
public sealed record MessageReading(string Text, string Language, MessageActs Acts, IReadOnlyList<float> Probabilities)
{
    /// <summary>What follows a correction's opening words ("that's not what I meant. <i>I have the tracking number…</i>"), or null when the message opens with none (<see cref="CorrectionPhrases"/>).</summary>
    public string? Correction { get; init; }

    /// <summary>The customer says in so many words that they are frustrated (<see cref="FrustrationPhrases"/>).</summary>
    public bool SaysFrustration { get; init; }

    public bool Has(MessageActs act) => (Acts & act) != 0;

    /// <summary>The probability of one act (a single flag).</summary>
    public float Probability(MessageActs act) =>
        Array.FindIndex(CxBot.Understanding.Acts.ActLabels.All, l => l.Act == act) is var i and >= 0 && i < Probabilities.Count ? Probabilities[i] : 0;

    /// <summary>The protected situation the message most clearly describes, or None.</summary>
    public MessageActs Situation =>
        CxBot.Understanding.Acts.ActLabels.All.Select(l => l.Act).Where(a => MessageActs.Protected.HasFlag(a) && Has(a))
            .OrderByDescending(Probability).FirstOrDefault();

    /// <summary>Pleasantries and short answers: what a message does besides saying something.</summary>
    public const MessageActs Pleasantries = MessageActs.Greeting | MessageActs.Thanks | MessageActs.Ack | MessageActs.Yes | MessageActs.No;

    /// <summary>Only pleasantries or short answers (or a preamble): nothing for the knowledge base to answer.</summary>
    public bool IsConversational =>
        Acts != MessageActs.None && (Acts & ~(Pleasantries | MessageActs.Preamble)) == 0;
}
