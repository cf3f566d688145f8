namespace CxBot.Turns;

/// <summary>Runs a turn through the middleware, in registration order, into the bot.</summary>
public sealed class TurnPipeline(IEnumerable<ITurnMiddleware> middleware, IBot bot)
{
    private readonly ITurnMiddleware[] _middleware = middleware.ToArray();

    public async Task RunAsync(TurnContext context, CancellationToken cancellationToken)
    {
        await Step(0, context, cancellationToken);
        // Whatever the turn sent without waiting for (a typing indicator) is stored before the turn is over.
        await context.CompleteAsync();
    }

    private Task Step(int index, TurnContext context, CancellationToken cancellationToken) =>
        index == _middleware.Length
            ? bot.OnTurnAsync(context, cancellationToken)
            : _middleware[index].OnTurnAsync(context, ct => Step(index + 1, context, ct), cancellationToken);
}
