using CxBot.Activities;
using CxBot.Conversations;

namespace CxBot.Turns;

/// <summary>Everything one turn works with: the incoming activity, the conversation's state, and a way to reply.</summary>
public sealed class TurnContext(Activity activity, Conversation conversation, ConversationState state, ActivityLog log, TimeProvider time)
{
    private readonly List<Activity> _sent = [];
    private Task? _unawaited;

    public Activity Activity { get; } = activity;
    public Conversation Conversation { get; } = conversation;

    /// <summary>Saved at the end of the turn, whatever the bot or a middleware changed in it.</summary>
    public ConversationState State { get; } = state;

    public TimeProvider Time { get; } = time;

    /// <summary>What this turn has sent so far, in order.</summary>
    public IReadOnlyList<Activity> Sent => _sent;

    /// <summary>Values middleware leaves for later steps of the same turn (e.g. the message's sentiment).</summary>
    public Dictionary<string, object> TurnState { get; } = new(StringComparer.Ordinal);

    /// <summary>The bot's identity in this conversation.</summary>
    public ChannelAccount Bot => Activity.Recipient ?? BotIdentity.Account;

    public async Task<StoredActivity> SendActivityAsync(Activity reply, CancellationToken cancellationToken)
    {
        reply.From ??= Bot;
        reply.Recipient ??= Activity.From;
        reply.ReplyToId ??= Activity.Id;
        reply.Locale ??= Activity.Locale;
        var stored = await log.AppendAsync(Conversation.Id, reply, cancellationToken);
        _sent.Add(reply);
        return stored;
    }

    public Task<StoredActivity> SendTextAsync(string text, CancellationToken cancellationToken, SuggestedActions? suggestedActions = null)
    {
        var reply = Activity.CreateReply(text);
        reply.SuggestedActions = suggestedActions;
        return SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>
    /// A typing indicator, as Web Chat shows it: from the bot, with its display name. The turn does not wait for it
    /// to be stored: it is appended ahead of what the turn sends next (the stores keep the order appends are started in)
    /// and commits with it, so a turn makes one durable write fewer; <see cref="CompleteAsync"/> waits for it.
    /// </summary>
    public Task SendTypingAsync(CancellationToken cancellationToken)
    {
        var typing = SendActivityAsync(new Activity { Type = ActivityTypes.Typing, Conversation = Activity.Conversation }, cancellationToken);
        _unawaited = _unawaited is null ? typing : Task.WhenAll(_unawaited, typing);
        return Task.CompletedTask;
    }

    /// <summary>Waits for what was sent without waiting (typing); its failure fails the turn here.</summary>
    public Task CompleteAsync() => _unawaited ?? Task.CompletedTask;
}
