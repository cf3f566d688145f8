using System.Globalization;
using System.Text.Json;
using CxBot.Activities;
using CxBot.Bot;
using CxBot.Conversations;
using CxBot.Knowledge;
using CxBot.Knowledge.Generative;
using CxBot.Sentiment;
using CxBot.Storage;
using CxBot.Turns;
using Microsoft.Extensions.Options;

namespace CxBot.Handoff;

/// <summary>
/// Routes each turn by where the conversation stands: with an agent, the customer's message is left for
/// the agent (it is already in the log the desk reads); in the queue, the customer is told where they stand
/// or can cancel; otherwise the bot answers and the <see cref="HandoffPolicy"/> decides whether to offer
/// or start a handoff. Agent-desk events (accept, message, return, end, transfer, disconnect) arrive here
/// too, through the same per-conversation queue as the customer's turns.
/// </summary>
public sealed class HandoffMiddleware(
    HandoffPolicy policy,
    HandoffQueue queue,
    AgentRegistry agents,
    WaitEstimator estimator,
    BusinessHours hours,
    IDocumentStore documents,
    IConversationStore conversations,
    IGenerativeAnswerer generative,
    IOptions<HandoffOptions> options) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (AgentEvents.IsInternal(activity))
        {
            await OnAgentEventAsync(context, cancellationToken);
            return;
        }

        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            await next(cancellationToken);
            return;
        }

        var state = context.State;
        var text = activity.Text;
        var texts = HandoffTexts.For(state.Language);
        switch (state.Handoff)
        {
            case HandoffPhase.WithAgent:
                return;
            case HandoffPhase.Queued when HandoffReplies.IsCancel(text):
                await queue.RemoveAsync(context.Conversation.Id, cancellationToken);
                state.Handoff = HandoffPhase.Bot;
                await context.SendActivityAsync(HandoffEvents.StatusEvent("failed", "cancelled by the customer"), cancellationToken);
                await context.SendTextAsync(texts.Cancelled, cancellationToken);
                return;
            case HandoffPhase.Queued:
                await TellPositionAsync(context, texts.StillQueued, cancellationToken);
                return;
            case HandoffPhase.TicketOffered when HandoffReplies.IsContinueWithBot(text):
                state.Handoff = HandoffPhase.Bot;
                await context.SendTextAsync(BotTexts.For(state.Language).Hello, cancellationToken);
                return;
            case HandoffPhase.TicketOffered:
                await CreateTicketAsync(context, text, cancellationToken);
                return;
            case HandoffPhase.Offered when HandoffReplies.IsYes(text):
                await InitiateAsync(context, state.HandoffReason ?? HandoffReason.CustomerRequest, cancellationToken);
                return;
            case HandoffPhase.Offered when HandoffReplies.IsNo(text):
                state.Handoff = HandoffPhase.Bot;
                await context.SendTextAsync(texts.StayWithBot, cancellationToken);
                return;
            case HandoffPhase.Offered:
                state.Handoff = HandoffPhase.Bot;
                break;
        }

        await next(cancellationToken);

        var decision = policy.Decide(
            context.TurnState.GetValueOrDefault(SupportBot.AnswerKey) as KnowledgeAnswer,
            context.TurnState.TryGetValue(SentimentMiddleware.MessageKey, out var message) ? (SentimentResult)message : null,
            context.TurnState.GetValueOrDefault(SentimentMiddleware.ConversationKey) as ConversationSentiment,
            state.ConsecutiveFailures,
            state.HandoffOffered);
        switch (decision.Verdict)
        {
            case HandoffVerdict.Escalate:
                await InitiateAsync(context, decision.Reason!, cancellationToken);
                break;
            case HandoffVerdict.Offer when decision.Reason == HandoffReason.EscalationTopic:
                // The article itself already offered a consultant, with a button; remember why if they take it.
                state.HandoffReason = decision.Reason;
                break;
            case HandoffVerdict.Offer:
                state.Handoff = HandoffPhase.Offered;
                state.HandoffOffered = true;
                state.HandoffReason = decision.Reason;
                texts = HandoffTexts.For(state.Language);
                await context.SendTextAsync(decision.Reason == HandoffReason.Frustration ? texts.OfferOnFrustration : texts.Offer, cancellationToken,
                    new SuggestedActions { Actions = [CardAction.ImBack(texts.OfferYes), CardAction.ImBack(texts.OfferNo)] });
                break;
        }
    }

    /// <summary>Starts a handoff: the handoff.initiate event always; then the queue, or an honest "nobody can take it now".</summary>
    private async Task InitiateAsync(TurnContext context, string reason, CancellationToken cancellationToken)
    {
        var state = context.State;
        var texts = HandoffTexts.For(state.Language);
        state.HandoffReason = reason;
        state.Escalated = true;
        await context.SendActivityAsync(HandoffEvents.InitiateEvent(context.Conversation.Id, reason, state.Language), cancellationToken);

        var open = hours.IsOpen();
        if (!open || !agents.Snapshot().Any(a => a.IsOnline))
        {
            state.Handoff = HandoffPhase.TicketOffered;
            await context.SendActivityAsync(HandoffEvents.StatusEvent("failed", open ? "no agent online" : "outside business hours"), cancellationToken);
            await context.SendTextAsync(open ? texts.NoAgentOnline : texts.OutsideHours, cancellationToken,
                new SuggestedActions { Actions = [CardAction.ImBack(texts.ContinueWithBot)] });
            return;
        }

        var sentiment = state.SentimentNow ?? 0;
        var entry = new QueueEntry(context.Conversation.Id, state.Language, reason, context.Time.GetUtcNow(),
            Urgent: sentiment <= options.Value.StrongNegativeScore, Returned: false, await SummaryAsync(context, cancellationToken), sentiment);
        await queue.EnqueueAsync(entry, cancellationToken);
        state.Handoff = HandoffPhase.Queued;
        state.QueuedAt = entry.EnqueuedAt;
        state.LastToldPosition = 0;
        await TellPositionAsync(context, null, cancellationToken);
    }

    private async Task TellPositionAsync(TurnContext context, string? stillQueuedTemplate, CancellationToken cancellationToken)
    {
        var state = context.State;
        var texts = HandoffTexts.For(state.Language);
        var position = await queue.PositionOfAsync(context.Conversation.Id, cancellationToken);
        if (position == 0) return;
        state.LastToldPosition = position;
        var minutes = estimator.EstimateMinutes(position);
        string text;
        if (stillQueuedTemplate is not null)
        {
            var wait = minutes is { } m && m > 0 ? string.Format(CultureInfo.InvariantCulture, state.Language == "en" ? ", about {0} min" : ", około {0} min", m) : "";
            text = string.Format(CultureInfo.InvariantCulture, stillQueuedTemplate, position, wait);
        }
        else
        {
            text = minutes switch
            {
                null => string.Format(CultureInfo.InvariantCulture, texts.QueuedNoEstimate, position),
                0 => string.Format(CultureInfo.InvariantCulture, texts.QueuedSoon, position),
                var m => string.Format(CultureInfo.InvariantCulture, texts.Queued, position, m),
            };
        }

        await context.SendTextAsync(text, cancellationToken, new SuggestedActions { Actions = [CardAction.ImBack(texts.CancelWaiting)] });
    }

    private async Task CreateTicketAsync(TurnContext context, string message, CancellationToken cancellationToken)
    {
        var state = context.State;
        var ticket = new Ticket($"T-{context.Time.GetUtcNow():yyMMdd}-{Random.Shared.Next(1000, 9999)}", context.Conversation.Id, state.Language,
            state.HandoffReason ?? HandoffReason.CustomerRequest, message, context.Time.GetUtcNow());
        await documents.PutAsync(TicketStore.Collection, ticket.Id, JsonSerializer.SerializeToUtf8Bytes(ticket, HandoffJsonContext.Default.Ticket), cancellationToken);
        state.Handoff = HandoffPhase.Bot;
        await context.SendTextAsync(string.Format(CultureInfo.InvariantCulture, HandoffTexts.For(state.Language).TicketCreated, ticket.Id), cancellationToken);
    }

    private async Task OnAgentEventAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var state = context.State;
        var texts = HandoffTexts.For(state.Language);
        var agentId = activity.From!.Id!;
        var agentName = activity.From.Name ?? agentId;
        var value = activity.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
        var isMine = state.Handoff == HandoffPhase.WithAgent && state.AgentId == agentId;
        var now = context.Time.GetUtcNow();
        switch (activity.Name)
        {
            case AgentEvents.Accept when state.Handoff == HandoffPhase.Queued:
                await queue.RemoveAsync(context.Conversation.Id, cancellationToken);
                state.Handoff = HandoffPhase.WithAgent;
                state.AgentId = agentId;
                state.AgentName = agentName;
                state.LastAgentName = agentName;
                state.AgentJoinedAt = now;
                if (state.QueuedAt is { } queuedAt) state.WaitSeconds ??= (now - queuedAt).TotalSeconds;
                await context.SendActivityAsync(HandoffEvents.StatusEvent("accepted", agent: agentName), cancellationToken);
                await context.SendTextAsync(string.Format(CultureInfo.InvariantCulture, texts.AgentJoined, agentName), cancellationToken);
                break;
            case AgentEvents.Message when isMine && !string.IsNullOrWhiteSpace(value):
                await context.SendActivityAsync(new Activity
                {
                    Type = ActivityTypes.Message, Text = value, TextFormat = TextFormats.Plain, From = AgentEvents.Identity(agentId, agentName),
                    Locale = Turns.Languages.ToLocale(state.Language),
                }, cancellationToken);
                break;
            case AgentEvents.Typing when isMine:
                await context.SendActivityAsync(new Activity { Type = ActivityTypes.Typing, From = AgentEvents.Identity(agentId, agentName) }, cancellationToken);
                break;
            case AgentEvents.ReturnToBot or AgentEvents.End when isMine:
                ReleaseAgent(context.Conversation.Id, state, now);
                state.Handoff = HandoffPhase.Bot;
                await context.SendActivityAsync(HandoffEvents.StatusEvent("completed", activity.Name == AgentEvents.End ? "ended by agent" : "returned to bot", agentName), cancellationToken);
                await context.SendTextAsync(activity.Name == AgentEvents.End ? texts.AgentEnded : texts.ReturnedToBot, cancellationToken);
                break;
            case AgentEvents.Transfer or AgentEvents.Disconnected when isMine:
                ReleaseAgent(context.Conversation.Id, state, now);
                await queue.EnqueueAsync(new QueueEntry(context.Conversation.Id, state.Language, state.HandoffReason ?? HandoffReason.CustomerRequest,
                    now, Urgent: false, Returned: true, await SummaryAsync(context, cancellationToken), state.SentimentNow ?? 0,
                    PreferredAgentId: activity.Name == AgentEvents.Transfer ? value : null), cancellationToken);
                state.Handoff = HandoffPhase.Queued;
                state.LastToldPosition = 1;
                await context.SendTextAsync(activity.Name == AgentEvents.Transfer ? texts.Transferred : texts.AgentDisconnected, cancellationToken);
                break;
            case AgentEvents.QueueChanged when state.Handoff == HandoffPhase.Queued:
                var position = await queue.PositionOfAsync(context.Conversation.Id, cancellationToken);
                if (position > 0 && Math.Abs(position - state.LastToldPosition) >= options.Value.PositionChangeWorthTelling)
                    await TellPositionAsync(context, PositionUpdate(state.Language), cancellationToken);
                break;
        }
    }

    private static string PositionUpdate(string language) =>
        language == "en" ? "Update: you are now **#{0}** in the queue{1}." : "Aktualizacja: jesteś teraz **{0}.** w kolejce{1}.";

    private void ReleaseAgent(string conversationId, Conversations.ConversationState state, DateTimeOffset now)
    {
        if (state.AgentId is { } agentId) agents.Release(agentId, conversationId);
        if (state.AgentJoinedAt is { } joined) estimator.RecordHandleTime(now - joined);
        state.AgentId = null;
        state.AgentJoinedAt = null;
    }

    /// <summary>
    /// What the customer wants, for the queue: with an LLM configured, one sentence it writes from the customer's
    /// recent messages; otherwise, or if it fails, the articles tried and the last message.
    /// </summary>
    private async Task<string> SummaryAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (!generative.IsEnabled) return Summary(context);
        var recent = (await conversations.ReadLastAsync(context.Conversation.Id, 60, cancellationToken))
            .Select(a => a.ToActivity())
            .Where(a => a is { Type: ActivityTypes.Message, From.Role: "user", Text.Length: > 0 })
            .Select(a => a.Text!)
            .TakeLast(6)
            .ToList();
        return await generative.SummariseAsync(recent, context.State.Language, cancellationToken) ?? Summary(context);
    }

    /// <summary>What the customer wants, for the agent's queue: the articles the bot matched and the last words of the customer.</summary>
    private static string Summary(TurnContext context)
    {
        var articles = context.State.ArticlesUsed.TakeLast(2).ToList();
        var last = context.Activity.Type == ActivityTypes.Message ? context.Activity.Text ?? "" : "";
        if (last.Length > 140) last = last[..140] + "…";
        return articles.Count > 0 ? $"[{string.Join(", ", articles)}] {last}" : last;
    }
}
