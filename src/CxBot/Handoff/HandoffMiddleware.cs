using System.Text.Json;
using CxBot.Activities;
using CxBot.Texts;
using CxBot.Turns;
using Microsoft.Extensions.Options;

namespace CxBot.Handoff;

/// <summary>
/// The agent desk's side of a handoff: accept, the agent's messages and typing, return to the bot, end, transfer,
/// disconnect and queue changes arrive as internal events through the conversation's own turn queue, so they never
/// race the customer's turns. What a customer's message does in each phase is the conversation flow's
/// (<see cref="Bot.SupportBot"/>).
/// </summary>
public sealed class HandoffMiddleware(
    HandoffService handoff,
    HandoffQueue queue,
    AgentRegistry agents,
    WaitEstimator estimator,
    TextCatalog catalog,
    IOptions<HandoffOptions> options) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        if (AgentEvents.IsInternal(context.Activity)) await OnAgentEventAsync(context, cancellationToken);
        else await next(cancellationToken);
    }

    private async Task OnAgentEventAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var state = context.State;
        var texts = catalog.For(state.Language);
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
                await context.SendTextAsync(texts.Format("agent_joined", ("agent", agentName)), cancellationToken);
                break;
            case AgentEvents.Message when isMine && !string.IsNullOrWhiteSpace(value):
                await context.SendActivityAsync(new Activity
                {
                    Type = ActivityTypes.Message, Text = value, TextFormat = TextFormats.Plain, From = AgentEvents.Identity(agentId, agentName),
                    Locale = Languages.ToLocale(state.Language),
                }, cancellationToken);
                break;
            case AgentEvents.Typing when isMine:
                await context.SendActivityAsync(new Activity { Type = ActivityTypes.Typing, From = AgentEvents.Identity(agentId, agentName) }, cancellationToken);
                break;
            case AgentEvents.ReturnToBot or AgentEvents.End when isMine:
                ReleaseAgent(context.Conversation.Id, state, now);
                state.Handoff = HandoffPhase.Bot;
                await context.SendActivityAsync(HandoffEvents.StatusEvent("completed", activity.Name == AgentEvents.End ? "ended by agent" : "returned to bot", agentName), cancellationToken);
                await context.SendTextAsync(texts[activity.Name == AgentEvents.End ? "agent_ended" : "returned_to_bot"], cancellationToken);
                break;
            case AgentEvents.Transfer or AgentEvents.TransferToTeam or AgentEvents.Disconnected when isMine:
                ReleaseAgent(context.Conversation.Id, state, now);
                if (activity.Name == AgentEvents.TransferToTeam) state.Team = value;
                await queue.EnqueueAsync(new QueueEntry(context.Conversation.Id, state.Language, state.HandoffReason ?? HandoffReason.CustomerRequest,
                    now, Urgent: HandoffReason.IsProtected(state.HandoffReason), Returned: true, await handoff.SummaryAsync(context, cancellationToken),
                    state.SentimentNow ?? 0, PreferredAgentId: activity.Name == AgentEvents.Transfer ? value : null, Team: state.Team), cancellationToken);
                state.Handoff = HandoffPhase.Queued;
                state.LastToldPosition = 1;
                await context.SendTextAsync(texts[activity.Name == AgentEvents.Disconnected ? "agent_disconnected" : "transferred"], cancellationToken);
                break;
            case AgentEvents.QueueChanged when state.Handoff == HandoffPhase.Queued:
                var position = await queue.PositionOfAsync(context.Conversation.Id, cancellationToken);
                if (position > 0 && Math.Abs(position - state.LastToldPosition) >= options.Value.PositionChangeWorthTelling)
                    await handoff.TellPositionAsync(context, HandoffService.PositionNews.Update, cancellationToken);
                break;
        }
    }

    private void ReleaseAgent(string conversationId, Conversations.ConversationState state, DateTimeOffset now)
    {
        if (state.AgentId is { } agentId) agents.Release(agentId, conversationId);
        if (state.AgentJoinedAt is { } joined) estimator.RecordHandleTime(now - joined, state.Team);
        state.AgentId = null;
        state.AgentJoinedAt = null;
    }
}
