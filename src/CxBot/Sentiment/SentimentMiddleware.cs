using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Turns;
using Microsoft.Extensions.Options;

namespace CxBot.Sentiment;

/// <summary>Scores every customer message once, keeps the result with the message in the conversation's state, and leaves the rolling sentiment for later steps of the turn.</summary>
public sealed class SentimentMiddleware(ISentimentScorer scorer, IOptions<SentimentOptions> options) : ITurnMiddleware
{
    public const string MessageKey = "cxbot.sentiment";
    public const string ConversationKey = "cxbot.conversationSentiment";

    public Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        if (context.Activity is { Type: ActivityTypes.Message, Text: { Length: > 0 } text })
        {
            var result = scorer.Score(text);
            context.State.Sentiments.Add(new MessageSentiment(context.Activity.Id ?? "", result.LabelName, MathF.Round(result.Score, 3)));
            context.TurnState[MessageKey] = result;
            context.TurnState[ConversationKey] = ConversationSentiment.Of(context.State.Sentiments, options.Value.RollingWindow);
        }

        return next(cancellationToken);
    }
}
