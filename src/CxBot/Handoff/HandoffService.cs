using System.Text.Json;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Knowledge.Generative;
using CxBot.Storage;
using CxBot.Texts;
using CxBot.Turns;
using Microsoft.Extensions.Options;

namespace CxBot.Handoff;

/// <summary>
/// What a handoff does, for the conversation flow and the agent desk's events: start one (the Bot Framework
/// <c>handoff.initiate</c> event, then the queue with an honest position and wait, or, when nobody can come, a ticket),
/// tell a waiting customer where they stand, leave the queue, and take a message for the team.
/// </summary>
public sealed class HandoffService(
    HandoffQueue queue,
    AgentRegistry agents,
    WaitEstimator estimator,
    BusinessHours hours,
    IDocumentStore documents,
    IConversationStore conversations,
    IGenerativeAnswerer generative,
    TextCatalog catalog,
    TeamRouting routing,
    History.CustomerHistory history,
    IOptions<HandoffOptions> options)
{
    /// <summary>
    /// Hands the conversation over. <paramref name="urgent"/> (a protected situation) goes to the front of the queue, and
    /// when nobody can come it becomes an urgent ticket at once instead of an offer to leave a message.
    /// </summary>
    public async Task InitiateAsync(TurnContext context, string reason, bool urgent, CancellationToken cancellationToken)
    {
        var state = context.State;
        var texts = catalog.For(state.Language);
        state.HandoffReason = reason;
        state.Escalated = true;
        await context.SendActivityAsync(HandoffEvents.InitiateEvent(context.Conversation.Id, reason, state.Language), cancellationToken);

        var open = hours.IsOpen();
        if (!open || !agents.Snapshot().Any(a => a.IsOnline))
        {
            await context.SendActivityAsync(HandoffEvents.StatusEvent("failed", open ? "no agent online" : "outside business hours"), cancellationToken);
            state.Handoff = HandoffPhase.TicketOffered;
            if (urgent)
            {
                var ticket = await SaveTicketAsync(context, reason, context.Activity.Text ?? "", urgent: true, cancellationToken);
                state.OpenTicketId = ticket.Id;
                await context.SendTextAsync(texts.Format("urgent_ticket", ("ticket", ticket.Id)), cancellationToken);
                return;
            }

            await context.SendTextAsync(texts[open ? "no_agent_online" : "outside_hours"], cancellationToken,
                new SuggestedActions { Actions = [CardAction.ImBack(texts["continue_with_bot"])] });
            return;
        }

        var sentiment = state.SentimentNow ?? 0;
        state.Team = routing.TeamFor(reason, state.ArticlesUsed, state.Language);
        var entry = new QueueEntry(context.Conversation.Id, state.Language, reason, context.Time.GetUtcNow(),
            Urgent: urgent || sentiment <= options.Value.StrongNegativeScore, Returned: false, await SummaryAsync(context, cancellationToken), sentiment,
            Team: state.Team);
        await queue.EnqueueAsync(entry, cancellationToken);
        state.Handoff = HandoffPhase.Queued;
        state.QueuedAt = entry.EnqueuedAt;
        state.LastToldPosition = 0;
        await TellPositionAsync(context, PositionNews.Joined, cancellationToken);
    }

    /// <summary>
    /// A waiting customer's situation turned out to be protected: they move to the front of the queue with that reason.
    /// False when they are not waiting or already wait for a protected reason.
    /// </summary>
    public async Task<bool> MakeUrgentAsync(TurnContext context, string reason, CancellationToken cancellationToken)
    {
        var entry = (await queue.SnapshotAsync(cancellationToken)).FirstOrDefault(e => e.ConversationId == context.Conversation.Id);
        if (entry is null || entry.Urgent && HandoffReason.IsProtected(entry.Reason)) return false;
        context.State.HandoffReason = reason;
        await queue.EnqueueAsync(entry with { Urgent = true, Reason = reason, Summary = await SummaryAsync(context, cancellationToken) }, cancellationToken);
        return true;
    }

    /// <summary>Takes the conversation out of the queue (the customer cancelled or left); the desk sees it go.</summary>
    public async Task LeaveQueueAsync(TurnContext context, string why, CancellationToken cancellationToken)
    {
        await queue.RemoveAsync(context.Conversation.Id, cancellationToken);
        context.State.Handoff = HandoffPhase.Bot;
        await context.SendActivityAsync(HandoffEvents.StatusEvent("failed", why), cancellationToken);
    }

    public enum PositionNews
    {
        /// <summary>Just joined: position, estimate, and that the agent sees everything.</summary>
        Joined,

        /// <summary>Wrote while waiting: saved for the agent, still at position N.</summary>
        StillWaiting,

        /// <summary>The queue moved.</summary>
        Update,
    }

    public async Task TellPositionAsync(TurnContext context, PositionNews news, CancellationToken cancellationToken)
    {
        var state = context.State;
        var texts = catalog.For(state.Language);
        var waiting = await queue.SnapshotAsync(cancellationToken);
        var position = waiting.ToList().FindIndex(e => e.ConversationId == context.Conversation.Id) + 1;
        if (position == 0) return;
        state.LastToldPosition = position;
        var minutes = estimator.EstimateMinutes(waiting[position - 1], waiting, routing);
        var text = news switch
        {
            PositionNews.Joined => minutes switch
            {
                null => texts.Format("queued_no_estimate", ("position", position)),
                0 => texts.Format("queued_soon", ("position", position)),
                var m => texts.Format("queued", ("position", position), ("minutes", m)),
            },
            _ => texts.Format(news == PositionNews.Update ? "position_update" : "still_queued", ("position", position),
                ("wait", minutes is { } m && m > 0 ? texts.Format("still_queued_wait", ("minutes", m)) : "")),
        };
        await context.SendTextAsync(text, cancellationToken, new SuggestedActions { Actions = [CardAction.ImBack(texts["cancel_waiting"])] });
    }

    /// <summary>The customer's message for the team: a new ticket, or an addition to the one this conversation already opened.</summary>
    public async Task TakeMessageAsync(TurnContext context, string message, CancellationToken cancellationToken)
    {
        context.State.Handoff = HandoffPhase.Bot;
        await FileAsync(context, message, context.State.HandoffReason ?? HandoffReason.CustomerRequest, urgent: false, cancellationToken);
    }

    /// <summary>
    /// A protected situation told as the message for the team ("the lamp started smoking"): the request is urgent with that
    /// reason — a new urgent ticket that asks for a contact, or the one this conversation already opened moved up.
    /// </summary>
    public async Task TakeUrgentMessageAsync(TurnContext context, string reason, string message, CancellationToken cancellationToken)
    {
        context.State.HandoffReason = reason;
        context.State.Handoff = HandoffPhase.TicketOffered; // the contact they write next joins the same request
        await FileAsync(context, message, reason, urgent: true, cancellationToken);
    }

    /// <summary>Adds the message to the ticket this conversation opened (made urgent with the reason when it is), else opens one.</summary>
    private async Task FileAsync(TurnContext context, string message, string reason, bool urgent, CancellationToken cancellationToken)
    {
        var state = context.State;
        var texts = catalog.For(state.Language);
        if (state.OpenTicketId is { } id && await FindTicketAsync(id, cancellationToken) is { } existing)
        {
            var added = existing with { Message = existing.Message + "\n" + message };
            await PutTicketAsync(urgent ? added with { Reason = reason, Urgent = true } : added, cancellationToken);
            await context.SendTextAsync(texts.Format("ticket_updated", ("ticket", id)), cancellationToken);
            return;
        }

        var ticket = await SaveTicketAsync(context, reason, message, urgent, cancellationToken);
        state.OpenTicketId = ticket.Id;
        await context.SendTextAsync(texts.Format(urgent ? "urgent_ticket" : "ticket_created", ("ticket", ticket.Id)), cancellationToken);
    }

    public async Task<Ticket> SaveTicketAsync(TurnContext context, string reason, string message, bool urgent, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        var ticket = new Ticket($"T-{now:yyMMdd}-{Random.Shared.Next(1000, 9999)}", context.Conversation.Id, context.State.Language, reason, message, now,
            Urgent: urgent);
        await PutTicketAsync(ticket, cancellationToken);
        return ticket;
    }

    private Task PutTicketAsync(Ticket ticket, CancellationToken cancellationToken) =>
        documents.PutAsync(TicketStore.Collection, ticket.Id, JsonSerializer.SerializeToUtf8Bytes(ticket, HandoffJsonContext.Default.Ticket), cancellationToken);

    private async Task<Ticket?> FindTicketAsync(string id, CancellationToken cancellationToken) =>
        await new TicketStore(documents).GetAsync(id, cancellationToken);

    /// <summary>
    /// What the customer wants, for the queue — for a returning customer (a user id the website bound) first how often they
    /// wrote lately and what about ("returning customer: 2 conversations in 30 days, last about returns"); then, with an LLM configured, one sentence it writes from the customer's
    /// recent messages; otherwise, or if it fails, the reason, the articles tried and the last message.
    /// </summary>
    public async Task<string> SummaryAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var returning = await history.SummaryLineAsync(context.Conversation, cancellationToken);
        var wants = await WantsAsync(context, cancellationToken);
        return returning is null ? wants : $"{returning} · {wants}";
    }

    private async Task<string> WantsAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (!generative.IsEnabled) return Summary(context);
        var recent = (await conversations.ReadLastAsync(context.Conversation.Id, 60, cancellationToken))
            .Select(a => a.ToActivity())
            .Where(a => a is { Type: ActivityTypes.Message, From.Role: "user", Text.Length: > 0 })
            .Select(a => a.Text!)
            .TakeLast(6)
            .ToList();
        var written = await generative.SummariseAsync(recent, context.State.Language, cancellationToken);
        return written is null ? Summary(context) : HandoffReason.IsProtected(context.State.HandoffReason) ? $"⚠ {context.State.HandoffReason}: {written}" : written;
    }

    /// <summary>What the customer wants, for the agent's queue: a protected situation first, the articles the bot matched, the last words of the customer.</summary>
    public static string Summary(TurnContext context)
    {
        var articles = context.State.ArticlesUsed.TakeLast(2).ToList();
        var last = context.Activity.Type == ActivityTypes.Message ? context.Activity.Text ?? "" : "";
        if (last.Length > 140) last = last[..140] + "…";
        var prefix = HandoffReason.IsProtected(context.State.HandoffReason) ? $"⚠ {context.State.HandoffReason}: " : "";
        return articles.Count > 0 ? $"{prefix}[{string.Join(", ", articles)}] {last}" : prefix + last;
    }
}
