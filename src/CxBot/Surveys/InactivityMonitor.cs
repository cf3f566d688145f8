using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Turns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Surveys;

/// <summary>
/// Every 30 seconds: ends conversations whose customer has gone quiet, so they are surveyed and counted, by
/// sending them an inactivity event; and has customer messages that were never answered (their instance stopped
/// before their turn ran) answered late rather than never. A sweep reads only the <see cref="OpenConversations"/>;
/// the first sweep after start reads every conversation once, so conversations opened before that list existed,
/// missed by a crash between a turn's writes, or whose first message was lost, are listed too.
/// </summary>
public sealed partial class InactivityMonitor(
    IConversationStore store,
    OpenConversations open,
    TurnDispatcher dispatcher,
    IOptions<SurveyOptions> options,
    TimeProvider time,
    ILogger<InactivityMonitor> logger) : BackgroundService
{
    private bool _listChecked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await SweepAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { LogSweepFailed(logger, e); }
        }
    }

    /// <summary>One pass over the open conversations; returns how many were ended.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var everything = !_listChecked;
        var ids = everything ? [.. (await store.ListAsync(cancellationToken)).Select(c => c.Id)] : await open.ListAsync(cancellationToken);
        var cutoff = time.GetUtcNow().AddMinutes(-options.Value.InactivityMinutes);
        var ended = 0;
        foreach (var id in ids)
        {
            var conversation = await store.GetAsync(id, cancellationToken);
            ConversationState? state = null;
            try { state = conversation is null ? null : await store.LoadStateAsync(id, cancellationToken); }
            catch (ConversationNotFoundException) { conversation = null; }
            if (conversation is null || state is { EndedAt: not null })
            {
                // Ended, erased or purged: nothing to watch any more. (A conversation whose first turn has not
                // saved its state yet has no state but exists, and stays listed.)
                if (!everything) await open.RemoveAsync(id, cancellationToken);
                continue;
            }

            if (state is null) continue;
            var pending = state.Handoff != HandoffPhase.WithAgent && IsRecent(conversation, state)
                && (await dispatcher.RecoverUnansweredAsync(conversation, state, cancellationToken)).Pending;
            if (!OpenConversations.IsOpen(state))
            {
                // A first message whose turn never ran: listed until it can be told lost and run again.
                if (pending && everything) await open.AddAsync(id, cancellationToken);
                else if (!pending && !everything) await open.RemoveAsync(id, cancellationToken);
                continue;
            }

            if (everything && !state.ListedOpen) await open.AddAsync(id, cancellationToken);
            if (state.LastCustomerMessageAt > cutoff || state.Handoff != HandoffPhase.Bot) continue;
            await dispatcher.DispatchAsync(conversation, AgentEvents.Create(SurveyEvents.Inactive, id, "cxbot", "CxBot"));
            ended++;
        }

        _listChecked = true;
        return ended;
    }

    /// <summary>Only conversations active in the last day are looked at for lost messages (the first sweep reads them all).</summary>
    private bool IsRecent(Conversation conversation, ConversationState state) =>
        (state.LastCustomerMessageAt ?? conversation.CreatedAt) > time.GetUtcNow().AddDays(-1);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inactivity sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
