using System.Text.Json;
using CxBot.Activities;
using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Texts;
using CxBot.Turns;
using CxBot.Understanding;
using Microsoft.Extensions.Options;

namespace CxBot.Surveys;

/// <summary>
/// Ends conversations well: the one CSAT question (1–5) when a conversation ends (goodbye, "End chat", the agent ends it,
/// inactivity), for agent-handled ones also how easy it was (a low score offers a follow-up by a person), then an
/// optional comment. It never asks twice. The conversation's facts are saved with the answers, for the dashboard.
/// </summary>
public sealed class SurveyService(SurveyStore surveys, IDocumentStore documents, TextCatalog catalog, IOptions<SurveyOptions> options)
{
    public static bool IsAwaitingAnswer(SurveyPhase phase) =>
        phase is SurveyPhase.AskedSatisfaction or SurveyPhase.AskedEffort or SurveyPhase.OfferedFollowUp or SurveyPhase.AskedComment;

    /// <summary>Ends the conversation and asks the CSAT question, unless it was asked before or a person still has the conversation.</summary>
    public async Task EndAsync(TurnContext context, string endedBy, CancellationToken cancellationToken)
    {
        var state = context.State;
        state.EndedAt ??= context.Time.GetUtcNow();
        state.EndedBy ??= endedBy;
        if (state.Survey == SurveyPhase.NotAsked && state.Handoff is HandoffPhase.Bot)
        {
            state.Survey = SurveyPhase.AskedSatisfaction;
            var texts = catalog.For(state.Language);
            await AskAsync(context, texts["survey_satisfaction"], [.. texts.List("survey_scale")], cancellationToken);
        }

        await SaveAsync(context, cancellationToken);
    }

    /// <summary>
    /// Handles a message while the survey waits for an answer; false when it is not one (the survey is then dropped and the
    /// flow handles the message as any other).
    /// </summary>
    public async Task<bool> OnAnswerAsync(TurnContext context, MessageReading reading, CancellationToken cancellationToken)
    {
        var state = context.State;
        var text = reading.Text;
        var texts = catalog.For(state.Language);
        switch (state.Survey)
        {
            case SurveyPhase.AskedSatisfaction when RatingParser.Parse(text) is { } csat:
                state.Csat = csat;
                if (state.LastAgentName is not null && options.Value.AskEffortAfterAgent)
                {
                    state.Survey = SurveyPhase.AskedEffort;
                    await AskAsync(context, texts["survey_effort"], [.. texts.List("survey_scale")], cancellationToken);
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
                    await AskAsync(context, texts["survey_offer_follow_up"], [texts["survey_follow_up_yes"], texts["survey_follow_up_no"]], cancellationToken);
                }
                else
                {
                    await AskCommentAsync(context, texts, cancellationToken);
                }

                break;
            case SurveyPhase.OfferedFollowUp when text == texts["survey_follow_up_yes"] || reading.Has(MessageActs.Yes):
                var now = context.Time.GetUtcNow();
                var ticket = new Ticket($"T-{now:yyMMdd}-{Random.Shared.Next(1000, 9999)}", context.Conversation.Id, state.Language,
                    "low-effort-score", $"Follow-up requested after a Customer Effort Score of {state.Ces}.", now);
                await documents.PutAsync(TicketStore.Collection, ticket.Id, JsonSerializer.SerializeToUtf8Bytes(ticket, HandoffJsonContext.Default.Ticket), cancellationToken);
                await context.SendTextAsync(texts.Format("survey_follow_up_created", ("ticket", ticket.Id)), cancellationToken);
                await AskCommentAsync(context, texts, cancellationToken);
                break;
            case SurveyPhase.OfferedFollowUp:
                await AskCommentAsync(context, texts, cancellationToken);
                break;
            case SurveyPhase.AskedComment:
                if (!text.Equals(texts["survey_skip"], StringComparison.OrdinalIgnoreCase)) state.SurveyComment = text.Length > 2000 ? text[..2000] : text;
                state.Survey = SurveyPhase.Done;
                await context.SendTextAsync(texts["survey_thank_you"], cancellationToken);
                break;
            case SurveyPhase.AskedSatisfaction or SurveyPhase.AskedEffort when reading.IsConversational || reading.Has(MessageActs.Goodbye):
                // "thanks, bye" instead of a number: the question stays unanswered, and is not asked again.
                state.Survey = SurveyPhase.Done;
                await context.SendTextAsync(texts["goodbye"], cancellationToken);
                break;
            default:
                return false;
        }

        await SaveAsync(context, cancellationToken);
        return true;
    }

    private static Task AskCommentAsync(TurnContext context, TextSet texts, CancellationToken cancellationToken)
    {
        context.State.Survey = SurveyPhase.AskedComment;
        return AskAsync(context, texts["survey_comment"], [texts["survey_skip"]], cancellationToken);
    }

    private static Task AskAsync(TurnContext context, string question, string[] choices, CancellationToken cancellationToken)
    {
        var reply = context.Activity.CreateReply(question);
        reply.From = BotIdentity.Account;
        reply.Recipient = new ChannelAccount { Id = context.Conversation.UserId ?? "user", Role = "user" };
        reply.InputHint = "expectingInput";
        reply.Locale = Languages.ToLocale(context.State.Language);
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [.. choices.Select(c => CardAction.ImBack(c, c.Split(' ')[0].Length == 1 && char.IsDigit(c[0]) ? c[..1] : c))],
        };
        return context.SendActivityAsync(reply, cancellationToken);
    }

    public Task SaveAsync(TurnContext context, CancellationToken cancellationToken)
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
            TotalSeconds: (ended - started).TotalSeconds,
            Team: state.QueuedAt is null ? null : state.Team ?? Analytics.TeamSlice.General), cancellationToken);
    }
}
