namespace CxBot.Knowledge;

/// <summary>Messages that are about the conversation itself, not a question for the knowledge base.</summary>
public enum SmalltalkKind
{
    None,
    Greeting,
    Thanks,
    Goodbye,

    /// <summary>"Are you a bot?": answered honestly, never a reason to hand over.</summary>
    BotQuestion,

    /// <summary>The customer asks for a person: honoured at once.</summary>
    HumanRequest,
}
