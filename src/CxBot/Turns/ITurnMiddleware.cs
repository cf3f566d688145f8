namespace CxBot.Turns;

/// <summary>Runs the rest of the pipeline.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>
/// One step every activity passes through before it reaches the bot, as in the Bot Framework: do work,
/// then call <paramref name="next"/> (or don't, to handle the turn yourself), then do more work.
/// </summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken);
}
