using CxBot.Knowledge;
using CxBot.Sentiment;
using Microsoft.Extensions.Options;

namespace CxBot.Handoff;

/// <summary>
/// Decides when the bot hands over: at once when the customer asks for a person; on an article marked
/// <c>escalate</c> (complaints); and, after offering the choice, when frustration rises (a strongly negative
/// message, or negative messages in a row) or the bot failed to help twice in a row. A mildly annoyed
/// question the bot can answer, or curiosity whether it is a bot, is not a reason.
/// </summary>
public sealed class HandoffPolicy(IOptions<HandoffOptions> options)
{
    public HandoffDecision Decide(KnowledgeAnswer? answer, SentimentResult? message, ConversationSentiment? conversation, int failuresInARow, bool alreadyOffered)
    {
        var o = options.Value;
        if (answer?.Action == AnswerAction.Handoff) return new(HandoffVerdict.Escalate, HandoffReason.CustomerRequest);
        if (answer is { Action: AnswerAction.Answer, Article.Escalate: true }) return new(HandoffVerdict.Offer, HandoffReason.EscalationTopic);

        string? reason = null;
        if (failuresInARow >= o.FailuresInARow) reason = HandoffReason.RepeatedFailure;
        else if (message is { } m && m.Score <= o.StrongNegativeScore) reason = HandoffReason.Frustration;
        else if (conversation is { } c && c.NegativeInARow >= o.NegativeMessagesInARow) reason = HandoffReason.Frustration;
        if (reason is null) return HandoffDecision.Stay;
        return o.OfferBeforeEscalating && !alreadyOffered ? new(HandoffVerdict.Offer, reason) : new(HandoffVerdict.Escalate, reason);
    }
}
