using CxBot.Activities;
using CxBot.Turns;
using Microsoft.Extensions.Options;

namespace CxBot.Bot;

/// <summary>
/// The customer-facing bot: greets a new conversation (saying it is a bot, that a person can be asked
/// for, with a privacy link) and answers messages.
/// </summary>
public sealed class SupportBot(IOptions<BotOptions> options) : IBot
{
    public async Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken)
    {
        switch (context.Activity.Type)
        {
            case ActivityTypes.ConversationUpdate when !context.State.Greeted && AddsCustomer(context.Activity):
                await GreetAsync(context, cancellationToken);
                break;
            case ActivityTypes.Message:
                if (!context.State.Greeted) await GreetAsync(context, cancellationToken);
                await AnswerAsync(context, cancellationToken);
                break;
        }
    }

    private async Task GreetAsync(TurnContext context, CancellationToken cancellationToken)
    {
        context.State.Greeted = true;
        var language = context.State.Language;
        var texts = BotTexts.For(language);
        var privacyUrl = options.Value.PrivacyUrl.Replace("{lang}", language, StringComparison.Ordinal);
        var greeting = context.Activity.CreateReply($"{texts.Greeting}\n\n[{texts.PrivacyLinkText}]({privacyUrl})");
        greeting.From = BotIdentity.Account;
        greeting.Locale = Languages.ToLocale(language);
        await context.SendActivityAsync(greeting, cancellationToken);
    }

    private async Task AnswerAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Activity.Text)) return;
        if (options.Value.SendTyping) await context.SendTypingAsync(cancellationToken);
        var texts = BotTexts.For(context.State.Language);
        await context.SendTextAsync(texts.NotSureYet, cancellationToken,
            new SuggestedActions { Actions = [CardAction.ImBack(texts.TalkToPerson)] });
    }

    private static bool AddsCustomer(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Role != "bot" && member.Id != BotIdentity.Id) == true;
}
