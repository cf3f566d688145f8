using System.Diagnostics;
using System.Diagnostics.Metrics;
using CxBot.Handoff;

namespace CxBot.Metrics;

/// <summary>
/// Every CxBot instrument, in one place, on the <see cref="MeterName"/> meter (System.Diagnostics.Metrics, so
/// anything can listen: the host's OpenTelemetry Prometheus exporter, a test's <see cref="MeterListener"/>).
/// Prometheus names are the instrument names with dots as underscores, the unit as a suffix and <c>_total</c>
/// on counters (<c>cxbot.turns</c> → <c>cxbot_turns_total</c>, <c>cxbot.reply.latency</c> in s →
/// <c>cxbot_reply_latency_seconds</c>). Labels only ever carry values from small fixed sets chosen by the
/// code (actions, reasons, outcomes, scores, operations): never customer text, conversation or user ids.
/// Recording costs nothing measurable while no one listens.
/// </summary>
public sealed class CxBotMetrics : IDisposable
{
    public const string MeterName = "CxBot";

    /// <summary>Buckets for latencies in seconds, fine around the 100 ms reply target.</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Buckets for how long customers wait for an agent, in seconds.</summary>
    public static readonly IReadOnlyList<double> WaitBuckets = [5, 15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly TimeProvider _time;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _replyLatency;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _handoffs;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _tickets;
    private readonly Counter<long> _csat;
    private readonly Counter<long> _effort;
    private readonly Counter<long> _customerMessages;
    private readonly Counter<long> _conversationsStarted;
    private readonly Counter<long> _conversationsEnded;
    private readonly Counter<long> _tokens;
    private readonly UpDownCounter<long> _streams;
    private readonly Counter<long> _streamsOpened;
    private readonly Counter<long> _streamsRejected;
    private readonly Histogram<double> _storeDuration;
    private readonly Counter<long> _storeErrors;
    private readonly Counter<long> _rateLimited;
    private Func<IReadOnlyList<AgentStatus>>? _agents;
    private int _queueLength;
    private long _queueOldestTicks;

    /// <param name="meterFactory">The host's factory (so each host or test has its own meter); null creates a plain meter.</param>
    /// <param name="time">For the age of the oldest queue entry.</param>
    public CxBotMetrics(IMeterFactory? meterFactory = null, TimeProvider? time = null)
    {
        // A factory's meters belong to the factory, which disposes them with the host.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(MeterName)) ?? new Meter(MeterName);
        _time = time ?? TimeProvider.System;

        _turns = _meter.CreateCounter<long>("cxbot.turns", null, "Turns run, by kind of activity (message, conversationUpdate, internal…) and outcome (ok, failed)");
        _turnDuration = Histogram("cxbot.turn.duration", "Time a turn spends in the middleware and the bot", LatencyBuckets);
        _replyLatency = Histogram("cxbot.reply.latency",
            "From a customer's message being stored to the first reply to it being stored (queueing, lock, state and the turn)", LatencyBuckets);
        _answers = _meter.CreateCounter<long>("cxbot.answers", null, "The bot's answer decisions, by action (answer, clarify, fallback, smalltalk, handoff…) and language");
        _handoffs = _meter.CreateCounter<long>("cxbot.handoffs", null, "Handoff steps by reason and outcome: initiated, then accepted, failed or completed");
        _queueWait = Histogram("cxbot.queue.wait", "How long customers waited in the queue until an agent accepted", WaitBuckets);
        _tickets = _meter.CreateCounter<long>("cxbot.tickets.created", null, "Tickets (messages left for the team), by reason");
        _csat = _meter.CreateCounter<long>("cxbot.csat.answers", null, "CSAT answers by score (1–5) and who handled the conversation (bot, agent)");
        _effort = _meter.CreateCounter<long>("cxbot.effort.answers", null, "Customer effort answers by score (1–5)");
        _customerMessages = _meter.CreateCounter<long>("cxbot.customer.messages", null, "Customer messages by sentiment (negative, neutral, positive)");
        _conversationsStarted = _meter.CreateCounter<long>("cxbot.conversations.started", null, "Conversations opened on Direct Line");
        _conversationsEnded = _meter.CreateCounter<long>("cxbot.conversations.ended", null, "Conversations ended, by who ended them (customer, agent, inactivity)");
        _tokens = _meter.CreateCounter<long>("cxbot.tokens.issued", null, "Direct Line tokens issued, by route (secret, webchat, refresh)");
        _streams = _meter.CreateUpDownCounter<long>("cxbot.websocket.streams", null, "Direct Line WebSocket streams open now on this instance");
        _streamsOpened = _meter.CreateCounter<long>("cxbot.websocket.streams.opened", null, "Direct Line WebSocket streams opened");
        _streamsRejected = _meter.CreateCounter<long>("cxbot.websocket.streams.rejected", null, "WebSocket streams refused because the instance holds DirectLine:MaxWebSockets");
        _storeDuration = Histogram("cxbot.store.duration", "Store calls by operation", LatencyBuckets);
        _storeErrors = _meter.CreateCounter<long>("cxbot.store.errors", null, "Store calls that failed, by operation and kind (unavailable, other)");
        _rateLimited = _meter.CreateCounter<long>("cxbot.requests.rate_limited", null, "Requests answered 429, by the limit they hit");

        _meter.CreateObservableGauge("cxbot.queue.length", () => Volatile.Read(ref _queueLength), null, "Conversations waiting for an agent (the shared queue)");
        _meter.CreateObservableGauge("cxbot.queue.oldest_wait", ObserveOldestWait, "s", "How long the longest-waiting customer has waited so far");
        _meter.CreateObservableGauge("cxbot.agents", ObserveAgentsByPresence, null, "Agents connected to this instance, by presence (online, away)");
        _meter.CreateObservableGauge("cxbot.agent.conversations", () => Sum(a => a.Conversations.Count), null,
            "Conversations held by the agents connected to this instance");
        _meter.CreateObservableGauge("cxbot.agent.capacity", () => Sum(a => a.IsOnline ? a.Capacity : 0), null,
            "Conversations the online agents of this instance can hold at once");
    }

    public Meter Meter => _meter;

    /// <summary>Where the agent gauges read from (the local agents, so sums across instances are right).</summary>
    public void ObserveAgents(Func<IReadOnlyList<AgentStatus>> agents) => _agents = agents;

    /// <summary>The queue as last read: its length and when its oldest entry was queued.</summary>
    public void SetQueue(int length, DateTimeOffset? oldestEnqueuedAt)
    {
        Volatile.Write(ref _queueLength, length);
        Volatile.Write(ref _queueOldestTicks, oldestEnqueuedAt?.UtcTicks ?? 0);
    }

    public void TurnCompleted(string kind, bool failed, TimeSpan duration)
    {
        var tags = new TagList { { "kind", kind } };
        _turnDuration.Record(duration.TotalSeconds, tags);
        tags.Add("outcome", failed ? "failed" : "ok");
        _turns.Add(1, tags);
    }

    public void ReplySent(TimeSpan latency) => _replyLatency.Record(Math.Max(0, latency.TotalSeconds));

    public void AnswerDecided(string action, string language) =>
        _answers.Add(1, new KeyValuePair<string, object?>("action", Label(action)), new KeyValuePair<string, object?>("language", Label(language)));

    public void HandoffStep(string reason, string outcome) =>
        _handoffs.Add(1, new KeyValuePair<string, object?>("reason", Label(reason)), new KeyValuePair<string, object?>("outcome", Label(outcome)));

    public void QueueWaited(TimeSpan wait) => _queueWait.Record(Math.Max(0, wait.TotalSeconds));

    public void TicketCreated(string reason) => _tickets.Add(1, new KeyValuePair<string, object?>("reason", Label(reason)));

    public void CsatAnswered(int score, string handledBy) =>
        _csat.Add(1, new KeyValuePair<string, object?>("score", Score(score)), new KeyValuePair<string, object?>("handled_by", Label(handledBy)));

    public void EffortAnswered(int score) => _effort.Add(1, new KeyValuePair<string, object?>("score", Score(score)));

    public void CustomerMessage(string sentiment) => _customerMessages.Add(1, new KeyValuePair<string, object?>("sentiment", Label(sentiment)));

    public void ConversationStarted() => _conversationsStarted.Add(1);

    public void ConversationEnded(string endedBy) => _conversationsEnded.Add(1, new KeyValuePair<string, object?>("ended_by", Label(endedBy)));

    public void TokenIssued(string via) => _tokens.Add(1, new KeyValuePair<string, object?>("via", Label(via)));

    public void StreamOpened()
    {
        _streams.Add(1);
        _streamsOpened.Add(1);
    }

    public void StreamClosed() => _streams.Add(-1);

    public void StreamRejected() => _streamsRejected.Add(1);

    public void StoreCall(string operation, TimeSpan duration) =>
        _storeDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    public void StoreFailed(string operation, string kind) =>
        _storeErrors.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("kind", kind));

