using CxBot.Activities;

namespace CxBot.Turns;

/// <summary>
/// Keeps the conversation's transcript facts in its state: customer message count, when the customer
/// first and last wrote, when the bot first answered, and the language the customer writes in.
/// The activities themselves are already in the conversation's log.
/// </summary>
public sealed class TranscriptMiddleware : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var state = context.State;
        var isCustomerMessage = context.Activity.Type == ActivityTypes.Message;
        if (isCustomerMessage)
        {
            var now = context.Activity.Timestamp ?? context.Time.GetUtcNow();
            state.CustomerMessages++;
            state.FirstCustomerMessageAt ??= now;
            state.LastCustomerMessageAt = now;
            if (context.Activity.Locale is { Length: > 0 } locale) state.Language = Languages.FromLocale(locale);
        }

        await next(cancellationToken);

        if (isCustomerMessage && state.FirstBotReplyAt is null && context.Sent.Any(a => a.Type == ActivityTypes.Message))
            state.FirstBotReplyAt = context.Time.GetUtcNow();
    }
}
