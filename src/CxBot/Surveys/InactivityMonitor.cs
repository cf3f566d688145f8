using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Turns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Surveys;

/// <summary>Ends conversations whose customer has gone quiet, so they are surveyed and counted, by sending them an inactivity event.</summary>
public sealed partial class InactivityMonitor(
    IConversationStore store,
    TurnDispatcher dispatcher,
    IOptions<SurveyOptions> options,
    TimeProvider time,
    ILogger<InactivityMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await SweepAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { LogSweepFailed(logger, e); }
        }
    }

    /// <summary>One pass over the conversations; returns how many were ended.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddMinutes(-options.Value.InactivityMinutes);
        var ended = 0;
        foreach (var conversation in await store.ListAsync(cancellationToken))
        {
            var state = await store.LoadStateAsync(conversation.Id, cancellationToken);
            if (state is not { EndedAt: null, LastCustomerMessageAt: { } last } || last > cutoff || state.Handoff != HandoffPhase.Bot) continue;
            await dispatcher.DispatchAsync(conversation, AgentEvents.Create(SurveyEvents.Inactive, conversation.Id, "cxbot", "CxBot"));
            ended++;
        }

        return ended;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inactivity sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
