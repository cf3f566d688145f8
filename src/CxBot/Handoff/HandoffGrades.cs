namespace CxBot.Handoff;

/// <summary>
/// An agent's verdict on a handoff they handled, so CX leads can see whether the bot's judgement drifts.
/// "Right call" is a grade of its own, not the silence of an ungraded handoff: the rates are shares of the
/// handoffs agents actually judged, and the share judged at all is reported beside them.
/// </summary>
public static class HandoffGrades
{
    /// <summary>A person was needed, and at the right moment.</summary>
    public const string RightCall = "right-call";

    /// <summary>The bot could have helped; handing over was unnecessary.</summary>
    public const string NotNeeded = "not-needed";

    /// <summary>A person was needed earlier than the bot handed over.</summary>
    public const string TooLate = "too-late";

    public static readonly string[] All = [RightCall, NotNeeded, TooLate];

    public static bool IsValid(string? grade) => grade is not null && All.Contains(grade, StringComparer.Ordinal);
}
