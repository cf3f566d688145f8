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
}
