using System.Text.Json.Serialization;

namespace CxBot.Conversations;

/// <summary>
/// What the bot remembers about one conversation between turns. Loaded before a turn and saved at
/// its end; features keep their own part here so one save covers them all.
/// </summary>
public sealed class ConversationState
{
    /// <summary>Two-letter language the bot answers in (<c>pl</c> or <c>en</c>).</summary>
    public string Language { get; set; } = "pl";

    public bool Greeted { get; set; }

    public int CustomerMessages { get; set; }

    public DateTimeOffset? FirstCustomerMessageAt { get; set; }

    public DateTimeOffset? LastCustomerMessageAt { get; set; }

    public DateTimeOffset? FirstBotReplyAt { get; set; }

    /// <summary>Ids of the articles the bot answered with, in order (for the agent desk and the dashboard).</summary>
    public List<string> ArticlesUsed { get; set; } = [];

    /// <summary>Failures to help in a row: fallbacks and "no, that didn't help". Reset by a good answer.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>Times the customer said the bot did not understand them ("that's not what I asked"); the second brings a person.</summary>
    public int NotUnderstood { get; set; }

    /// <summary>The article the customer just said did not help; the same article again would repeat what missed.</summary>
    public string? RejectedArticle { get; set; }

    /// <summary>The bot's open question to the customer, which their next message may answer.</summary>
    public Bot.PendingQuestion Pending { get; set; }

    /// <summary>The articles the open question is about (the one to confirm, those offered in "Did you mean…").</summary>
    public List<string> PendingArticles { get; set; } = [];

    /// <summary>The ticket this conversation opened (an urgent one out of hours, or a message left); more words are added to it.</summary>
    public string? OpenTicketId { get; set; }

    /// <summary>Sentiment of each customer message, in order: kept with the message's id for the agent desk and the dashboard.</summary>
    public List<MessageSentiment> Sentiments { get; set; } = [];

    /// <summary>Where the conversation stands between the bot and the agents.</summary>
    public Handoff.HandoffPhase Handoff { get; set; } = CxBot.Handoff.HandoffPhase.Bot;

    /// <summary>Why the last handoff was offered or made (see <see cref="CxBot.Handoff.HandoffReason"/>).</summary>
    public string? HandoffReason { get; set; }

    /// <summary>The bot already offered a consultant once; it never asks again.</summary>
    public bool HandoffOffered { get; set; }

    /// <summary>The team the handoff is routed to (from its reason or the article it was about, or a transfer); null for anyone.</summary>
    public string? Team { get; set; }

    public DateTimeOffset? QueuedAt { get; set; }
    public string? AgentId { get; set; }
    public string? AgentName { get; set; }
    public DateTimeOffset? AgentJoinedAt { get; set; }

    /// <summary>Seconds the customer waited for the first agent.</summary>
    public double? WaitSeconds { get; set; }

    /// <summary>The queue position the customer was last told.</summary>
    public int LastToldPosition { get; set; }

    /// <summary>A person was asked for or took part: the conversation counts as escalated, not contained.</summary>
    public bool Escalated { get; set; }

    /// <summary>The agent who last handled the conversation, kept after they leave it for the survey's facts.</summary>
    public string? LastAgentName { get; set; }

    public Surveys.SurveyPhase Survey { get; set; } = CxBot.Surveys.SurveyPhase.NotAsked;
    public int? Csat { get; set; }
    public int? Ces { get; set; }
    public string? SurveyComment { get; set; }

    /// <summary>When and how the conversation ended: <c>customer</c>, <c>agent</c> or <c>inactivity</c>; null while open.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }

    /// <summary>Sentiment score of the customer's first message, if they wrote one.</summary>
    [JsonIgnore]
    public float? SentimentAtStart => Sentiments.Count > 0 ? Sentiments[0].Score : null;

    /// <summary>Sentiment score of the customer's latest message, if they wrote one.</summary>
    [JsonIgnore]
    public float? SentimentNow => Sentiments.Count > 0 ? Sentiments[^1].Score : null;

    /// <summary>Why a person was involved, if one was (the conversation is not contained).</summary>
    [JsonIgnore]
    public string? EscalationReason => Escalated ? HandoffReason : null;

    /// <summary>Sequence of the last customer message whose lost turn was run again (each is, at most once).</summary>
    public long LastRecoveredSequence { get; set; }
}
