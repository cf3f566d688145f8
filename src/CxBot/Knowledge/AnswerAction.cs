namespace CxBot.Knowledge;

/// <summary>What the bot does with a message (the <c>action</c> of the <c>answer</c> command).</summary>
public enum AnswerAction
{
    /// <summary>Confident: answer with the article.</summary>
    Answer,

    /// <summary>Unsure between a few articles: "Did you mean…".</summary>
    Clarify,

    /// <summary>One article is plausible but not certain: "Do you mean <i>Order status</i>?" with Yes / No.</summary>
    Confirm,

    /// <summary>No article fits: say so, offer to rephrase or to talk to a person.</summary>
    Fallback,
}
