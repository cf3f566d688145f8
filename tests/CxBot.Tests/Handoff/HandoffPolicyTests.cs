using CxBot.Handoff;
using CxBot.Knowledge;
using CxBot.Sentiment;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Handoff;

public sealed class HandoffPolicyTests
{
    private readonly HandoffPolicy _sut = new(Options.Create(new HandoffOptions()));

    [Fact]
    public void Escalates_AtOnce_WhenCustomerAsksForPerson()
    {
        var decision = _sut.Decide(Answer(AnswerAction.Handoff), null, null, 0, alreadyOffered: false);

        Assert.Equal((HandoffVerdict.Escalate, HandoffReason.CustomerRequest), (decision.Verdict, decision.Reason));
    }

    [Fact]
    public void Offers_OnAnEscalationArticle()
    {
        var decision = _sut.Decide(Answer(AnswerAction.Answer, escalate: true), null, null, 0, false);

        Assert.Equal((HandoffVerdict.Offer, HandoffReason.EscalationTopic), (decision.Verdict, decision.Reason));
    }

    [Fact]
    public void Offers_ThenEscalates_AfterTwoFailuresInARow()
    {
        var first = _sut.Decide(Answer(AnswerAction.Fallback), null, null, 2, alreadyOffered: false);
        var second = _sut.Decide(Answer(AnswerAction.Fallback), null, null, 3, alreadyOffered: true);

        Assert.Equal((HandoffVerdict.Offer, HandoffReason.RepeatedFailure), (first.Verdict, first.Reason));
        Assert.Equal((HandoffVerdict.Escalate, HandoffReason.RepeatedFailure), (second.Verdict, second.Reason));
    }

    [Fact]
    public void Offers_OnStrongFrustration_OrNegativeMessagesInARow()
    {
        var strong = _sut.Decide(Answer(AnswerAction.Answer), new SentimentResult(SentimentLabel.Negative, -0.9f), null, 0, false);
        var rising = _sut.Decide(Answer(AnswerAction.Answer), new SentimentResult(SentimentLabel.Negative, -0.3f),
            new ConversationSentiment(-0.4f, -0.1f, 3, 0, -0.3f), 0, false);

        Assert.Equal((HandoffVerdict.Offer, HandoffReason.Frustration), (strong.Verdict, strong.Reason));
        Assert.Equal((HandoffVerdict.Offer, HandoffReason.Frustration), (rising.Verdict, rising.Reason));
    }

    [Fact]
    public void Stays_ForAMildlyAnnoyedQuestionItCanAnswer()
    {
        var decision = _sut.Decide(Answer(AnswerAction.Answer), new SentimentResult(SentimentLabel.Negative, -0.35f),
            new ConversationSentiment(-0.35f, 0, 1, -0.35f, -0.35f), 0, false);

        Assert.Equal(HandoffVerdict.Stay, decision.Verdict);
    }

    [Fact]
    public void Stays_WhenTheCustomerWondersWhetherItIsABot()
    {
        var decision = _sut.Decide(new KnowledgeAnswer(AnswerAction.Smalltalk, "pl", 1, null, [], SmalltalkKind.BotQuestion), null, null, 0, false);

        Assert.Equal(HandoffVerdict.Stay, decision.Verdict);
    }

    [Fact]
    public void Thresholds_AreConfigurable()
    {
        var patient = new HandoffPolicy(Options.Create(new HandoffOptions { FailuresInARow = 4, OfferBeforeEscalating = false }));

        Assert.Equal(HandoffVerdict.Stay, patient.Decide(Answer(AnswerAction.Fallback), null, null, 3, false).Verdict);
        Assert.Equal(HandoffVerdict.Escalate, patient.Decide(Answer(AnswerAction.Fallback), null, null, 4, false).Verdict);
    }

    private static KnowledgeAnswer Answer(AnswerAction action, bool escalate = false) =>
        new(action, "pl", 0.8, action == AnswerAction.Answer ? new KnowledgeArticle("x", "pl", "X", [], ["q"], "body", escalate, [], "x.md") : null, []);
}
