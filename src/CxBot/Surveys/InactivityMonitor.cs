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
/// before their turn ran) answered late rather than never. A sweep asks the store for the open conversations
/// (it indexes them from each saved state); the first sweep after start also looks at every conversation active
/// in the last day that has not ended, so one whose first message was lost (no customer message in its state yet) is found.
/// </summary>
public sealed partial class InactivityMonitor(
    IConversationStore store,
    TurnDispatcher dispatcher,
    IOptions<SurveyOptions> options,
    TimeProvider time,
    ILogger<InactivityMonitor> logger) : BackgroundService
{
    private bool _listChecked;

    // Conversations whose first message may be lost but was too recent to tell (not open, so not listed by the store).
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);

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
        var now = time.GetUtcNow();
        IEnumerable<Conversation> conversations = await store.ListOpenAsync(null, cancellationToken);
        if (!_listChecked) conversations = conversations.Concat(await store.ListUnendedAsync(now.AddDays(-1), cancellationToken));
        foreach (var id in _pending.ToList())
            if (await store.GetAsync(id, cancellationToken) is { } waiting) conversations = conversations.Append(waiting);
        _pending.Clear();
        var cutoff = now.AddMinutes(-options.Value.InactivityMinutes);
        var ended = 0;
        foreach (var conversation in conversations.DistinctBy(c => c.Id).ToList())
        {
            ConversationState? state;
            try { state = await store.LoadStateAsync(conversation.Id, cancellationToken); }
            catch (ConversationNotFoundException) { continue; }
            // Ended, or erased or purged since it was listed: nothing to watch any more.
            if (state is null or { EndedAt: not null }) continue;
            var pending = state.Handoff != HandoffPhase.WithAgent && IsRecent(conversation, state)
                && (await dispatcher.RecoverUnansweredAsync(conversation, state, cancellationToken)).Pending;
            if (!OpenConversations.IsOpen(state))
            {
                if (pending) _pending.Add(conversation.Id);
                continue;
            }

            if (state.LastCustomerMessageAt > cutoff || state.Handoff != HandoffPhase.Bot) continue;
            await dispatcher.DispatchAsync(conversation, AgentEvents.Create(SurveyEvents.Inactive, conversation.Id, "cxbot", "CxBot"));
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
