using System.Globalization;
using System.Text.Json;
using CxBot.Activities;
using CxBot.Bot;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Knowledge;
using CxBot.Sentiment;
using CxBot.Storage;
using CxBot.Turns;
using Microsoft.Extensions.Options;

namespace CxBot.Surveys;

/// <summary>
/// Ends conversations well. A conversation ends when the customer says goodbye or presses "End chat", when
/// the agent ends it, or after a stretch of inactivity; the bot then asks once how satisfied the customer is
/// (1–5), for agent-handled ones also how easy it was (a low score offers a follow-up by a person), then
/// for an optional comment. It never asks twice, never while an agent has the conversation or the bot has
/// an open question, and a customer who ignores it and asks something else simply gets an answer. The
/// conversation's facts are stored with the answers, for the dashboard.
/// </summary>
public sealed class SurveyMiddleware(
    SurveyStore surveys, OpenConversations open, IDocumentStore documents, IOptions<SurveyOptions> options, IOptions<HandoffOptions> handoff) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        // Listing a conversation that just opened overlaps the turn's own writes (the journal commits them
        // together), so the customer does not wait for it; unlisting one that just ended follows the turn.
        var listing = open.TrackAsync(context.Conversation.Id, context.State, cancellationToken);
        await RunAsync(context, next, cancellationToken);
        await listing;
        await open.TrackAsync(context.Conversation.Id, context.State, cancellationToken);
    }

    private async Task RunAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var state = context.State;

        if (activity.Type == ActivityTypes.Message && activity.Text is { Length: > 0 } text && IsAwaitingAnswer(state.Survey))
        {
            if (await OnAnswerAsync(context, text, cancellationToken)) return;
            state.Survey = SurveyPhase.Done;
        }

        var endsNow = activity.Type == ActivityTypes.EndOfConversation
            || activity.Type == ActivityTypes.Message && IsEndChat(activity.Text);
        if (endsNow)
        {
            await EndAsync(context, "customer", cancellationToken);
            return;
        }

        if (AgentEvents.IsInternal(activity) && activity.Name == SurveyEvents.Inactive)
        {
            if (state.EndedAt is null && state.Handoff is HandoffPhase.Bot) await EndAsync(context, "inactivity", cancellationToken);
            return;
        }

        await next(cancellationToken);

        if (AgentEvents.IsInternal(activity) && activity.Name == AgentEvents.End && state.Handoff == HandoffPhase.Bot)
            await EndAsync(context, "agent", cancellationToken);
        else if (context.TurnState.GetValueOrDefault(SupportBot.AnswerKey) is KnowledgeAnswer { Smalltalk: SmalltalkKind.Goodbye })
            await EndAsync(context, "customer", cancellationToken);
        else if (context.TurnState.GetValueOrDefault(SupportBot.AnswerKey) is KnowledgeAnswer answer && activity.Id is { } id && !IsOutburst(context))
            await surveys.RecordUnansweredAsync(id, context.Conversation.Id, activity.Text ?? "", answer, context.Time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// "THIS IS RIDICULOUS!!!" is frustration for the handoff policy, not a question an article could answer,
    /// so it is kept out of the knowledge-base gaps (it still counts in sentiment and escalations).
    /// </summary>
    private bool IsOutburst(TurnContext context) =>
        context.TurnState.GetValueOrDefault(SentimentMiddleware.MessageKey) is SentimentResult sentiment
        && sentiment.Score <= handoff.Value.StrongNegativeScore;

    private static bool IsAwaitingAnswer(SurveyPhase phase) =>
        phase is SurveyPhase.AskedSatisfaction or SurveyPhase.AskedEffort or SurveyPhase.OfferedFollowUp or SurveyPhase.AskedComment;

    private static bool IsEndChat(string? text) =>
        text is not null && (text.Equals(SurveyTexts.Polish.EndChat, StringComparison.OrdinalIgnoreCase)
            || text.Equals(SurveyTexts.English.EndChat, StringComparison.OrdinalIgnoreCase));

    private async Task EndAsync(TurnContext context, string endedBy, CancellationToken cancellationToken)
    {
        var state = context.State;
        state.EndedAt ??= context.Time.GetUtcNow();
        state.EndedBy ??= endedBy;
        var openQuestion = state.Handoff is not HandoffPhase.Bot;
        if (state.Survey == SurveyPhase.NotAsked && !openQuestion)
        {
            state.Survey = SurveyPhase.AskedSatisfaction;
            var texts = SurveyTexts.For(state.Language);
            await AskAsync(context, texts.AskSatisfaction, texts.Scale, cancellationToken);
        }

        await SaveAsync(context, cancellationToken);
    }

    /// <summary>Handles an answer to the survey; false when the message is not one (the survey is then dropped and the bot answers it).</summary>
    private async Task<bool> OnAnswerAsync(TurnContext context, string text, CancellationToken cancellationToken)
    {
        var state = context.State;
        var texts = SurveyTexts.For(state.Language);
        switch (state.Survey)
        {
            case SurveyPhase.AskedSatisfaction when RatingParser.Parse(text) is { } csat:
                state.Csat = csat;
                if (state.LastAgentName is not null && options.Value.AskEffortAfterAgent)
                {
                    state.Survey = SurveyPhase.AskedEffort;
                    await AskAsync(context, texts.AskEffort, texts.Scale, cancellationToken);
                }
                else
                {
                    await AskCommentAsync(context, texts, cancellationToken);
                }

                break;
            case SurveyPhase.AskedEffort when RatingParser.Parse(text) is { } ces:
                state.Ces = ces;
                if (ces <= 2)
                {
                    state.Survey = SurveyPhase.OfferedFollowUp;
                    await AskAsync(context, texts.OfferFollowUp, [texts.FollowUpYes, texts.FollowUpNo], cancellationToken);
                }
                else
                {
                    await AskCommentAsync(context, texts, cancellationToken);
                }

                break;
            case SurveyPhase.OfferedFollowUp when HandoffReplies.IsYes(text) || text == texts.FollowUpYes:
                var ticket = new Ticket($"T-{context.Time.GetUtcNow():yyMMdd}-{Random.Shared.Next(1000, 9999)}", context.Conversation.Id, state.Language,
                    "low-effort-score", $"Follow-up requested after a Customer Effort Score of {state.Ces}.", context.Time.GetUtcNow());
                await documents.PutAsync(TicketStore.Collection, ticket.Id, JsonSerializer.SerializeToUtf8Bytes(ticket, HandoffJsonContext.Default.Ticket), cancellationToken);
                await context.SendTextAsync(string.Format(CultureInfo.InvariantCulture, texts.FollowUpCreated, ticket.Id), cancellationToken);
                await AskCommentAsync(context, texts, cancellationToken);
                break;
            case SurveyPhase.OfferedFollowUp:
                await AskCommentAsync(context, texts, cancellationToken);
                break;
            case SurveyPhase.AskedComment:
                if (!text.Equals(texts.Skip, StringComparison.OrdinalIgnoreCase)) state.SurveyComment = text.Length > 2000 ? text[..2000] : text;
                state.Survey = SurveyPhase.Done;
                await context.SendTextAsync(texts.ThankYou, cancellationToken);
                break;
            default:
                return false;
        }

        await SaveAsync(context, cancellationToken);
        return true;
    }

    private static Task AskCommentAsync(TurnContext context, SurveyTexts texts, CancellationToken cancellationToken)
    {
        context.State.Survey = SurveyPhase.AskedComment;
        return AskAsync(context, texts.AskComment, [texts.Skip], cancellationToken);
    }

    private static Task AskAsync(TurnContext context, string question, string[] choices, CancellationToken cancellationToken)
    {
        var reply = context.Activity.CreateReply(question);
        reply.From = BotIdentity.Account;
        reply.Recipient = new ChannelAccount { Id = context.Conversation.UserId ?? "user", Role = "user" };
        reply.InputHint = "expectingInput";
        reply.Locale = Turns.Languages.ToLocale(context.State.Language);
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [.. choices.Select(c => CardAction.ImBack(c, c.Split(' ')[0].Length == 1 && char.IsDigit(c[0]) ? c[..1] : c))],
        };
        return context.SendActivityAsync(reply, cancellationToken);
    }

    private Task SaveAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        var ended = state.EndedAt ?? context.Time.GetUtcNow();
        var started = context.Conversation.CreatedAt;
        return surveys.SaveAsync(new SurveyResponse(
            context.Conversation.Id, started, ended, state.Language,
            ResolvedBy: state.LastAgentName is null ? "bot" : "agent",
            EndedBy: state.EndedBy ?? "customer",
            Agent: state.LastAgentName,
            Articles: [.. state.ArticlesUsed.Distinct()],
            state.EscalationReason,
            state.CustomerMessages, state.Csat, state.Ces, state.SurveyComment,
            SentimentStart: state.SentimentAtStart,
            SentimentEnd: state.SentimentNow,
            FirstResponseSeconds: state.FirstCustomerMessageAt is { } first && state.FirstBotReplyAt is { } reply ? (reply - first).TotalSeconds : null,
            state.WaitSeconds,
            TotalSeconds: (ended - started).TotalSeconds), cancellationToken);
    }
}
