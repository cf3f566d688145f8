using System.ComponentModel.DataAnnotations;

namespace CxBot.Handoff;

/// <summary>When the bot hands a conversation to a person, and how the queue is run.</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>
    /// A message at or below this sentiment score (−1…1), written as an outburst ("!", "??", capitals, an angry face; not
    /// laughing), counts as strong frustration: with a failure it brings a person. A waiting customer this upset goes to the
    /// front of the queue. Measured on the tune half of the scripted conversations: frustrated customers mostly score below
    /// −0.95, plain questions the model misreads rarely below −0.85; calm Polish statements often do (−0.997 for "kurier
    /// zostawił paczkę u sąsiada"), hence the outburst.
    /// </summary>
    [Range(-1.0, 0.0)]
    public double StrongNegativeScore { get; set; } = -0.85;

    /// <summary>
    /// Right after the bot failed, a message at or below this score counts as frustration with the failure when it rejects
    /// the bot's answer or is written as an outburst (not a plain question): "seriously?? you don't know?" brings a person.
    /// </summary>
    [Range(-1.0, 0.0)]
    public double NegativeAfterFailureScore { get; set; } = -0.5;

    /// <summary>This many negative messages in a row count as rising frustration.</summary>
    [Range(1, 20)]
    public int NegativeMessagesInARow { get; set; } = 3;

    /// <summary>This many failures to help in a row (fallbacks, "that didn't help") lead to a person.</summary>
    [Range(1, 20)]
    public int FailuresInARow { get; set; } = 2;

    /// <summary>Ask "Shall I connect you with a consultant?" before escalating on sentiment or failures; an explicit request is always honoured at once.</summary>
    public bool OfferBeforeEscalating { get; set; } = true;

    /// <summary>Handle time assumed for the wait estimate until agents have closed enough conversations to measure it.</summary>
    [Range(1, 240)]
    public double DefaultHandleMinutes { get; set; } = 6;

    /// <summary>Tell a waiting customer again when their position changes by at least this much.</summary>
    [Range(1, 100)]
    public int PositionChangeWorthTelling { get; set; } = 1;
}
