namespace CxBot.Understanding;

/// <summary>
/// What a customer's message does, beside what it asks; several at once ("great, thanks, bye" is thanks and goodbye).
/// The protected situations (<see cref="Protected"/>) always need a person, at once.
/// </summary>
[Flags]
public enum MessageActs
{
    None = 0,
    Greeting = 1 << 0,
    Thanks = 1 << 1,

    /// <summary>The customer is done: bye, that's all, nothing else.</summary>
    Goodbye = 1 << 2,
    Yes = 1 << 3,
    No = 1 << 4,

    /// <summary>"ok", "got it": understood, resolved; not a yes to an offer.</summary>
    Ack = 1 << 5,

    /// <summary>Asks for a person, in any phrasing.</summary>
    Person = 1 << 6,

    /// <summary>Asks whether it is talking to a bot: answered honestly, never a reason to hand over.</summary>
    BotQuestion = 1 << 7,

    /// <summary>"I have a question about my order": announces a question without asking it.</summary>
    Preamble = 1 << 8,

    /// <summary>"That's not what I asked", "you don't understand".</summary>
    NotUnderstood = 1 << 9,

    /// <summary>A product caused or nearly caused harm (sparks, fire, burns, cuts, choking).</summary>
    Safety = 1 << 10,

    /// <summary>A health reaction to a product (rash, allergy, breathing problems).</summary>
    Health = 1 << 11,

    /// <summary>A legal threat or a regulator (lawyer, court, consumer ombudsman, UOKiK, police).</summary>
    Legal = 1 << 12,

    /// <summary>Fraud, account takeover or a security problem.</summary>
    Fraud = 1 << 13,

    /// <summary>Bereavement or other vulnerability.</summary>
    Vulnerable = 1 << 14,

    /// <summary>The customer lodges a complaint (a defective product, staff, a courier, the service).</summary>
    Complaint = 1 << 15,

    /// <summary>Situations that go to a person at once and to the front of the queue.</summary>
    Protected = Safety | Health | Legal | Fraud | Vulnerable | Complaint,
}
