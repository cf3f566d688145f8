using CxBot.Turns;

namespace CxBot.Web.Hosting;

/// <summary>On shutdown, lets turns already queued finish, so a reply the customer is waiting for is stored.</summary>
public sealed class DrainTurnsOnShutdown(TurnDispatcher dispatcher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => dispatcher.DrainAsync().WaitAsync(cancellationToken);
}
