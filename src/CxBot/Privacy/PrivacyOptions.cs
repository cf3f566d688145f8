using System.ComponentModel.DataAnnotations;

namespace CxBot.Privacy;

/// <summary>How long customers' data is kept, and where personal data is masked.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Conversations (transcripts, state, survey answers, tickets) are erased this many days after their last activity; 0 keeps them.</summary>
    [Range(0, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the retention purge runs, in minutes.</summary>
    [Range(1, 1440)]
    public int RetentionCheckMinutes { get; set; } = 60;

    /// <summary>Mask personal data (e-mails, phones, cards, IBANs, PESEL, secrets) in transcripts and comments shown on the CX dashboard.</summary>
    public bool RedactDashboard { get; set; } = true;

    /// <summary>
    /// Also mask personal data at rest: in the stored transcripts, survey comments and knowledge-base gaps of
    /// conversations that ended (30 minutes after they went quiet, so a live agent still sees everything).
    /// Tickets keep the contact details customers left on purpose.
    /// </summary>
    public bool RedactStoredTranscripts { get; set; }
}
