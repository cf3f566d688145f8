namespace CxBot.Handoff;

/// <summary>Why a conversation was handed to a person; recorded with every handoff.</summary>
public static class HandoffReason
{
    public const string CustomerRequest = "customer-request";
    public const string Frustration = "frustration";
    public const string RepeatedFailure = "repeated-failure";
    public const string NotUnderstood = "not-understood";
    public const string EscalationTopic = "escalation-topic";

    /// <summary>Protected situations: a person at once, at the front of the queue.</summary>
    public const string Safety = "safety";
    public const string Health = "health";
    public const string Legal = "legal";
    public const string Fraud = "fraud";
    public const string Vulnerable = "vulnerable";
    public const string Complaint = "complaint";

    public static readonly string[] Protected = [Safety, Health, Legal, Fraud, Vulnerable, Complaint];

    public static bool IsProtected(string? reason) => reason is not null && Protected.Contains(reason);
}
