namespace CxBot.Turns;

/// <summary>The end of the pipeline: decides what to say.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken);
}
