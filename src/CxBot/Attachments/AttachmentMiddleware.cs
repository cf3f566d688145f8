using System.Text.Json;
using CxBot.Activities;
using CxBot.Handoff;
using CxBot.Texts;
using CxBot.Turns;

namespace CxBot.Attachments;

/// <summary>
/// Files in the conversation: a customer's message with photos or documents is acknowledged in words and the files go
/// with the case — an agent who has the conversation sees them in the desk (the bot stays quiet then), a waiting customer
/// hears the consultant will see them, a message being left for the team (a ticket) carries them. Text sent with the files
/// then goes on to the conversation flow as any message. A refused upload is explained in the chat.
/// </summary>
public sealed class AttachmentMiddleware(TextCatalog catalog, HandoffService handoff, TicketStore tickets) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (AttachmentEvents.IsRefusal(activity))
        {
            await RefusedAsync(context, cancellationToken);
            return;
        }

        if (activity is not { Type: ActivityTypes.Message, From.Role: "user" } || AttachmentService.FileIdsOf(activity).Count == 0)
        {
            await next(cancellationToken);
            return;
        }

        await ReceivedAsync(context, cancellationToken);
        if (!string.IsNullOrWhiteSpace(activity.Text)) await next(cancellationToken);
    }

    private async Task ReceivedAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        var texts = catalog.For(state.Language);
        var attachments = context.Activity.Attachments ?? [];
        var names = string.Join(", ", attachments.Select(a => a.Name));
        var photo = attachments.Any(a => a.ContentType?.StartsWith("image/", StringComparison.Ordinal) == true);
        var thanks = texts[photo ? "file_received_photo" : "file_received_document"];
        switch (state.Handoff)
        {
            case HandoffPhase.WithAgent:
                return; // The agent sees it in the desk as it arrives; the bot stays out of their conversation.
            case HandoffPhase.Queued:
                await context.SendTextAsync($"{thanks} {texts["file_received_for_agent"]}", cancellationToken);
                return;
            case HandoffPhase.TicketOffered when string.IsNullOrWhiteSpace(context.Activity.Text):
                // The files are the message left for the team.
                await handoff.TakeMessageAsync(context, $"[{names}]", cancellationToken);
                return;
        }

        if (state.OpenTicketId is { } ticketId && await tickets.GetAsync(ticketId, cancellationToken) is { Status: "open" } ticket)
            await tickets.SaveAsync(ticket with { Message = ticket.Message + $"\n[{names}]" }, cancellationToken);
        await context.SendTextAsync(string.IsNullOrWhiteSpace(context.Activity.Text) ? $"{thanks}\n\n{texts["file_received_tell_more"]}" : thanks, cancellationToken,
            string.IsNullOrWhiteSpace(context.Activity.Text) ? new SuggestedActions { Actions = [CardAction.ImBack(texts["talk_to_person"])] } : null);
    }

    private async Task RefusedAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Activity.Value is not { ValueKind: JsonValueKind.Object } value
            || value.Deserialize(AttachmentJsonContext.Default.AttachmentRefusal) is not { } refusal) return;
        var texts = catalog.For(context.State.Language);
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Text = texts.Format("file_refused_" + refusal.Reason, ("name", refusal.Name), ("limit", refusal.Limit)),
            TextFormat = TextFormats.Markdown,
            From = BotIdentity.Account,
            Recipient = new ChannelAccount { Id = context.Conversation.UserId ?? "user", Role = "user" },
            Locale = Languages.ToLocale(context.State.Language),
        };
        await context.SendActivityAsync(reply, cancellationToken);
    }
}
