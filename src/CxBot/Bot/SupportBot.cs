using System.Text.Json;
using CxBot.Activities;
using CxBot.Knowledge;
using CxBot.Turns;
using Microsoft.Extensions.Options;

namespace CxBot.Bot;

/// <summary>
/// The customer-facing bot: greets a new conversation (saying it is a bot, that a person can be asked
/// for, with a privacy link) and answers messages from the knowledge base: the article with its title as
/// the source and "Did this help?", "Did you mean…" when unsure, and a plain "I don't know" otherwise.
/// </summary>
public sealed class SupportBot(AnswerService answers, IOptions<BotOptions> options) : IBot
{
    /// <summary>The key under which a turn's <see cref="KnowledgeAnswer"/> is left in <see cref="TurnContext.TurnState"/>.</summary>
    public const string AnswerKey = "cxbot.answer";

    public async Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken)
    {
        switch (context.Activity.Type)
        {
            case ActivityTypes.ConversationUpdate when !context.State.Greeted && AddsCustomer(context.Activity):
                await GreetAsync(context, cancellationToken);
                break;
            case ActivityTypes.Message when !string.IsNullOrWhiteSpace(context.Activity.Text):
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
        var state = context.State;
        var text = context.Activity.Text!;
        if (options.Value.SendTyping) await context.SendTypingAsync(cancellationToken);

        if (state.AwaitingFeedbackFor is not null && FeedbackDetector.NotHelpful(text) is { } notHelpful)
        {
            state.AwaitingFeedbackFor = null;
            var feedbackTexts = BotTexts.For(state.Language);
            if (notHelpful)
            {
                state.ConsecutiveFailures++;
                await SendAsync(context, feedbackTexts.SorryNotHelpful, state.Language, null, cancellationToken, feedbackTexts.TalkToPerson);
            }
            else
            {
                state.ConsecutiveFailures = 0;
                await SendAsync(context, feedbackTexts.YouAreWelcome, state.Language, null, cancellationToken);
            }

            return;
        }

        var answer = await answers.AnswerAsync(text, state.Language, cancellationToken);
        context.TurnState[AnswerKey] = answer;
        state.Language = answer.Language;
        state.AwaitingFeedbackFor = null;
        var texts = BotTexts.For(answer.Language);
        switch (answer.Action)
        {
            case AnswerAction.Answer:
                var article = answer.Article!;
                state.ArticlesUsed.Add(article.Id);
                state.ConsecutiveFailures = 0;
                state.AwaitingFeedbackFor = article.Id;
                var body = answer.GeneratedText ?? $"{article.Body}\n\n*{texts.Source}: {article.Title}*";
                if (article.Escalate) body += $"\n\n{texts.EscalateOffer}";
                await SendAsync(context, body, answer.Language, answer, cancellationToken,
                    article.Escalate ? [texts.TalkToPerson, texts.HelpedYes] : [texts.HelpedYes, texts.HelpedNo]);
                break;
            case AnswerAction.Confirm:
            case AnswerAction.Clarify:
                await SendAsync(context, texts.DidYouMean, answer.Language, answer, cancellationToken,
                    [.. answer.Candidates.Take(3).Select(c => c.Title), texts.TalkToPerson]);
                break;
            case AnswerAction.Fallback:
                state.ConsecutiveFailures++;
                await SendAsync(context, texts.DontKnow, answer.Language, answer, cancellationToken, texts.TalkToPerson);
                break;
            case AnswerAction.Handoff:
                await SendAsync(context, texts.PersonRequested, answer.Language, answer, cancellationToken);
                break;
            case AnswerAction.Smalltalk:
                var reply = answer.Smalltalk switch
                {
                    SmalltalkKind.Thanks => texts.YouAreWelcome,
                    SmalltalkKind.Goodbye => texts.Goodbye,
                    SmalltalkKind.BotQuestion => texts.IAmABot,
                    _ => texts.Hello,
                };
                await SendAsync(context, reply, answer.Language, answer, cancellationToken);
                break;
        }
    }

    private static Task SendAsync(TurnContext context, string text, string language, KnowledgeAnswer? answer,
        CancellationToken cancellationToken, params string[] choices)
    {
        var reply = context.Activity.CreateReply(text);
        reply.Locale = Languages.ToLocale(language);
        if (choices.Length > 0) reply.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(c => CardAction.ImBack(c))] };
        if (answer is not null) reply.ChannelData = Describe(answer);
        return context.SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>What the bot decided, kept with the reply so transcripts, the agent desk and the dashboard can show it.</summary>
    private static JsonElement Describe(KnowledgeAnswer answer) => JsonSerializer.SerializeToElement(
        new BotDecisionEnvelope(new BotDecision(answer.Action.ToString().ToLowerInvariant(), answer.Article?.Id,
            Math.Round(answer.Confidence, 4), [.. answer.Candidates.Select(c => c.Id)])),
        BotJsonContext.Default.BotDecisionEnvelope);

    private static bool AddsCustomer(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Role != "bot" && member.Id != BotIdentity.Id) == true;
}
