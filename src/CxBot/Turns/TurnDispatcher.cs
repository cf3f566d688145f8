using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Storage;
using Microsoft.Extensions.Logging;

namespace CxBot.Turns;

/// <summary>
/// Where channels hand in customer activities. <see cref="AcceptAsync"/> stores the activity (so the
/// channel can echo it with its id at once) and queues its turn; turns of one conversation run one
/// after another in the order their activities were stored, turns of different conversations in parallel.
/// With several instances on one store, <see cref="IConversationLock"/> keeps a conversation's turns on
/// different instances from overlapping. If the store is unreachable, a queued turn waits for it. A message
/// whose instance stopped before its turn ran is found by <see cref="RecoverUnansweredAsync"/> and answered late
/// rather than never.
/// </summary>
public sealed partial class TurnDispatcher(
    IConversationStore store,
    ActivityLog log,
    TurnPipeline pipeline,
    IConversationLock conversationLock,
    Texts.TextCatalog texts,
    TimeProvider time,
    ILogger<TurnDispatcher> logger)
{
    private readonly SerialQueue _ingress = new();
    private readonly SerialQueue _turns = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>How long a queued turn waits for an unavailable store before it gives up.</summary>
    public static readonly TimeSpan OutagePatience = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(5);

    /// <summary>Stores <paramref name="activity"/> and queues its turn; returns once it is stored.</summary>
    public Task<StoredActivity> AcceptAsync(Conversation conversation, Activity activity, CancellationToken cancellationToken) =>
        _ingress.RunAsync(conversation.Id, async () =>
        {
            var stored = await log.AppendAsync(conversation.Id, activity, cancellationToken);
            Track(_turns.RunAsync(conversation.Id, () => RunTurnAsync(conversation, activity)));
            return stored;
        });

    /// <summary>Queues a turn for an activity the channel does not store, such as the conversationUpdate of a new conversation.</summary>
    public Task DispatchAsync(Conversation conversation, Activity activity)
    {
        var turn = _turns.RunAsync(conversation.Id, () => RunTurnAsync(conversation, activity));
        Track(turn);
        return turn;
    }

    /// <summary>A customer message stored this long ago with no answer after it is taken as lost, and its turn run again.</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(60);

    /// <summary>A customer's turn that starts this late first checks that no one answered the message meanwhile.</summary>
    private static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Runs again the turns of customer messages that were stored but never answered, because the instance that
    /// accepted them stopped before their turns ran. Returns how many it queued, and whether unanswered messages
    /// remain that are too recent to call lost.
    /// </summary>
    public async Task<(int Queued, bool Pending)> RecoverUnansweredAsync(Conversation conversation, ConversationState state, CancellationToken cancellationToken)
    {
        var unanswered = (await UnansweredAsync(conversation.Id, cancellationToken))
            .Where(a => ActivityIds.SequenceOf(a.Id!) > state.LastRecoveredSequence).ToList();
        var now = time.GetUtcNow();
        var lost = unanswered.Where(a => now - a.Timestamp >= LostAfter).ToList();
        foreach (var activity in lost)
        {
            LogRecovering(conversation.Id, activity.Id);
            Track(_turns.RunAsync(conversation.Id, () => RunTurnAsync(conversation, activity, recovering: true)));
        }

        return (lost.Count, unanswered.Count > lost.Count);
    }

    /// <summary>The customer's text messages at the end of the log with nothing from the bot or an agent after them but typing.</summary>
    private async Task<List<Activity>> UnansweredAsync(string conversationId, CancellationToken cancellationToken)
    {
        var tail = (await store.ReadLastAsync(conversationId, 20, cancellationToken)).Select(a => a.ToActivity());
        var trailing = tail.Reverse().TakeWhile(a => a.From?.Role == "user" || a.Type == ActivityTypes.Typing).Reverse();
        return [.. trailing.Where(a => a is { Type: ActivityTypes.Message, Text.Length: > 0, From.Role: "user" })];
    }

    /// <summary>Waits until every queued turn has run; for shutdown and tests.</summary>
    public async Task DrainAsync()
    {
        while (true)
        {
            Task[] running;
            lock (_running) running = [.. _running];
            if (running.Length == 0) return;
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    private void Track(Task turn)
    {
        lock (_running) _running.Add(turn);
        turn.ContinueWith(t => { lock (_running) _running.Remove(t); }, TaskScheduler.Default);
    }

    private async Task RunTurnAsync(Conversation conversation, Activity activity, bool recovering = false)
    {
        IAsyncDisposable held;
        try
        {
            held = await WhileStoreUnavailableAsync(conversation.Id, () => conversationLock.AcquireAsync(conversation.Id, CancellationToken.None));
        }
        catch (Exception e)
        {
            LogTurnFailed(e, conversation.Id, activity.Id);
            await ApologiseAsync(conversation, activity);
            return;
        }

        await using (held) await RunHeldTurnAsync(conversation, activity, recovering);
    }

    private async Task RunHeldTurnAsync(Conversation conversation, Activity activity, bool recovering)
    {
        // A turn is not cancelled by the request that started it: the customer is waiting for its reply.
        var cancellationToken = CancellationToken.None;
        TurnContext context;
        try
        {
            // A customer's turn starting late may have been run meanwhile by recovery on another instance.
            if (activity is { Type: ActivityTypes.Message, From.Role: "user", Timestamp: { } at, Id: { } id } && time.GetUtcNow() - at >= LateAfter
                && !(await WhileStoreUnavailableAsync(conversation.Id, () => UnansweredAsync(conversation.Id, cancellationToken))).Any(a => a.Id == id))
                return;

            // Nothing has happened yet, so a store outage here is simply waited out: the turn runs once it is back.
            var state = await WhileStoreUnavailableAsync(conversation.Id, () => store.LoadStateAsync(conversation.Id, cancellationToken))
                ?? NewState(conversation);
            // A message is run again at most once, even if its turn sends no answer.
            if (recovering) state.LastRecoveredSequence = ActivityIds.SequenceOf(activity.Id!);
            context = new TurnContext(activity, conversation, state, log, time);
        }
        catch (Exception e)
        {
            LogTurnFailed(e, conversation.Id, activity.Id);
            await ApologiseAsync(conversation, activity);
            return;
        }

        try
        {
            await pipeline.RunAsync(context, cancellationToken);
        }
        catch (Exception e)
        {
            // Half a turn may have been sent, so it is not run again; the customer hears that something went wrong.
            LogTurnFailed(e, conversation.Id, activity.Id);
            await ApologiseAsync(conversation, activity);
        }

        try
        {
            await WhileStoreUnavailableAsync(conversation.Id, async () =>
            {
                await store.SaveStateAsync(conversation.Id, context.State, cancellationToken);
                return true;
            });
        }
        catch (Exception e)
        {
            LogTurnFailed(e, conversation.Id, activity.Id);
        }
    }

    private async Task ApologiseAsync(Conversation conversation, Activity activity)
    {
        if (activity.Type != ActivityTypes.Message) return;
        try
        {
            var reply = activity.CreateReply(texts.For(Languages.FromLocale(activity.Locale ?? conversation.Locale))["internal_error"]);
            reply.From ??= BotIdentity.Account;
            await WhileStoreUnavailableAsync(conversation.Id, () => log.AppendAsync(conversation.Id, reply, CancellationToken.None));
        }
        catch (Exception e)
        {
            LogTurnFailed(e, conversation.Id, activity.Id);
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/>, and while the store is unavailable tries again with growing pauses
    /// for up to <see cref="OutagePatience"/>; other failures, and a longer outage, are thrown.
    /// </summary>
    private async Task<T> WhileStoreUnavailableAsync<T>(string conversationId, Func<Task<T>> operation)
    {
        var started = time.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                return await operation();
            }
            catch (Exception e) when (StoreFailures.IsUnavailable(e) && time.GetElapsedTime(started) < OutagePatience)
            {
                LogStoreUnavailable(conversationId, pause.TotalSeconds, e.Message);
                await Task.Delay(pause, time);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
            }
        }
    }

    private static ConversationState NewState(Conversation conversation) =>
        new() { Language = Languages.FromLocale(conversation.Locale) };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unavailable in conversation {ConversationId}; trying again in {Seconds} s: {Reason}")]
    private partial void LogStoreUnavailable(string conversationId, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId}: message {ActivityId} was never answered; running its turn again")]
    private partial void LogRecovering(string conversationId, string? activityId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed in conversation {ConversationId} for activity {ActivityId}")]
    private partial void LogTurnFailed(Exception exception, string conversationId, string? activityId);
}
