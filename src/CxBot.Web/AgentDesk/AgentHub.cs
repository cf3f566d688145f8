using System.Security.Claims;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Turns;
using Microsoft.AspNetCore.SignalR;

namespace CxBot.Web.AgentDesk;

/// <summary>
/// The agent desk's real-time channel. Agents come online by connecting; they accept conversations from
/// the queue, reply, type, return a conversation to the bot, transfer it or end it. Every action reaches
/// the conversation as an event through its turn queue. If an agent's last connection drops, their
/// conversations go back to the front of the queue.
/// </summary>
public sealed partial class AgentHub(
    AgentRegistry agents,
    TurnDispatcher dispatcher,
    IConversationStore store,
    AgentDeskBroadcaster broadcaster,
    AccountService accounts,
    HandoffGradeStore grades,
    ILogger<AgentHub> logger) : Hub
{
    public const string AgentsGroup = "agents";

    private string AgentId => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private string AgentName => Context.User!.Identity?.Name ?? AgentId;

    public override async Task OnConnectedAsync()
    {
        agents.Connected(AgentId, AgentName, accounts.Find(AgentId)?.Capacity ?? 3);
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentsGroup);
        foreach (var conversationId in agents.Snapshot().FirstOrDefault(a => a.Id == AgentId)?.Conversations ?? [])
            await Groups.AddToGroupAsync(Context.ConnectionId, AgentDeskBroadcaster.GroupOf(conversationId));
        await broadcaster.SendQueueAsync(Clients.Caller);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var conversationId in agents.Disconnected(AgentId))
            await DispatchAsync(conversationId, AgentEvents.Disconnected);
    }

    public void SetPresence(string presence) => agents.SetPresence(AgentId, presence);

    /// <summary>Takes a waiting conversation; fails if someone else was quicker or the agent is full.</summary>
    public async Task<bool> Accept(string conversationId)
    {
        if (!agents.TryAssign(AgentId, conversationId)) throw new HubException("You have no free slot, or you are away.");
        await DispatchAsync(conversationId, AgentEvents.Accept);
        var state = await store.LoadStateAsync(conversationId, Context.ConnectionAborted);
        if (state?.Handoff != HandoffPhase.WithAgent || state.AgentId != AgentId)
        {
            agents.Release(AgentId, conversationId);
            throw new HubException("This conversation is no longer waiting.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, AgentDeskBroadcaster.GroupOf(conversationId));
        broadcaster.Watch(conversationId);
        await RecordHandledAsync(conversationId, state);
        return true;
    }

    /// <summary>
    /// What the agent may grade later: the handoff's facts as they are at accept. The conversation is already the agent's,
    /// so a failure here is logged rather than undoing the accept; that handoff just cannot be graded.
    /// </summary>
    private async Task RecordHandledAsync(string conversationId, ConversationState state)
    {
        try { await grades.RecordHandledAsync(conversationId, AgentId, AgentName, state, CancellationToken.None); }
        catch (Exception e) when (e is not OperationCanceledException) { LogNotRecorded(logger, conversationId, e.Message); }
    }

    public Task Send(string conversationId, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000) throw new HubException("A reply must have 1 to 4000 characters.");
        return DispatchHeldAsync(conversationId, AgentEvents.Message, text);
    }

    public Task Typing(string conversationId) => DispatchHeldAsync(conversationId, AgentEvents.Typing);

    public Task ReturnToBot(string conversationId) => DispatchHeldAsync(conversationId, AgentEvents.ReturnToBot);

    public Task End(string conversationId) => DispatchHeldAsync(conversationId, AgentEvents.End);

    public Task Transfer(string conversationId, string? toAgentId) => DispatchHeldAsync(conversationId, AgentEvents.Transfer, toAgentId);

    private Task DispatchHeldAsync(string conversationId, string name, string? value = null)
    {
        if (!agents.Holds(AgentId, conversationId)) throw new HubException("You are not handling this conversation.");
        return DispatchAsync(conversationId, name, value);
    }

    private async Task DispatchAsync(string conversationId, string name, string? value = null)
    {
        var conversation = await store.GetAsync(conversationId, CancellationToken.None) ?? throw new HubException("No such conversation.");
        await dispatcher.DispatchAsync(conversation, AgentEvents.Create(name, conversationId, AgentId, AgentName, value));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record that an agent took conversation {ConversationId}; it cannot be graded: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string conversationId, string reason);
}
