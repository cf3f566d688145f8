using CxBot.Activities;
using CxBot.Handoff;
using CxBot.Turns;

namespace CxBot.Surveys;

/// <summary>
/// Ends conversations that end outside the customer's words: the agent ends it, Direct Line's endOfConversation, or a
/// stretch of inactivity. (A goodbye or "End chat" is the conversation flow's.) Which conversations are open for the
/// inactivity monitor the store knows from each saved state.
/// </summary>
public sealed class SurveyMiddleware(SurveyService survey) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
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
