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
    HandoffQueue queue,
    TeamRouting routing,
    HandoffGradeStore grades,
    ILogger<AgentHub> logger) : Hub
{
    public const string AgentsGroup = "agents";

    private string AgentId => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private string AgentName => Context.User!.Identity?.Name ?? AgentId;

    public override async Task OnConnectedAsync()
    {
        var account = accounts.Find(AgentId);
        agents.Connected(AgentId, AgentName, account?.Capacity ?? 3, account?.Teams, account?.Languages);
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
        // Offered to its team (or the agent it was transferred to) first: another agent waits until it is open to all.
        if ((await queue.SnapshotAsync(Context.ConnectionAborted)).FirstOrDefault(e => e.ConversationId == conversationId) is { } entry
            && !routing.MayTake(AgentId, entry))
            throw new HubException(entry.PreferredAgentId is not null
                ? $"This conversation was transferred to another agent; it is open to everyone from {routing.OpenToAllAt(entry):HH:mm:ss} UTC."
                : $"This conversation is offered to the {entry.Team ?? entry.Language.ToUpperInvariant()} agents first; it is open to everyone from {routing.OpenToAllAt(entry):HH:mm:ss} UTC.");
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

    /// <summary>Back to the queue, offered first to <paramref name="toAgentId"/> (an account), or to whoever is free when null.</summary>
    public Task Transfer(string conversationId, string? toAgentId)
    {
        if (toAgentId is not null && accounts.Find(toAgentId) is null) throw new HubException($"There is no agent '{toAgentId}'.");
        return DispatchHeldAsync(conversationId, AgentEvents.Transfer, toAgentId);
    }

    /// <summary>Back to the queue for <paramref name="team"/>: offered to that team's agents first.</summary>
    public Task TransferToTeam(string conversationId, string team)
    {
        if (!accounts.Teams.Contains(team, StringComparer.Ordinal)) throw new HubException($"There is no team '{team}' (teams: {string.Join(", ", accounts.Teams)}).");
        return DispatchHeldAsync(conversationId, AgentEvents.TransferToTeam, team);
    }

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
