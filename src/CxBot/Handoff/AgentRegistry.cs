namespace CxBot.Handoff;

/// <summary>An agent as the desk knows them right now, with the teams they belong to and the languages they take (none named: any).</summary>
public sealed record AgentStatus(
    string Id, string DisplayName, string Presence, int Capacity, IReadOnlyList<string> Conversations,
    IReadOnlyList<string>? Teams = null, IReadOnlyList<string>? Languages = null)
{
    public bool IsOnline => Presence == AgentPresence.Online;
    public int FreeSlots => IsOnline ? Math.Max(0, Capacity - Conversations.Count) : 0;
}

public static class AgentPresence
{
    public const string Online = "online";
    public const string Away = "away";
}

/// <summary>
/// Which agents are connected, their presence and capacity, and the conversations each holds. Presence
/// lives in memory: agents reconnect after a restart, and their conversations are kept in the conversations' state.
/// Agents connected to other instances (scale-out) come in through <see cref="ReplaceRemote"/>; an agent is
/// assigned conversations only on the instance they are connected to.
/// </summary>
public sealed class AgentRegistry
{
    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);
    private IReadOnlyList<AgentStatus> _remote = [];

    public event Action? Changed;

    public void Connected(string agentId, string displayName, int capacity, IReadOnlyList<string>? teams = null, IReadOnlyList<string>? languages = null)
    {
        lock (_agents)
        {
            if (!_agents.TryGetValue(agentId, out var agent)) _agents[agentId] = agent = new Agent(agentId, displayName, capacity, teams ?? [], languages ?? []);
            agent.Connections++;
        }

        Changed?.Invoke();
    }

    /// <summary>Drops one connection; when it was the agent's last, returns the conversations they held so they can go back to the queue.</summary>
    public IReadOnlyList<string> Disconnected(string agentId)
    {
        IReadOnlyList<string> orphaned = [];
        lock (_agents)
        {
            if (!_agents.TryGetValue(agentId, out var agent)) return orphaned;
            if (--agent.Connections <= 0)
            {
                orphaned = [.. agent.Conversations];
                _agents.Remove(agentId);
            }
        }

        Changed?.Invoke();
        return orphaned;
    }

    public void SetPresence(string agentId, string presence)
    {
        lock (_agents)
            if (_agents.TryGetValue(agentId, out var agent)) agent.Presence = presence == AgentPresence.Away ? AgentPresence.Away : AgentPresence.Online;
        Changed?.Invoke();
    }

    /// <summary>Gives the agent the conversation if they are online and have a free slot.</summary>
    public bool TryAssign(string agentId, string conversationId)
    {
        lock (_agents)
        {
            if (!_agents.TryGetValue(agentId, out var agent) || agent.Presence != AgentPresence.Online) return false;
            if (!agent.Conversations.Contains(conversationId) && agent.Conversations.Count >= agent.Capacity) return false;
            agent.Conversations.Add(conversationId);
        }

        Changed?.Invoke();
        return true;
    }

    public void Release(string agentId, string conversationId)
    {
        lock (_agents)
            if (_agents.TryGetValue(agentId, out var agent)) agent.Conversations.Remove(conversationId);
        Changed?.Invoke();
    }

    public bool Holds(string agentId, string conversationId)
    {
        lock (_agents) return _agents.TryGetValue(agentId, out var agent) && agent.Conversations.Contains(conversationId);
    }

    /// <summary>Every agent online anywhere: this instance's, and other instances' as last shared.</summary>
    public IReadOnlyList<AgentStatus> Snapshot()
    {
        var local = LocalSnapshot();
        var remote = Volatile.Read(ref _remote);
        return remote.Count == 0 ? local : [.. local, .. remote.Where(r => local.All(l => l.Id != r.Id))];
    }

    /// <summary>The agents connected to this instance.</summary>
    public IReadOnlyList<AgentStatus> LocalSnapshot()
    {
        lock (_agents)
            return [.. _agents.Values.Select(a => new AgentStatus(a.Id, a.DisplayName, a.Presence, a.Capacity, [.. a.Conversations], a.Teams, a.Languages))];
    }

    /// <summary>Sets the agents connected to other instances; raises <see cref="Changed"/> when that differs from before.</summary>
    public void ReplaceRemote(IReadOnlyList<AgentStatus> remote)
    {
        var before = Interlocked.Exchange(ref _remote, remote);
        if (!Same(before, remote)) Changed?.Invoke();
    }

    private static bool Same(IReadOnlyList<AgentStatus> a, IReadOnlyList<AgentStatus> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Id == p.Second.Id && p.First.Presence == p.Second.Presence
            && p.First.Capacity == p.Second.Capacity && p.First.Conversations.SequenceEqual(p.Second.Conversations));

    private sealed class Agent(string id, string displayName, int capacity, IReadOnlyList<string> teams, IReadOnlyList<string> languages)
    {
        public IReadOnlyList<string> Teams { get; } = teams;
        public IReadOnlyList<string> Languages { get; } = languages;
        public string Id { get; } = id;
        public string DisplayName { get; } = displayName;
        public int Capacity { get; } = capacity;
        public string Presence { get; set; } = AgentPresence.Online;
        public int Connections { get; set; }
        public HashSet<string> Conversations { get; } = new(StringComparer.Ordinal);
    }
}
