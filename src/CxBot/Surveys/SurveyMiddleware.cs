using CxBot.Activities;
using CxBot.Handoff;
using CxBot.Turns;

namespace CxBot.Surveys;

/// <summary>
/// Ends conversations that end outside the customer's words: the agent ends it, Direct Line's endOfConversation, or a
/// stretch of inactivity. (A goodbye or "End chat" is the conversation flow's.) It also keeps the list of open
/// conversations the inactivity monitor sweeps.
/// </summary>
public sealed class SurveyMiddleware(SurveyService survey, OpenConversations open) : ITurnMiddleware
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
        if (activity.Type == ActivityTypes.EndOfConversation)
        {
            await survey.EndAsync(context, "customer", cancellationToken);
            return;
        }

        if (AgentEvents.IsInternal(activity) && activity.Name == SurveyEvents.Inactive)
        {
            if (state.EndedAt is null && state.Handoff is HandoffPhase.Bot) await survey.EndAsync(context, "inactivity", cancellationToken);
            return;
        }

        await next(cancellationToken);

        if (AgentEvents.IsInternal(activity) && activity.Name == AgentEvents.End && state.Handoff == HandoffPhase.Bot)
            await survey.EndAsync(context, "agent", cancellationToken);
    }
}
