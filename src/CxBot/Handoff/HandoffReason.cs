namespace CxBot.Handoff;

/// <summary>Why a conversation was handed to a person; recorded with every handoff.</summary>
public static class HandoffReason
{
    public const string CustomerRequest = "customer-request";
    public const string Frustration = "frustration";
    public const string RepeatedFailure = "repeated-failure";
    public const string EscalationTopic = "escalation-topic";
}