    public void RateLimited(string limit) => _rateLimited.Add(1, new KeyValuePair<string, object?>("limit", Label(limit)));

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }

    private Histogram<double> Histogram(string name, string description, IReadOnlyList<double> buckets) =>
        _meter.CreateHistogram(name, "s", description, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = buckets });

    private double ObserveOldestWait()
    {
        var ticks = Volatile.Read(ref _queueOldestTicks);
        return ticks == 0 ? 0 : Math.Max(0, (_time.GetUtcNow().UtcTicks - ticks) / (double)TimeSpan.TicksPerSecond);
    }

    private IEnumerable<Measurement<int>> ObserveAgentsByPresence()
    {
        var agents = _agents?.Invoke() ?? [];
        return
        [
            new(agents.Count(a => a.Presence == AgentPresence.Online), new KeyValuePair<string, object?>("presence", AgentPresence.Online)),
            new(agents.Count(a => a.Presence != AgentPresence.Online), new KeyValuePair<string, object?>("presence", AgentPresence.Away)),
        ];
    }

    private int Sum(Func<AgentStatus, int> of) => (_agents?.Invoke() ?? []).Sum(of);

    private static string Score(int score) => score is >= 1 and <= 5 ? ScoreNames[score] : "other";

    private static readonly string[] ScoreNames = ["0", "1", "2", "3", "4", "5"];

    /// <summary>
    /// Label values come from the code (reasons, actions, outcomes), never from customers; this only keeps a
    /// surprise value from a future change short and safe for Prometheus.
    /// </summary>
    private static bool IsClean(string value)
    {
        foreach (var c in value)
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')) return false;
        return true;
    }

    internal static string Label(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "unknown";
        if (value.Length <= 40 && IsClean(value)) return value;
        var cleaned = new string([.. value.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_').Take(40)]);
        return cleaned.Length == 0 ? "other" : cleaned;
    }
}
